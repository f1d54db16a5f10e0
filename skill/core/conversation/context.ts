/**
 * What a handler works with during one turn: the turn, the locale's messages, the customer (loaded at most once,
 * and only when a handler asks), and a mutable copy of the session state that becomes the reply's.
 */
import type { AccountLinking, Catalog, ChannelLinks, Clock, CustomerLoadOptions, CustomerRepository, CustomerSnapshot, HandoffCases, Log, Order, OrderRepository, PaymentGateway, PinVault, ReplenishmentRepository, ReplenishmentSnapshot } from '../ports';
import type { TranscriptEntry } from '../handoff/case';
import type { HandoffSettings } from '../handoff/answer-time';
import type { ReplenishmentPriors } from '../replenishment/priors';
import type { ShopPolicy } from '../orders/policy';
import type { Messages } from '../i18n/messages';
import { messagesFor } from '../i18n/messages';
import type { Display, Platform, Reply, SessionState, Turn } from '../turn';
import { dialogKeyOf, type AskedQuestion, type PendingQuestion } from './questions';

export interface CoreDeps {
  catalog: Catalog;
  customers: CustomerRepository;
  accounts: AccountLinking;
  /** Identities linked by a one-time code, and the pre-link cart carried over; absent, neither is offered. */
  links?: ChannelLinks;
  clock: Clock;
  log: Log;
  orders: OrderRepository;
  pins: PinVault;
  payments: PaymentGateway;
  policy: ShopPolicy;
  replenishment: ReplenishmentRepository;
  /** Product and category knowledge pooled across customers (may be empty: own history then decides). */
  priors: ReplenishmentPriors;
  /** Per-platform turn budgets in ms, when a host or a test needs other than TURN_BUDGET_MS. */
  turnBudgetMs?: Partial<Record<Platform, number>>;
  /**
   * Handing a shopper over to a person from the shop: the cases and when people answer. Absent, the handoff
   * intents say honestly that no person can be reached, and nothing is recorded or delivered.
   */
  handoff?: { cases: HandoffCases; settings: HandoffSettings };
}

/**
 * Whether this turn's load also reads the answers from the shop waiting for the shopper: the first turn of a
 * session, whatever it asks ("open vocart" or a one-shot request), but not the platform's end of a session or the
 * daily run's message, which nobody hears.
 */
export function mayDeliverAnswers(turn: Turn): boolean {
  return turn.newSession && turn.intent !== 'SessionEnded' && turn.intent !== 'ReplenishmentDue';
}

/**
 * Whether this turn may place an order, known before anything is loaded: only an answer can (a yes, Alexa's
 * confirmation of an intent, the voice PIN). Those turns load the prediction basis with the customer, so placing
 * the order needs no read of its own; every other turn's load stays as small as it was.
 */
export function mayPlaceOrder(turn: Turn): boolean {
  return turn.intent === 'Yes' || turn.intent === 'VoicePinIntent' || turn.dialog.confirmation === 'CONFIRMED';
}

export class TurnContext {
  readonly msg: Messages;
  readonly session: SessionState;
  private snapshot?: Promise<CustomerSnapshot>;
  private recentOrders?: Promise<Order[]>;
  private predictions?: Promise<ReplenishmentSnapshot | undefined>;
  private customerIdPromise?: Promise<string>;
  private linkedAccount = false;
  /** The platform identity's own snapshot, when resolving the customer already loaded it (an unlinked shopper). */
  private ownSnapshot?: CustomerSnapshot;
  /** The conversation a pending question belongs to (undefined: this platform request has none). */
  readonly dialogKey: string | undefined;
  /** The question this turn answers, when the engine routed it here as an answer (yes, no, PIN, help, repeat). */
  answering?: AskedQuestion;
  /** The question the reply leaves open; the engine stores it, or drops the old one when this stays empty. */
  nextQuestion?: AskedQuestion;
  /** When the turn's budget runs out (epoch ms): steps that cannot finish by then (a charge) do not start. */
  deadline = Number.POSITIVE_INFINITY;
  /**
   * True once the store removed the answered question itself (with the order it authorised): the engine then has
   * nothing left to settle, unless the reply asks a new question.
   */
  questionSettled = false;
  /** True once this turn saved the cart: the reply then shows the cart as it is now (steps/cart-screen.ts). */
  cartChanged = false;
  /**
   * True when the turn missed: not understood, a product not found, "remove that" with nothing to point at. Misses
   * in a row lead to a handoff offer (handlers/handoff.ts); any other turn ends the run.
   */
  missed = false;
  /** True when the turn opened or offered a handoff: its exchange is recorded for the case that may follow. */
  handoffTrigger = false;
  /**
   * What a case does with the conversation once the reply is known (open it with the transcript, or add the
   * transcript to it): the engine calls it with the buffered exchanges and this turn's own, after the reply.
   */
  takeTranscript?: (transcript: TranscriptEntry[]) => Promise<void>;

  constructor(
    readonly turn: Turn,
    readonly deps: CoreDeps,
  ) {
    this.msg = messagesFor(turn.locale);
    this.session = structuredClone(turn.session ?? {});
    this.dialogKey = dialogKeyOf(turn);
  }

