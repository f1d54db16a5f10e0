import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import type { CoreIntent, DialogInfo, Turn } from '../../core/turn';
import { SELECT_ARGUMENT, USER_EVENT } from './apl';
import { toCoreIntent } from './intents';
import { toCoreLocale } from './locale';
import { parseSessionState } from './session';
import { toCoreSlots } from './slots';

export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** The name of the Connections.SendRequest that asks for a permission by voice, and of its Connections.Response. */
export const ASK_FOR = 'AskFor';

/** Alexa's answer to a voice permission request: what the shopper said, or undefined for any other request. */
function permissionAnswerOf(envelope: RequestEnvelope): Turn['permissionAnswer'] {
  const request = envelope.request;
  if (request.type !== 'Connections.Response' || request.name !== ASK_FOR) return undefined;
  const payload = request.payload as { permissionScope?: unknown; status?: unknown } | undefined;
  // Only the reminders scope is ever asked for; an answer about anything else is not ours to act on.
  if (payload?.permissionScope !== undefined && payload.permissionScope !== REMINDERS_SCOPE) return 'unanswered';
  if (payload?.status === 'ACCEPTED') return 'granted';
  return payload?.status === 'DENIED' ? 'denied' : 'unanswered';
}

/** The product id of a tap on the APL product list (apl.ts's SendEvent), or undefined for any other request. */
function tappedProductId(envelope: RequestEnvelope): string | undefined {
  const request = envelope.request;
  if (request.type !== USER_EVENT) return undefined;
  const [kind, id] = (request as { arguments?: unknown[] }).arguments ?? [];
  return kind === SELECT_ARGUMENT && typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

function intentOf(envelope: RequestEnvelope): CoreIntent | undefined {
  const request = envelope.request;
  switch (request.type) {
    case 'LaunchRequest':
      return 'Launch';
    case 'SessionEndedRequest':
      return 'SessionEnded';
    case 'IntentRequest':
      return toCoreIntent(request.intent.name);
    case 'Connections.Response':
      return request.name === ASK_FOR ? 'PermissionAnswer' : undefined;
    case USER_EVENT:
      // A tap is a selection, the same Turn as saying "the second one" but naming the product itself.
      return tappedProductId(envelope) ? 'SelectItemIntent' : undefined;
    default:
      return undefined;
  }
}

function confirmationOf(request: IntentRequest): DialogInfo['confirmation'] {
  const status = request.intent.confirmationStatus;
  return status === 'CONFIRMED' || status === 'DENIED' ? status : 'NONE';
}

function grantedPermissions(envelope: RequestEnvelope, answer: Turn['permissionAnswer']): string[] {
  const scopes = envelope.context.System.user.permissions?.scopes;
  // The answer that grants the permission may arrive before the context lists the scope.
  const granted = scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED' || answer === 'granted';
  return granted ? ['reminders'] : [];
}

/** Translates a (shape-checked) Alexa request into a Turn; undefined for request types the core has no part in. */
export function toTurn(envelope: RequestEnvelope): Turn | undefined {
  const intent = intentOf(envelope);
  if (!intent) return undefined;
  const permissionAnswer = permissionAnswerOf(envelope);
  const { request, session, context } = envelope;
  const user = context.System.user;
  const intentRequest = request.type === 'IntentRequest' ? request : undefined;
  const accessToken = user.accessToken ?? session?.user?.accessToken;
  const tapped = tappedProductId(envelope);
  return {
    intent,
    slots: tapped ? { choice: { raw: tapped, ids: [tapped] } } : toCoreSlots(intentRequest?.intent.slots),
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
    // Every Alexa user has the Alexa app (cards, the LinkAccount card) and the Reminders API reaches them later.
    device: { hasScreen: context.System.device?.supportedInterfaces?.['Alexa.Presentation.APL'] != null, app: true, accountLinkingCard: true, outOfSessionReminders: true },
    requestId: request.requestId,
    ...(session?.sessionId ? { sessionId: session.sessionId } : {}),
    permissions: grantedPermissions(envelope, permissionAnswer),
    ...(permissionAnswer ? { permissionAnswer } : {}),
  };
}
