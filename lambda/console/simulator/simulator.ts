/**
 * The simulator: typed text → offline understanding → the request the platform would send → the same App that
 * serves /alexa and /google, in process → what the platform would present. One SimulatedConversation is one
 * shopper on one device; it keeps the platform session between turns, and a new session is a real new one.
 */
import type { Skill } from 'ask-sdk-core';
import type { App } from '../../../skill/app';
import type { Locale } from '../../../skill/core/turn';
import { createAlexaSkill } from '../../../skill/platforms/alexa/skill';
import { GoogleWebhook } from '../../../skill/platforms/google/webhook';
import type { Understanding, Understood } from '../../nlu/understanding';
import { CONSOLE_SKILL_ID, AlexaConversation } from './alexa/conversation';
import { alexaModelFor } from './alexa/model';
import { alexaView } from './alexa/view';
import { dialogflowAgentFor } from './dialogflow/agent';
import { DialogflowConversation } from './dialogflow/conversation';
import { dialogflowView } from './dialogflow/view';
import type { Exchange, ReplyView, ShopperOptions, TurnView } from './types';

/** Where the understanding of a locale comes from (the NLU's createUnderstanding; tests may hand in another). */
export type UnderstandingSource = (locale: Locale) => Promise<Understanding>;

export interface SimulatorDeps {
  app: App;
  understanding: UnderstandingSource;
  /** The demo account's account-linking token (skill/data/demo-customer.json). */
  demoAccessToken: string;
  /** A locale whose shop has a demo account of its own (the German one shops in euros): its token, for linked shoppers. */
  demoAccessTokens?: Partial<Record<Locale, string>>;
}

interface PlatformConversation {
  readonly userId: string;
  readonly inSession: boolean;
  launch(): Promise<Exchange>;
  say(understood: Understood): Promise<Exchange>;
}

export class SimulatedConversation {
  private turns = 0;
  private readonly platformConversation: PlatformConversation;
  private readonly view: (response: any) => ReplyView;

  constructor(
    readonly options: ShopperOptions,
    private readonly understanding: Promise<Understanding>,
    platforms: { alexa: Pick<Skill, 'invoke'>; google: GoogleWebhook; skillId: string; accessToken: string },
  ) {
    if (options.platform === 'alexa') {
      this.platformConversation = new AlexaConversation({ skill: platforms.alexa, model: alexaModelFor(options.locale, platforms.skillId), options, accessToken: platforms.accessToken });
      this.view = alexaView;
    } else {
      const agent = dialogflowAgentFor(options.locale === 'de-DE' ? 'de' : 'en');
      this.platformConversation = new DialogflowConversation({ webhook: platforms.google, agent, options, accessToken: platforms.accessToken });
      this.view = dialogflowView;
    }
  }

  /** The platform's user id of this shopper (stable for a returning shopper, fresh for a new one). */
  get platformUserId(): string {
    return this.platformConversation.userId;
  }

  /** The customer id the skill keys an unlinked shopper by; a linked one is the demo account's. */
  get unlinkedCustomerId(): string {
    return `${this.options.platform === 'alexa' ? 'alexa' : 'google'}:${this.platformUserId}`;
  }

  get inSession(): boolean {
    return this.platformConversation.inSession;
  }

  /** Opens a new platform session (LaunchRequest / the WELCOME event). */
  async launch(): Promise<TurnView> {
    const started = performance.now();
    const exchange = await this.platformConversation.launch();
    return this.record(exchange, started, 0, true);
  }

  /** One typed or recognised utterance. */
  async say(utterance: string): Promise<TurnView> {
    const started = performance.now();
    const understanding = await this.understanding;
    const understood = await understanding.understand(utterance);
    const understandMs = performance.now() - started;
    const newSession = !this.platformConversation.inSession;
    const exchange = await this.platformConversation.say(understood);
    return { ...this.record(exchange, started, understandMs, newSession), utterance, understood };
  }

  private record(exchange: Exchange, started: number, understandMs: number, newSession: boolean): TurnView {
    this.turns += 1;
    const view: ReplyView =
      exchange.status === 200
        ? this.view(exchange.response)
        : { speech: '', ssml: '', endSession: false, sessionState: {} };
    return {
      ...view,
      turn: this.turns,
      platformIntent: exchange.platformIntent,
      newSession,
      request: exchange.request,
      response: exchange.response,
      status: exchange.status,
      timings: { understandMs: round(understandMs), handlerMs: round(exchange.handlerMs), totalMs: round(performance.now() - started) },
    };
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export class Simulator {
  private readonly alexa: Pick<Skill, 'invoke'>;
  private readonly google: GoogleWebhook;
  private readonly understandings = new Map<Locale, Promise<Understanding>>();
  readonly skillId: string;

  constructor(private readonly deps: SimulatorDeps) {
    const { app } = deps;
    this.skillId = app.config.ALEXA_SKILL_ID ?? CONSOLE_SKILL_ID;
    this.alexa = createAlexaSkill({ core: app.core, log: app.log, config: { ALEXA_SKILL_ID: this.skillId } });
    // The console is an authenticated integration in the same process: like a gateway that sends the shared secret,
    // its payload user id is trusted, so a returning shopper on Dialogflow is the same shopper next session.
    this.google = new GoogleWebhook({ core: app.core, log: app.log, config: { GOOGLE_TRUST_PAYLOAD_USER_ID: true } });
  }

  /** The understanding of a locale, created once and shared by every conversation in it. */
  understandingFor(locale: Locale): Promise<Understanding> {
    let understanding = this.understandings.get(locale);
    if (!understanding) {
      understanding = this.deps.understanding(locale);
      // A failed start is not cached: the next conversation tries again.
      understanding.catch(() => this.understandings.delete(locale));
      this.understandings.set(locale, understanding);
    }
    return understanding;
  }

  conversation(options: ShopperOptions): SimulatedConversation {
    return new SimulatedConversation(options, this.understandingFor(options.locale), {
      alexa: this.alexa,
      google: this.google,
      skillId: this.skillId,
      accessToken: this.deps.demoAccessTokens?.[options.locale] ?? this.deps.demoAccessToken,
    });
  }
}
