/**
 * One shopper on an Alexa device, as the Alexa service would talk to the skill: a RequestEnvelope per turn
 * (LaunchRequest to open a session, IntentRequest with every slot of the intent and entity resolutions), the
 * session's attributes handed back from the last response, and Alexa's dialog management: after a
 * Dialog.ConfirmIntent a "yes" or "no" arrives as the same intent CONFIRMED or DENIED, after a Dialog.ElicitSlot the
 * answer arrives as that intent with the slot filled. The skill runs in process through ask-sdk-core's invoke, after
 * the same envelope checks the /alexa route makes.
 */
import { randomUUID } from 'node:crypto';
import type { Skill } from 'ask-sdk-core';
import type { Intent, RequestEnvelope, ResponseEnvelope, Slot } from 'ask-sdk-model';
import { InvalidEnvelopeError, parseAlexaEnvelope } from '../../../../skill/platforms/alexa/envelope';
import { BadRequestError } from '../../../../skill/core/errors';
import type { Understood } from '../../../nlu/understanding';
import { alexaIntentName } from '../intent-names';
import type { Exchange, ShopperOptions } from '../types';
import type { AlexaModel } from './model';

export const CONSOLE_SKILL_ID = 'amzn1.ask.skill.00000000-c0de-4c0e-8000-000000c0501e';
export const RETURNING_ALEXA_USER = 'amzn1.ask.account.VOCART-CONSOLE-RETURNING-SHOPPER';
/** The built-ins that leave Alexa's question unanswered even when their words could fill the slot. */
const ESCAPES = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent', 'AMAZON.RepeatIntent']);

export interface AlexaConversationDeps {
  skill: Pick<Skill, 'invoke'>;
  model: AlexaModel;
  options: ShopperOptions;
  /** The demo account's account-linking token, sent when the shopper is linked. */
  accessToken: string;
}

type PendingDialog = { kind: 'confirm'; intent: Intent } | { kind: 'elicit'; slot: string; intent: Intent };

interface IntentSpec {
  name: string;
  slots: Record<string, string>;
  confirmationStatus: 'NONE' | 'CONFIRMED' | 'DENIED';
  dialogState?: 'STARTED' | 'IN_PROGRESS';
}

export class AlexaConversation {
  readonly userId: string;
  private readonly deviceId = `amzn1.ask.device.CONSOLE${randomUUID().replaceAll('-', '').toUpperCase()}`;
  private sessionId: string | undefined;
  private attributes: Record<string, unknown> = {};
  private pending: PendingDialog | undefined;

  constructor(private readonly deps: AlexaConversationDeps) {
    this.userId = deps.options.returning ? RETURNING_ALEXA_USER : `amzn1.ask.account.CONSOLE-${randomUUID().toUpperCase()}`;
  }

  get inSession(): boolean {
    return this.sessionId !== undefined;
  }

  get sessionState(): Record<string, unknown> {
    return this.attributes;
  }

  /** Opens a new session ("Alexa, open vocart"), ending any session still open. */
  launch(): Promise<Exchange> {
    this.closeSession();
    return this.send({ type: 'LaunchRequest' }, 'LaunchRequest');
  }

  /** What the shopper said, understood; outside a session this is a one-shot request that opens one. */
  say(understood: Understood): Promise<Exchange> {
    const spec = this.intentFor(understood);
    return this.send(this.intentRequest(spec), spec.name);
  }

  /** The next request's intent: an answer to Alexa's pending dialog question, or a fresh intent. */
  private intentFor(understood: Understood): IntentSpec {
    const name = alexaIntentName(understood.intent);
    const pending = this.pending;
    if (pending?.kind === 'confirm' && (name === 'AMAZON.YesIntent' || name === 'AMAZON.NoIntent')) {
      return { ...this.resumed(pending.intent), confirmationStatus: name === 'AMAZON.YesIntent' ? 'CONFIRMED' : 'DENIED', dialogState: 'IN_PROGRESS' };
    }
    if (pending?.kind === 'elicit') {
      // Alexa matches the answer against the slot's own samples ("{pin}", "some {product}"): words that fill the
      // slot answer the question; an utterance of another intent ("what's in my cart") switches to that intent.
      const value = understood.slots[pending.slot] ?? (name === 'AMAZON.FallbackIntent' ? understood.utterance.trim() : undefined);
      if (value !== undefined && !ESCAPES.has(name)) {
        const resumed = this.resumed(pending.intent);
        return { ...resumed, slots: { ...resumed.slots, [pending.slot]: value }, dialogState: 'IN_PROGRESS' };
      }
    }
    const slots = Object.fromEntries(Object.entries(understood.slots).filter(([slot]) => this.deps.model.slotsOf(name).some((defined) => defined.name === slot)));
    return { name, slots, confirmationStatus: 'NONE', ...(this.deps.model.inDialogModel(name) ? { dialogState: 'STARTED' as const } : {}) };
  }

