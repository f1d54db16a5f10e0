import type { ErrorHandler, HandlerInput, RequestHandler, Skill } from 'ask-sdk-core';
// ask-sdk-core is CommonJS, so its index pulls in every module it re-exports (viewport and component utilities, the
// API client, content helpers: about 14 KB of the minified bundle) whatever is used. The two modules vocart needs
// are imported by their own paths; 2.x has no "exports" map, and test/infra/bundling.test.ts runs the built bundle.
import { SkillBuilders } from 'ask-sdk-core/dist/skill/SkillBuilders';
import { getLocale, getRequestType } from 'ask-sdk-core/dist/util/RequestEnvelopeUtils';
import type { Response } from 'ask-sdk-model';
import type { ConversationCore } from '../../core/conversation/core';
import type { Log } from '../../core/ports';
import type { Reply, Turn } from '../../core/turn';
import { apologyFor } from '../apology';
import { toCoreLocale } from './locale';
import { messageReceivedHandler, reminderApiOf } from './message-received';
import { createReminders } from './reminders';
import { buildResponse } from './reply-to-response';
import { toTurn } from './request-to-turn';
import { toSsml } from './ssml';

/** What the Alexa skill needs from the composition root (skill/app.ts's App satisfies it). */
export interface AlexaSkillDeps {
  core: ConversationCore;
  config: { ALEXA_SKILL_ID?: string | undefined };
  log: Log;
}

/**
 * Schedules the reply's reminders when the shopper granted the permission. Whatever the Reminders API does, the
 * shopper hears the reply; if Amazon says the permission is gone, the shopper hears what the core said for that case
 * (`ifRemindersRefused`: asking for the permission again), and Alexa's next request no longer lists the scope.
 */
async function withReminders(input: HandlerInput, turn: Turn, reply: Reply, log: Log): Promise<Reply> {
  if (!reply.reminders?.length || !turn.permissions?.includes('reminders')) return reply;
  const api = reminderApiOf(input, log);
  if (!api) return reply;
  const outcome = await createReminders(api, reply.reminders, { locale: turn.locale, log });
  log.info('alexa: reminders scheduled', { created: outcome.created, failed: outcome.failed });
  if (!outcome.permissionLost || !reply.ifRemindersRefused) return reply;
  return { ...reply, ...reply.ifRemindersRefused };
}

/**
 * One handler for every request: translate, ask the core, translate back. Request types the core has no
 * part in (skill events, System.ExceptionEncountered…) get a valid empty response: Alexa expects an answer
 * and there is nothing to say.
 */
function conversationHandler(deps: AlexaSkillDeps): RequestHandler {
  return {
    canHandle: () => true,
    async handle(input: HandlerInput): Promise<Response> {
      const envelope = input.requestEnvelope;
      const turn = toTurn(envelope);
      if (!turn) {
        deps.log.info('alexa: request type without a turn', { requestType: getRequestType(envelope) });
        return input.responseBuilder.getResponse();
      }
      const reply = await withReminders(input, turn, await deps.core.handle(turn), deps.log);
      if (envelope.session) input.attributesManager.setSessionAttributes(reply.sessionState);
      // Alexa ignores any response to SessionEndedRequest and rejects one that speaks.
      if (envelope.request.type === 'SessionEndedRequest') return input.responseBuilder.getResponse();
      return buildResponse(reply, envelope, input.responseBuilder);
    },
  };
}

/** The core never throws, so this only catches translation bugs: the shopper hears an apology, never a trace. */
function apologyHandler(deps: AlexaSkillDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input: HandlerInput, error: Error): Response {
      const envelope = input.requestEnvelope;
      deps.log.error('alexa: request failed', {
        requestType: getRequestType(envelope),
        // The name only: a message may quote request content, and logs carry no personal data.
        errorName: error.name,
      });
      if (envelope.request.type === 'SessionEndedRequest') return input.responseBuilder.getResponse();
      const apology = apologyFor(toCoreLocale(getLocale(envelope)));
      return input.responseBuilder.speak(toSsml(apology.speech)).reprompt(toSsml(apology.reprompt)).withShouldEndSession(false).getResponse();
    },
  };
}

export function createAlexaSkill(deps: AlexaSkillDeps): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(messageReceivedHandler(deps), conversationHandler(deps))
    .addErrorHandlers(apologyHandler(deps))
    // No withApiClient: the one Amazon API vocart calls, Reminders, goes through its own client
    // (reminders-client.ts), so ask-sdk-core needs no ServiceClientFactory per request.
    .withCustomUserAgent('vocart');
  if (deps.config.ALEXA_SKILL_ID) builder.withSkillId(deps.config.ALEXA_SKILL_ID);
  return builder.create();
}
