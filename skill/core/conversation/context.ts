/**
 * What a handler works with during one turn: the turn, the locale's messages, the customer (loaded at most once,
 * and only when a handler asks), and a mutable copy of the session state that becomes the reply's.
 */
import type { AccountLinking, Catalog, Clock, CustomerRepository, CustomerSnapshot, Log, OrderRepository, PaymentGateway, PinVault, ReplenishmentRepository } from '../ports';
import type { ReplenishmentPriors } from '../replenishment/priors';
import type { ShopPolicy } from '../orders/policy';
import type { Messages } from '../i18n/messages';
import { messagesFor } from '../i18n/messages';
import type { Display, Reply, SessionState, Turn } from '../turn';

export interface CoreDeps {
  catalog: Catalog;
  customers: CustomerRepository;
  accounts: AccountLinking;
  clock: Clock;
  log: Log;
  orders: OrderRepository;
  pins: PinVault;
  payments: PaymentGateway;
  policy: ShopPolicy;
  replenishment: ReplenishmentRepository;
  /** Product and category knowledge pooled across customers (may be empty: own history then decides). */
  priors: ReplenishmentPriors;
}

export class TurnContext {
  readonly msg: Messages;
  readonly session: SessionState;
  private snapshot?: Promise<CustomerSnapshot>;
  private customerIdPromise?: Promise<string>;
  private linkedAccount = false;

  constructor(
    readonly turn: Turn,
    readonly deps: CoreDeps,
  ) {
    this.msg = messagesFor(turn.locale);
    this.session = structuredClone(turn.session ?? {});
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
      return `${platform}:${platformUserId}`;
    })();
    return this.customerIdPromise;
  }

  /** True when the customer is a linked merchant account (ordering needs one: address and payment live there). */
  async isLinked(): Promise<boolean> {
    await this.customerId();
    return this.linkedAccount;
  }

  customer(): Promise<CustomerSnapshot> {
    this.snapshot ??= this.customerId().then((id) => this.deps.customers.load(id));
    return this.snapshot;
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