  private resumed(intent: Intent): IntentSpec {
    const slots: Record<string, string> = {};
    for (const [name, slot] of Object.entries(intent.slots ?? {})) if (typeof slot.value === 'string') slots[name] = slot.value;
    return { name: intent.name, slots, confirmationStatus: 'NONE' };
  }

  private intentRequest(spec: IntentSpec): RequestEnvelope['request'] {
    const slots: Record<string, Slot> = {};
    for (const { name, type } of this.deps.model.slotsOf(spec.name)) {
      const value = spec.slots[name];
      if (value === undefined) {
        slots[name] = { name, confirmationStatus: 'NONE' } as Slot;
        continue;
      }
      const resolutions = this.deps.model.resolve(type, value);
      slots[name] = { name, value, confirmationStatus: 'NONE', source: 'USER', ...(resolutions ? { resolutions } : {}) } as Slot;
    }
    return {
      type: 'IntentRequest',
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale: this.deps.options.locale,
      ...(spec.dialogState ? { dialogState: spec.dialogState } : {}),
      intent: { name: spec.name, confirmationStatus: spec.confirmationStatus, slots },
    } as RequestEnvelope['request'];
  }

  private envelope(request: RequestEnvelope['request'] | { type: 'LaunchRequest' }, isNew: boolean): RequestEnvelope {
    const { options, accessToken, model } = this.deps;
    const user = { userId: this.userId, ...(options.linked ? { accessToken } : {}) };
    const application = { applicationId: model.skillId };
    const fullRequest =
      request.type === 'LaunchRequest'
        ? { type: 'LaunchRequest', requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString(), locale: options.locale, shouldLinkResultBeReturned: false }
        : request;
    return {
      version: '1.0',
      session: { new: isNew, sessionId: this.sessionId!, application, attributes: structuredClone(this.attributes), user },
      context: {
        System: {
          application,
          user,
          device: {
            deviceId: this.deviceId,
            supportedInterfaces: options.screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } } : {},
          },
          // Where the skill's service clients (Reminders API) would call; nothing is called without a granted permission.
          apiEndpoint: 'https://api.amazonalexa.com',
          apiAccessToken: `console.${randomUUID()}`,
        },
        ...(options.screen ? { Viewport: { experiences: [{ canRotate: false, canResize: false }], shape: 'RECTANGLE', pixelWidth: 1024, pixelHeight: 600, dpi: 160 } } : {}),
      },
      request: fullRequest,
    } as RequestEnvelope;
  }

  private async send(request: RequestEnvelope['request'] | { type: 'LaunchRequest' }, platformIntent: string): Promise<Exchange> {
    const isNew = this.sessionId === undefined;
    if (isNew) {
      this.sessionId = `amzn1.echo-api.session.${randomUUID()}`;
      this.attributes = {};
      this.pending = undefined;
    }
    const envelope = this.envelope(request, isNew);
    const started = performance.now();
    let status = 200;
    let response: unknown;
    try {
      // The same shape checks as POST /alexa, so the console never passes what the route would refuse.
      response = await this.deps.skill.invoke(parseAlexaEnvelope(JSON.parse(JSON.stringify(envelope))));
    } catch (error) {
      if (!(error instanceof BadRequestError || error instanceof InvalidEnvelopeError)) throw error;
      status = 400;
      response = { error: { code: 'invalid_request', message: error.message } };
    }
    const handlerMs = performance.now() - started;
    if (status === 200) this.keep(response as ResponseEnvelope);
    return { platformIntent, request: envelope, status, response, handlerMs };
  }

  /** What Alexa keeps from a response: the attributes, an open dialog question, or the end of the session. */
  private keep(response: ResponseEnvelope): void {
    if (response.response?.shouldEndSession !== false) {
      this.closeSession();
      return;
    }
    this.attributes = structuredClone((response.sessionAttributes ?? {}) as Record<string, unknown>);
    this.pending = undefined;
    for (const directive of response.response.directives ?? []) {
      const dialog = directive as { type: string; slotToElicit?: string; updatedIntent?: Intent };
      if (dialog.type === 'Dialog.ConfirmIntent' && dialog.updatedIntent) this.pending = { kind: 'confirm', intent: dialog.updatedIntent };
      if (dialog.type === 'Dialog.ElicitSlot' && dialog.updatedIntent && dialog.slotToElicit) this.pending = { kind: 'elicit', slot: dialog.slotToElicit, intent: dialog.updatedIntent };
    }
  }

  private closeSession(): void {
    this.sessionId = undefined;
    this.attributes = {};
    this.pending = undefined;
  }
}
