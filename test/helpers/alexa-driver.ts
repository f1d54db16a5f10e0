/**
 * Drives the running server's POST /alexa with virtual-alexa and the generated interaction models, the way a
 * shopper on an Echo would: utterances are matched against the model's samples, slots are resolved against
 * its slot types, and session attributes ride from one turn to the next.
 */
import { fileURLToPath } from 'node:url';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import type { Locale } from '../../skill/core/turn';
import { stripSsml } from './ssml-text';

export interface DriverReply {
  /** What Alexa would say, SSML tags removed and entities decoded. */
  speech: string;
  reprompt?: string;
  endSession: boolean;
  raw: ResponseEnvelope;
}

export interface AlexaDriverOptions {
  /** The server's base URL, e.g. http://127.0.0.1:PORT (the driver posts to `${baseUrl}/alexa`). */
  baseUrl: string;
  locale: Locale;
  /** A stable user id keeps the same customer (and cart) across sessions. */
  userId?: string;
  /** Pretend to be an Echo Show: the request announces Alexa.Presentation.APL. */
  hasScreen?: boolean;
  /** Account-linking token sent with every request. */
  accessToken?: string;
}

export interface AlexaDriver {
  launch(): Promise<DriverReply>;
  say(utterance: string): Promise<DriverReply>;
  intend(name: string, slots?: Record<string, string>): Promise<DriverReply>;
  /**
   * The request Alexa sends after a Dialog.ConfirmIntent when the shopper answers yes or no: the same intent
   * with confirmationStatus set. virtual-alexa's say('yes') sends AMAZON.YesIntent instead.
   */
  answerConfirmation(intentName: string, answer: 'CONFIRMED' | 'DENIED'): Promise<DriverReply>;
  /** Ends the session the way a user walking away does (SessionEndedRequest). */
  end(): Promise<DriverReply>;
  readonly alexa: VirtualAlexa;
}

export function alexaModelPath(locale: Locale): string {
  return fileURLToPath(
    new URL(`../../interaction-models/alexa/skill-package/interactionModels/custom/${locale}.json`, import.meta.url),
  );
}

export { stripSsml };

function spoken(outputSpeech: { type?: string; ssml?: string; text?: string } | undefined): string {
  if (!outputSpeech) return '';
  return outputSpeech.type === 'PlainText' ? (outputSpeech.text ?? '') : stripSsml(outputSpeech.ssml);
}

function toReply(result: unknown): DriverReply {
  const raw = result as ResponseEnvelope;
  const reprompt = spoken(raw.response?.reprompt?.outputSpeech);
  return {
    speech: spoken(raw.response?.outputSpeech),
    ...(reprompt ? { reprompt } : {}),
    endSession: raw.response?.shouldEndSession !== false,
    raw,
  };
}

/** virtual-alexa rejects a non-200 answer with a bare string; this keeps the status readable in test output. */
export class AlexaCallError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlexaCallError';
  }
}

async function call(send: () => Promise<unknown>): Promise<DriverReply> {
  try {
    return toReply(await send());
  } catch (error) {
    if (error instanceof Error) throw error;
    throw new AlexaCallError(`POST /alexa failed: ${String(error)}`, { cause: error });
  }
}

export function createAlexaDriver(options: AlexaDriverOptions): AlexaDriver {
  const alexa = VirtualAlexa.Builder()
    .interactionModelFile(alexaModelPath(options.locale))
    .skillURL(`${options.baseUrl}/alexa`)
    .locale(options.locale)
    .create();
  if (options.userId) alexa.context().user().setID(options.userId);
  if (options.accessToken) alexa.context().setAccessToken(options.accessToken);
  if (options.hasScreen) {
    // virtual-alexa only knows the retired Display interface; APL is announced through a request filter.
    alexa.filter((request: { context: { System: { device: { supportedInterfaces: Record<string, unknown> } } } }) => {
      request.context.System.device.supportedInterfaces['Alexa.Presentation.APL'] = { runtime: { maxVersion: '2024.2' } };
    });
  }
  // An Echo without a music player: virtual-alexa would otherwise add AudioPlayer state to every request.
  alexa.context().device().audioPlayerSupported(false);

  // virtual-alexa keeps every slot of dialog-model intents for the whole session; real Alexa starts each intent
  // afresh unless the skill is in the middle of a dialog (it sent a Dialog.* directive). Reset to match that.
  let inDialog = false;
  const track = async (send: () => Promise<unknown>) => {
    if (!inDialog) (alexa.context() as unknown as { dialogManager(): { reset(): void } }).dialogManager().reset();
    const reply = await call(send);
    inDialog = (reply.raw.response?.directives ?? []).some((directive) => directive.type.startsWith('Dialog.'));
    return reply;
  };

  return {
    alexa,
    launch: () => track(() => alexa.launch()),
    // Throws "Unable to match utterance" when no sample of the model matches (see the limitations in the report).
    say: (utterance) => track(() => alexa.utter(utterance)),
    intend: (name, slots) => track(() => alexa.intend(name, slots)),
    answerConfirmation: (intentName, answer) =>
      call(() => alexa.request().intent(intentName, answer as never).dialogState('IN_PROGRESS' as never).send()),
    end: () => call(() => alexa.endSession()),
  };
}
