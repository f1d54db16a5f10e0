/**
 * One shopper talking to the Dialogflow ES agent through the Google Assistant integration, as Dialogflow would call
 * the fulfillment webhook: a v2 WebhookRequest per turn (queryResult with the matched intent's display name and every
 * parameter it declares, the output contexts Dialogflow keeps, originalDetectIntentRequest with the Assistant
 * payload: user, capabilities, conversation), and Dialogflow's context bookkeeping (a turn costs one lifespan; a
 * response sets, refreshes or clears contexts). The webhook runs in process through GoogleWebhook.answer, with the
 * same parsing and checks as POST /google.
 */
import { randomUUID } from 'node:crypto';
import type { HttpResult } from '../../../../skill/platforms/google/webhook';
import type { Understood } from '../../../nlu/understanding';
import { DIALOGFLOW_FALLBACK, DIALOGFLOW_WELCOME, dialogflowInputContexts, dialogflowIntentName } from '../intent-names';
import type { Exchange, ShopperOptions } from '../types';
import type { DialogflowAgent } from './agent';

export const CONSOLE_PROJECT = 'vocart-console';

/**
 * Dialogflow's intentDetectionConfidence for a matched intent: the offline classifier's score, in [0, 1] with four
 * decimals as Dialogflow writes it. An event (the welcome) and the fallback intent come with 1: Dialogflow is sure
 * it matched nothing, and a miss is counted as a miss, not as an unsure match.
 */
export function detectionConfidence(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
}
export const RETURNING_GOOGLE_USER = 'vocart-console-returning-shopper';

export interface DialogflowContext {
  name: string;
  lifespanCount?: number;
  parameters?: Record<string, unknown>;
}

export interface DialogflowConversationDeps {
  webhook: { answer(raw: Buffer): Promise<HttpResult> };
  agent: DialogflowAgent;
  options: ShopperOptions;
  accessToken: string;
}

export class DialogflowConversation {
  readonly userId: string;
  private session: string | undefined;
  private turnInSession = 0;
  private contexts = new Map<string, DialogflowContext>();

  constructor(private readonly deps: DialogflowConversationDeps) {
    this.userId = deps.options.returning ? RETURNING_GOOGLE_USER : `console-${randomUUID()}`;
  }

  get inSession(): boolean {
    return this.session !== undefined;
  }

  get sessionState(): DialogflowContext[] {
    return [...this.contexts.values()];
  }

  /** "Talk to vocart": the WELCOME event on a new Dialogflow session. */
  launch(): Promise<Exchange> {
    this.closeSession();
    return this.send(DIALOGFLOW_WELCOME, {}, 'GOOGLE_ASSISTANT_WELCOME', 1);
  }

  say(said: Understood): Promise<Exchange> {
    // Dialogflow's agent matches down to its own threshold (mlMinConfidence), lower than offline understanding's: a
    // guess above it is a match Dialogflow would make, and send unsure.
    const guess = said.guess && said.guess.score >= this.deps.agent.mlMinConfidence ? said.guess : undefined;
    const understood: Understood = guess ? { ...said, intent: guess.intent, slots: guess.slots, score: guess.score } : said;
    let displayName = dialogflowIntentName(understood.intent);
    // An intent with input contexts matches only while they are open (the bare PIN answer).
    const open = new Set(this.contexts.keys());
    if (!dialogflowInputContexts(understood.intent).every((context) => open.has(context))) displayName = DIALOGFLOW_FALLBACK;
    const fallback = displayName === DIALOGFLOW_FALLBACK;
    return this.send(displayName, fallback ? {} : understood.slots, understood.utterance, fallback ? 1 : detectionConfidence(understood.score));
  }

  private sessionPath(): string {
    return this.session!;
  }

