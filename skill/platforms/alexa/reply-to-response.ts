import type { ResponseBuilder } from 'ask-sdk-core';
import type { Intent, IntentRequest, RequestEnvelope, Response, interfaces } from 'ask-sdk-model';
import type { Reply } from '../../core/turn';
import { APL_INTERFACE, productListDirective } from './apl';
import { addCard } from './cards';
import { toCoreIntent } from './intents';
import { ASK_FOR, REMINDERS_SCOPE } from './request-to-turn';
import { toSsml } from './ssml';

/** The intent as Alexa should resume it: names, values and confirmation states only, nothing resolved. */
function updatedIntentOf(intent: Intent): Intent {
  const slots: NonNullable<Intent['slots']> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    slots[name] = {
      name,
      confirmationStatus: slot.confirmationStatus ?? 'NONE',
      ...(typeof slot.value === 'string' ? { value: slot.value } : {}),
    };
  }
  return { name: intent.name, confirmationStatus: intent.confirmationStatus ?? 'NONE', slots };
}

/**
 * Dialog directives are only valid for an intent that takes part in the skill's dialog model, and Alexa only
 * puts dialogState on such requests. An elicited slot must also belong to the intent: Alexa lists every
 * slot the intent defines, filled or not. Eliciting a slot of another intent (the voice PIN asked for while
 * answering a checkout) chains into that intent, which Alexa allows from any intent request: the next
 * answer, even a bare "one two three four", then arrives as that intent with the slot filled.
 */
function addDialogDirective(builder: ResponseBuilder, envelope: RequestEnvelope, ask: NonNullable<Reply['ask']>): void {
  const request = envelope.request;
  if (request.type !== 'IntentRequest') return;
  const current = (request as IntentRequest).intent;
  if (ask.kind === 'elicit' && ask.intent && ask.intent !== toCoreIntent(current.name)) {
    builder.addElicitSlotDirective(ask.slot, { name: ask.intent, confirmationStatus: 'NONE', slots: { [ask.slot]: { name: ask.slot, confirmationStatus: 'NONE' } } });
    return;
  }
  if ((request as IntentRequest).dialogState === undefined) return;
  const intent = updatedIntentOf(current);
  if (ask.kind === 'confirm') {
    builder.addConfirmIntentDirective(intent);
    return;
  }
  if (intent.slots?.[ask.slot] !== undefined) builder.addElicitSlotDirective(ask.slot, intent);
}

/**
 * Alexa's voice permission request: Alexa itself asks "do you give vocart permission to update your
 * reminders?" and answers the skill with a Connections.Response (request-to-turn.ts maps it to PermissionAnswer).
 */
export function askForRemindersDirective(): interfaces.connections.SendRequestDirective {
  return {
    type: 'Connections.SendRequest',
    name: ASK_FOR,
    payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: REMINDERS_SCOPE },
    token: 'reminders',
  };
}

function supportsApl(envelope: RequestEnvelope): boolean {
  return envelope.context.System.device?.supportedInterfaces?.[APL_INTERFACE] != null;
}

/** Turns the core's Reply into an Alexa response body (the envelope around it is ask-sdk-core's job). */
export function buildResponse(reply: Reply, envelope: RequestEnvelope, builder: ResponseBuilder): Response {
  builder.speak(toSsml(reply.speech));
  addCard(builder, reply);
  // Every display is a fresh RenderDocument, a changed cart included: SetValue or ExecuteCommands would need the
  // document still on screen, which the skill cannot know (it may have timed out or been replaced).
  if (reply.display && supportsApl(envelope)) builder.addDirective(productListDirective(reply.display));

  if (reply.askPermission === 'reminders' && !reply.endSession) {
    // Alexa takes the conversation over: no reprompt of ours, and the session hands off (it resumes with the answer).
    builder.addDirective(askForRemindersDirective());
    builder.withShouldEndSession(true);
    return builder.getResponse();
  }
  if (reply.endSession) {
    builder.withShouldEndSession(true);
    return builder.getResponse();
  }
  // An open session without a reprompt leaves the shopper in silence when they do not answer.
  builder.reprompt(toSsml(reply.reprompt ?? reply.speech));
  if (reply.ask) addDialogDirective(builder, envelope, reply.ask);
  builder.withShouldEndSession(false);
  return builder.getResponse();
}
