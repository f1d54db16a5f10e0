/**
 * One Dialogflow ES webhook call: a validated WebhookRequest in, a WebhookResponse out. The core decides
 * what to say; actions-on-google's `dialogflow()` app renders it for the Assistant; the generic messages
 * and the session context are added for every other integration. Never throws: a core or rendering
 * failure becomes a spoken apology that keeps the conversation (and its state) alive.
 */
import { dialogflow } from 'actions-on-google/dist/service/dialogflow/index.js';
import type { ConversationCore } from '../../core/conversation/core';
import type { Log } from '../../core/ports';
import type { Locale, Reply, Turn } from '../../core/turn';
import { apologyFor } from '../apology';
import { sessionOutputContext, type OutputContext } from './session';
import { elicitationContext } from './elicitation-context';
import { toTurn } from './request-to-turn';
import { genericFulfillment, renderOnConversation, type GenericMessage } from './reply-to-response';
import type { WebhookRequest } from './webhook-request';

export interface WebhookResponse {
  fulfillmentText: string;
  fulfillmentMessages: GenericMessage[];
  payload?: { google?: Record<string, unknown> };
  outputContexts: OutputContext[];
}

interface PendingRender {
  reply: Reply;
  locale: Locale;
}

/** Stands in for a missing session path so the output context still has a well-formed name. */
const UNKNOWN_SESSION = 'projects/unknown/agent/sessions/unknown';

export function apologyReply(turn: Turn): Reply {
  const apology = apologyFor(turn.locale);
  return { speech: apology.speech, reprompt: apology.reprompt, endSession: false, sessionState: turn.session };
}

export class GoogleFulfillment {
  /** The actions-on-google app, built once: its conversation object serialises the Assistant's rich response. */
  private readonly assistant = dialogflow({ debug: false });
  /** The reply each in-flight conversation renders, keyed by the body object handed to the app. */
  private readonly pending = new WeakMap<object, PendingRender>();

  constructor(
    private readonly core: ConversationCore,
    private readonly log: Log,
  ) {
    // Every intent takes the same path: the core already decided, the app only renders.
    this.assistant.fallback((conv) => {
      const render = this.pending.get(conv.body as object);
      if (!render) throw new Error('No reply registered for this conversation');
      renderOnConversation(conv, render.reply, render.locale);
    });
  }

  async fulfill(request: WebhookRequest): Promise<WebhookResponse> {
    const startedAt = Date.now();
    const turn = toTurn(request);
    const reply = await this.answer(turn);
    const google = await this.renderForAssistant(request, reply, turn);
    const session = request.session || UNKNOWN_SESSION;
    this.log.info('google turn', {
      requestId: turn.requestId,
      intent: turn.intent,
      locale: turn.locale,
      newSession: turn.newSession,
      endSession: reply.endSession,
      ms: Date.now() - startedAt,
    });
    return {
      ...genericFulfillment(reply, turn.locale),
      ...(google ? { payload: { google } } : {}),
      outputContexts: [sessionOutputContext(session, reply.endSession ? null : reply.sessionState), ...optional(elicitationContext(session, reply))],
    };
  }

  /** The core promises never to throw; this is the net under that promise. */
  private async answer(turn: Turn): Promise<Reply> {
    try {
      return await this.core.handle(turn);
    } catch (error) {
      this.log.error('core failed on a google turn', { requestId: turn.requestId, intent: turn.intent, error: errorName(error) });
      return apologyReply(turn);
    }
  }

  /**
   * Runs the reply through the actions-on-google app. It gets a minimal copy of the request: the app
   * mutates parameters and parses user storage and id tokens we do not use, and none of that should be
   * able to fail a turn. When rendering fails anyway, the generic messages alone still answer.
   */
  private async renderForAssistant(request: WebhookRequest, reply: Reply, turn: Turn): Promise<Record<string, unknown> | undefined> {
    const body = {
      responseId: request.responseId,
      session: request.session || UNKNOWN_SESSION,
      queryResult: {
        queryText: request.queryResult.queryText ?? '',
        languageCode: request.queryResult.languageCode ?? turn.locale,
        intent: { displayName: request.queryResult.intent?.displayName ?? '' },
        parameters: {},
        outputContexts: [],
      },
      originalDetectIntentRequest: {
        source: request.originalDetectIntentRequest?.source ?? 'webhook',
        payload: { surface: request.originalDetectIntentRequest?.payload?.surface ?? {} },
      },
    };
    this.pending.set(body, { reply, locale: turn.locale });
    try {
      const result = await this.assistant.handler(body, {});
      const payload = (result.body as { payload?: { google?: Record<string, unknown> } }).payload;
      return payload?.google;
    } catch (error) {
      this.log.error('rendering the assistant response failed', { requestId: turn.requestId, error: errorName(error) });
      return undefined;
    } finally {
      this.pending.delete(body);
    }
  }
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
