/**
 * Messaging.MessageReceived: the daily run's message arriving at the skill. The adapter only translates: the message
 * becomes a ReplenishmentDue Turn, the core decides which reminders to set and what they say, and the reply's
 * reminders are created here through the Reminders API with the request's apiAccessToken (the request has no session).
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
// By its own path, not the package index (see skill.ts).
import { getRequestType } from 'ask-sdk-core/dist/util/RequestEnvelopeUtils';
import type { Response, interfaces } from 'ask-sdk-model';
import type { ConversationCore } from '../../core/conversation/core';
import type { Log } from '../../core/ports';
import type { Turn } from '../../core/turn';
import { toCoreLocale } from './locale';
import { decodeReplenishmentMessage, isReplenishmentMessage, type ReplenishmentMessage } from './replenishment-message';
import { createReminders, REMINDER_DEADLINE_MS, type ReminderApi } from './reminders';
import { RemindersClient } from './reminders-client';

export const MESSAGE_RECEIVED = 'Messaging.MessageReceived';

/**
 * The Reminders API client for this request, or undefined when the request gives no way to call it: Alexa puts the
 * regional apiEndpoint and a short-lived apiAccessToken on every request, and on none when it has no user to act for.
 */
export function reminderApiOf(input: HandlerInput, log: Log): ReminderApi | undefined {
  const system = input.requestEnvelope.context?.System;
  if (!system?.apiEndpoint || !system.apiAccessToken) {
    log.warn('alexa: request carries no apiEndpoint/apiAccessToken; reminders skipped');
    return undefined;
  }
  return new RemindersClient({ apiEndpoint: system.apiEndpoint, apiAccessToken: system.apiAccessToken, timeoutMs: REMINDER_DEADLINE_MS });
}

/** The message as the core's Turn: who it is for, in which language, and what is due when. */
export function messageTurn(input: HandlerInput, message: ReplenishmentMessage): Turn {
  const { request, context } = input.requestEnvelope;
  return {
    intent: 'ReplenishmentDue',
    slots: {},
    locale: message.locale ?? toCoreLocale(request.locale),
    customer: { platform: 'alexa', platformUserId: context.System.user.userId },
    session: {},
    // Outside any session: no conversation, no pending question, no screen.
    newSession: true,
    dialog: { confirmation: 'NONE' },
    device: { hasScreen: false },
    requestId: request.requestId,
    replenishmentDue: { dueDay: message.dueDay, productIds: message.productIds },
  };
}

export interface MessageReceivedDeps {
  core: ConversationCore;
  log: Log;
}

/**
 * Answers every message with an empty response: that acknowledges it, and Alexa stops redelivering. A message
 * that cannot be used (not ours, malformed, products gone) is acknowledged too, since repeating it cannot help.
 */
export function messageReceivedHandler(deps: MessageReceivedDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === MESSAGE_RECEIVED,
    async handle(input: HandlerInput): Promise<Response> {
      const done = () => input.responseBuilder.getResponse();
      const request = input.requestEnvelope.request as interfaces.messaging.MessageReceivedRequest;
      if (!isReplenishmentMessage(request.message)) {
        deps.log.info('alexa: message of another kind ignored');
        return done();
      }
      let message: ReplenishmentMessage;
      try {
        message = decodeReplenishmentMessage(request.message);
      } catch (error) {
        deps.log.warn('alexa: malformed replenishment message', { errorName: error instanceof Error ? error.name : typeof error });
        return done();
      }
      const turn = messageTurn(input, message);
      const reminders = (await deps.core.handle(turn)).reminders ?? [];
      if (reminders.length === 0) {
        deps.log.info('alexa: replenishment message names no known product');
        return done();
      }
      const api = reminderApiOf(input, deps.log);
      if (!api) return done();
      // Amazon may deliver a message more than once: identical reminders already set are not created again.
      const outcome = await createReminders(api, reminders, { locale: turn.locale, log: deps.log, skipExisting: true });
      deps.log.info('alexa: replenishment reminders from message', {
        created: outcome.created,
        duplicates: outcome.duplicates,
        failed: outcome.failed,
        permissionLost: outcome.permissionLost,
      });
      return done();
    },
  };
}
