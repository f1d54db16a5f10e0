/**
 * Messaging.MessageReceived: the daily run's message arriving at the skill. The request carries no session but an
 * apiAccessToken, which is what the Reminders API accepts for creating reminders; so the reminder is created here,
 * in the shopper's locale, with the product names from the skill's own catalog.
 */
import { getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response, interfaces } from 'ask-sdk-model';
import { productName } from '../../core/catalog/product';
import { messagesFor } from '../../core/i18n/messages';
import type { Catalog, Log } from '../../core/ports';
import type { Locale } from '../../core/turn';
import { toCoreLocale } from './locale';
import { decodeReplenishmentMessage, isReplenishmentMessage, type ReplenishmentMessage } from './replenishment-message';
import { createReminders, REMINDER_DEADLINE_MS, type PlannedReminder, type ReminderApi } from './reminders';
import { RemindersClient } from './reminders-client';

export const MESSAGE_RECEIVED = 'Messaging.MessageReceived';

/** The hour (device time) a replenishment reminder rings on its due day; the same as reminders set in a session. */
export const REMINDER_LOCAL_TIME = '09:00:00.000';

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

/** One reminder per known product, on the due day at the local reminder time; unknown ids are left out. */
export function remindersForMessage(message: ReplenishmentMessage, catalog: Pick<Catalog, 'get'>, locale: Locale): PlannedReminder[] {
  const words = messagesFor(locale);
  return message.productIds.flatMap((id) => {
    const product = catalog.get(id);
    return product ? [{ at: `${message.dueDay}T${REMINDER_LOCAL_TIME}`, text: words.reminderText(productName(product, locale)) }] : [];
  });
}

export interface MessageReceivedDeps {
  log: Log;
  catalog?: Pick<Catalog, 'get'>;
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
      if (!deps.catalog) {
        deps.log.error('alexa: replenishment message but no catalog configured');
        return done();
      }
      const locale = message.locale ?? toCoreLocale(request.locale);
      const reminders = remindersForMessage(message, deps.catalog, locale);
      if (reminders.length === 0) {
        deps.log.info('alexa: replenishment message names no known product');
        return done();
      }
      const api = reminderApiOf(input, deps.log);
      if (!api) return done();
      // Amazon may deliver a message more than once: identical reminders already set are not created again.
      const outcome = await createReminders(api, reminders, { locale, log: deps.log, skipExisting: true });
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
