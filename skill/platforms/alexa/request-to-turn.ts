import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import type { CoreIntent, DialogInfo, Turn } from '../../core/turn';
import { toCoreIntent } from './intents';
import { toCoreLocale } from './locale';
import { parseSessionState } from './session';
import { toCoreSlots } from './slots';

export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

function intentOf(envelope: RequestEnvelope): CoreIntent | undefined {
  const request = envelope.request;
  switch (request.type) {
    case 'LaunchRequest':
      return 'Launch';
    case 'SessionEndedRequest':
      return 'SessionEnded';
    case 'IntentRequest':
      return toCoreIntent(request.intent.name);
    default:
      return undefined;
  }
}

function confirmationOf(request: IntentRequest): DialogInfo['confirmation'] {
  const status = request.intent.confirmationStatus;
  return status === 'CONFIRMED' || status === 'DENIED' ? status : 'NONE';
}

function grantedPermissions(envelope: RequestEnvelope): string[] {
  const scopes = envelope.context.System.user.permissions?.scopes;
  return scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED' ? ['reminders'] : [];
}

/** Translates a (shape-checked) Alexa request into a Turn; undefined for request types the core has no part in. */
export function toTurn(envelope: RequestEnvelope): Turn | undefined {
  const intent = intentOf(envelope);
  if (!intent) return undefined;
  const { request, session, context } = envelope;
  const user = context.System.user;
  const intentRequest = request.type === 'IntentRequest' ? request : undefined;
  const accessToken = user.accessToken ?? session?.user?.accessToken;
  return {
    intent,
    slots: toCoreSlots(intentRequest?.intent.slots),
    locale: toCoreLocale(request.locale),
    customer: {
      platform: 'alexa',
      platformUserId: user.userId,
      ...(accessToken ? { accessToken } : {}),
    },
    session: parseSessionState(session?.attributes),
    // A request outside any session (none of the three above in practice) starts a fresh conversation.
    newSession: session?.new ?? true,
    dialog: { confirmation: intentRequest ? confirmationOf(intentRequest) : 'NONE' },
    device: { hasScreen: context.System.device?.supportedInterfaces?.['Alexa.Presentation.APL'] != null },
    requestId: request.requestId,
    permissions: grantedPermissions(envelope),
  };
}