  /**
   * A reply that asks a yes/no question (or for the PIN) and leaves it pending for the next turn only. What a yes
   * authorises is in `question`, kept server-side; a conversation without an id cannot hold one, so the question
   * is still asked but a yes will find nothing to act on.
   */
  pose(question: PendingQuestion, speech: string, prompt: string, extra: Partial<Reply> = {}): Reply {
    const ask = extra.ask;
    this.nextQuestion = {
      question,
      prompt,
      askedAt: this.deps.clock.now().toISOString(),
      ...(ask?.kind === 'confirm' && this.turn.intent.endsWith('Intent') ? { confirmIntent: this.turn.intent } : {}),
      ...(ask?.kind === 'elicit' ? { elicit: { slot: ask.slot, ...(ask.intent ? { intent: ask.intent } : {}) } } : {}),
    };
    return this.ask(speech, prompt, extra);
  }

  /** Asks the pending question again, unchanged (after help, "repeat that", a missed PIN). */
  reask(asked: AskedQuestion, speech = asked.prompt): Reply {
    this.nextQuestion = { ...asked, askedAt: this.deps.clock.now().toISOString() };
    const ask: Reply['ask'] = asked.elicit ? { kind: 'elicit', slot: asked.elicit.slot, ...(asked.elicit.intent ? { intent: asked.elicit.intent } : {}) } : asked.confirmIntent ? { kind: 'confirm' } : undefined;
    return this.ask(speech, asked.prompt, ask ? { ask } : {});
  }

  get locale() {
    return this.turn.locale;
  }

  /**
   * The durable identity: the linked merchant account when the token resolves, else the platform user id, so one
   * shopper has one cart across Alexa and Dialogflow once linked.
   */
  customerId(): Promise<string> {
    this.customerIdPromise ??= (async () => {
      const { accessToken, platform, platformUserId } = this.turn.customer;
      if (accessToken) {
        const linked = await this.deps.accounts.resolve(accessToken);
        if (linked) {
          this.linkedAccount = true;
          return linked;
        }
      }
      // A surface without OAuth (a web chat, a phone line) may have been linked by a one-time code.
      const identity = `${platform}:${platformUserId}`;
      const links = this.deps.links;
      if (!links) return identity;
      const known = links.knownLink(identity);
      if (known) {
        this.linkedAccount = true;
        return known;
      }
      // The identity's own load says in the same round trip whether a code linked it: an unlinked turn stays one read.
      const own = await this.deps.customers.load(identity, this.loadOptions({ channelLink: true }));
      if (own.linkedTo) {
        links.learnLink(identity, own.linkedTo);
        this.linkedAccount = true;
        return own.linkedTo;
      }
      this.ownSnapshot = own;
      return identity;
    })();
    return this.customerIdPromise;
  }

  private loadOptions(extra: CustomerLoadOptions = {}): CustomerLoadOptions {
    return {
      ...(this.dialogKey ? { dialogKey: this.dialogKey } : {}),
      ...(mayPlaceOrder(this.turn) ? { forOrder: true } : {}),
      ...(this.deps.handoff && mayDeliverAnswers(this.turn) ? { answers: true } : {}),
      ...extra,
    };
  }

  /** True when the customer is a linked merchant account (ordering needs one: address and payment live there). */
  async isLinked(): Promise<boolean> {
    await this.customerId();
    return this.linkedAccount;
  }

  customer(): Promise<CustomerSnapshot> {
    this.snapshot ??= this.customerId().then((id) => this.ownSnapshot ?? this.deps.customers.load(id, this.loadOptions()));
    return this.snapshot;
  }

  /**
   * Past orders, newest first (bounded by the store), read only by the turns that need them and at most once per
   * turn: every other turn's load stays the same size however long the history grows.
   */
  orders(): Promise<Order[]> {
    this.recentOrders ??= this.customerId().then((id) => this.deps.customers.recentOrders(id));
    return this.recentOrders;
  }

  /** The rhythm and predictions (undefined when none), read only by replenishment turns, at most once per turn. */
  replenishment(): Promise<ReplenishmentSnapshot | undefined> {
    this.predictions ??= this.customerId().then((id) => this.deps.customers.replenishment(id));
    return this.predictions;
  }

  /** Replaces the cached snapshot after a write, so later steps in the same turn see the new state. */
  remember(snapshot: CustomerSnapshot): void {
    this.snapshot = Promise.resolve(snapshot);
  }

  /** A reply that keeps the conversation open. */
  ask(speech: string, reprompt: string, extra: Partial<Reply> = {}): Reply {
    return { speech, reprompt, endSession: false, sessionState: this.session, ...extra };
  }

  /** A reply that ends the session; the session state is dropped with it. */
  tell(speech: string, extra: Partial<Reply> = {}): Reply {
    return { speech, endSession: true, sessionState: {}, ...extra };
  }

  display(title: string, items: Display['items'], text?: string): Display | undefined {
    return { title, items, ...(text ? { text } : {}) };
  }
}