  private request(displayName: string, slots: Record<string, string>, queryText: string, confidence: number): Record<string, unknown> {
    const { agent, options, accessToken } = this.deps;
    const intent = agent.intent(displayName);
    const parameters: Record<string, unknown> = {};
    const originals: Record<string, unknown> = {};
    for (const { name, dataType } of intent?.parameters ?? []) {
      const said = slots[name];
      parameters[name] = said === undefined ? '' : agent.parameterValue(dataType, said);
      if (said !== undefined) originals[`${name}.original`] = said;
    }
    const isLaunch = displayName === DIALOGFLOW_WELCOME;
    const session = this.sessionPath();
    const capabilities = ['actions.capability.AUDIO_OUTPUT', 'actions.capability.MEDIA_RESPONSE_AUDIO', 'actions.capability.ACCOUNT_LINKING'];
    if (options.screen) capabilities.push('actions.capability.SCREEN_OUTPUT', 'actions.capability.WEB_BROWSER');
    // Dialogflow adds the matched parameters, with what was said for each, to its system context.
    const outputContexts = [
      ...this.contexts.values(),
      { name: `${session}/contexts/__system_counters__`, lifespanCount: 1, parameters: { 'no-input': 0, 'no-match': 0, ...parameters, ...originals } },
    ];
    return {
      responseId: `${randomUUID()}-${this.turnInSession.toString(16).padStart(8, '0')}`,
      session,
      queryResult: {
        queryText,
        parameters,
        allRequiredParamsPresent: true,
        fulfillmentMessages: [{ text: { text: [''] } }],
        outputContexts,
        intent: { name: `projects/${CONSOLE_PROJECT}/agent/intents/${intent?.id ?? randomUUID()}`, displayName },
        intentDetectionConfidence: confidence,
        languageCode: agent.language,
      },
      originalDetectIntentRequest: {
        source: 'google',
        version: '2',
        payload: {
          isInSandbox: true,
          requestType: 'SIMULATOR',
          surface: { capabilities: capabilities.map((name) => ({ name })) },
          inputs: [{ intent: isLaunch ? 'actions.intent.MAIN' : 'actions.intent.TEXT', rawInputs: [{ inputType: 'KEYBOARD', query: queryText }] }],
          user: { locale: options.locale, userId: this.userId, ...(options.linked ? { accessToken } : {}) },
          conversation: { conversationId: session.slice(session.lastIndexOf('/') + 1), type: isLaunch || this.turnInSession === 0 ? 'NEW' : 'ACTIVE' },
        },
      },
    };
  }

  private async send(displayName: string, slots: Record<string, string>, queryText: string, confidence: number): Promise<Exchange> {
    if (!this.session) {
      this.session = `projects/${CONSOLE_PROJECT}/agent/sessions/${randomUUID()}`;
      this.turnInSession = 0;
      this.contexts = new Map();
    }
    const request = this.request(displayName, slots, queryText, confidence);
    const started = performance.now();
    const result = await this.deps.webhook.answer(Buffer.from(JSON.stringify(request), 'utf8'));
    const handlerMs = performance.now() - started;
    const response = JSON.parse(result.body) as Record<string, any>;
    if (result.statusCode === 200) this.keep(response);
    return { platformIntent: displayName, request, status: result.statusCode, response, handlerMs };
  }

  /** Dialogflow's bookkeeping, and the Assistant closing the conversation when the response says so. */
  private keep(response: Record<string, any>): void {
    this.turnInSession += 1;
    if (response.payload?.google?.expectUserResponse === false) {
      this.closeSession();
      return;
    }
    const next = new Map<string, DialogflowContext>();
    for (const [id, context] of this.contexts) {
      const lifespan = context.lifespanCount ?? 5;
      if (lifespan > 1) next.set(id, { ...context, lifespanCount: lifespan - 1 });
    }
    for (const context of (response.outputContexts ?? []) as DialogflowContext[]) {
      const id = context.name.slice(context.name.lastIndexOf('/') + 1);
      if (!context.lifespanCount) next.delete(id);
      else next.set(id, structuredClone(context));
    }
    this.contexts = next;
  }

  private closeSession(): void {
    this.session = undefined;
    this.turnInSession = 0;
    this.contexts = new Map();
  }
}
