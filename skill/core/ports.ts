/**
 * Everything the core needs from the outside world, as interfaces. skill/store and the hosts implement
 * them; tests implement them in memory. Nothing in skill/core imports an SDK, a database client or express.
 */
import type { Product } from './catalog/product';
import type { CartLine } from './cart/cart-line';
import type { Locale, Platform } from './turn';
import type { CustomerRhythm, PurchaseState } from './replenishment/state';
import type { AgentAction, HandoffCase, HandoffFigures, HandoffState, NewHandoffCase, PendingAnswer, TranscriptEntry } from './handoff/case';

export type { CartLine };

export interface Clock {
  now(): Date;
}


export interface Cart {
  lines: CartLine[];
  /** Optimistic-locking version: a save with a stale version fails with ConcurrentUpdateError. */
  version: number;
  updatedAt?: string;
}

export interface Address {
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

/** A reference to the payment method stored on the merchant account; never card numbers. */
export interface PaymentMethodRef {
  id: string;
  brand: string;
  last4: string;
}

export interface CustomerProfile {
  customerId: string;
  /** When the shopper first talked to us: the first turn says it is an automated assistant. */
  firstContactAt?: string;
  locale?: Locale;
  displayName?: string;
  address?: Address;
  paymentMethod?: PaymentMethodRef;
  /** A voice PIN is set on the account (the hash stays in the store). */
  voicePinSet?: boolean;
  /** Too many wrong PINs: voice ordering is off until the shopper unlocks it in their account. */
  voiceOrderingLocked?: boolean;
  /**
   * The platform identities ("alexa:<userId>", "google:<id>") this linked account was used from: erasure removes
   * what was stored under each of them before the shopper linked.
   */
  identities?: string[];
}

export interface OrderLine {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export type OrderStatus = 'placed' | 'cancelled';

export interface Order {
  orderId: string;
  customerId: string;
  placedAt: string;
  status: OrderStatus;
  lines: OrderLine[];
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  currency: string;
  /** Expected delivery (ISO time). */
  deliveryBy: string;
  /** Until when the shopper may still cancel (ISO time): dispatch. */
  cancellableUntil: string;
  chargeId?: string;
  idempotencyKey?: string;
  /** The cart version the order was placed from: a late second "yes" recognises its order by it. */
  cartVersion?: number;
  cancelledAt?: string;
}

/**
 * What every turn may need about a customer, loaded in one round trip whatever the length of the history. Orders
 * and predictions are read separately by the turns that use them (TurnContext.orders(), .replenishment()).
 */
export interface CustomerSnapshot {
  customerId: string;
  profile?: CustomerProfile;
  cart: Cart;
  /** How many times each product was ordered (lines of orders not cancelled): personal ranking. */
  purchaseCounts?: Record<string, number>;
  /** Orders ever placed, cancelled ones included (what erasure keeps for a linked account). */
  orderCount?: number;
  /** The consent ledger's current state for proactive reminders. */
  reminderConsent?: ReminderConsent;
  /**
   * The question pending in the conversation the load asked about (`dialogKey`), as stored: the conversation
   * validates it (conversation/questions.ts) and treats anything malformed or stale as absent.
   */
  question?: unknown;
  /** What an order's prediction update starts from: loaded only when asked for (`forOrder`), on turns that may order. */
  predictionBasis?: PredictionBasis;
  /** The account a one-time code linked this platform identity to: read only when asked for (`channelLink`). */
  linkedTo?: string;
  /** This conversation's recent turns, kept only while a handoff case may follow (read with `dialogKey`). */
  transcript?: TranscriptEntry[];
  /** A person's answers waiting for the shopper's next visit (read with `answers`, on a session's first turn). */
  pendingAnswers?: PendingAnswer[];
}

export interface CustomerLoadOptions {
  dialogKey?: string;
  forOrder?: boolean;
  channelLink?: boolean;
  /** Also read the answers from the shop waiting for delivery (the first turn of a session). */
  answers?: boolean;
}

/**
 * The rhythm and the compact purchase states kept beside it (one item), so a turn that places an order reads what
 * the prediction update needs in its load instead of a round trip per order. The PRED# items stay the daily job's.
 */
export interface PredictionBasis {
  rhythm?: CustomerRhythm;
  states: PurchaseState[];
  /**
   * True when `states` holds every product ever bought (a product missing is new). False for data written before
   * the basis existed or after its oldest states were dropped: a missing product's own item must then be read.
   */
  complete: boolean;
}

export interface PredictionItem {
  state: PurchaseState;
  /** ISO day (yyyy-mm-dd) the product is expected to run out: its partition in the due-day index. */
  dueDay?: string;
  /** No nudges for this product before this ISO day ("not now"). */
  snoozedUntil?: string;
  /** The purchase (order number) a nudge was already given for: at most one nudge per product per cycle. */
  nudgedForPurchase?: number;
}

export interface ReplenishmentSnapshot {
  rhythm?: CustomerRhythm;
  items: PredictionItem[];
}

export type ConsentAction = 'grant' | 'withdraw' | 'exclude' | 'include';

export interface ConsentEvent {
  action: ConsentAction;
  at: string;
  platform: Platform;
  productId?: string;
  /**
   * The Alexa user id of a grant given on Alexa: what the daily job needs to reach the shopper outside a
   * session. Kept on the current state only, never copied into the history.
   */
  alexaUserId?: string;
}

/** What the shopper agreed to, when and where; products they asked not to be reminded about. */
export interface ReminderConsent {
  granted: boolean;
  grantedAt?: string;
  platform?: Platform;
  /** Set while reminders are granted from Alexa; dropped when consent is withdrawn. */
  alexaUserId?: string;
  /**
   * When set, the consent covers only these products (the shopper named them); absent, it covers every product
   * bought regularly except `excludedProducts`. Read it through consentCovers (core/privacy/consent.ts).
   */
  onlyProducts?: string[];
  excludedProducts: string[];
  history: ConsentEvent[];
}

/** One order's prediction update as the store writes it: the rhythm, the order's products' items, the basis beside the rhythm. */
export interface ReplenishmentUpdate {
  rhythm: CustomerRhythm;
  items: PredictionItem[];
  /** Whether the basis (states kept with the rhythm) holds every product afterwards; undefined leaves the stored mark. */
  basisComplete?: boolean;
  /** Products whose states leave the basis (the least recently bought, past its bound); their own items stay. */
  dropFromBasis?: string[];
}

export interface ReplenishmentRepository {
  /**
   * Writes the rhythm and the new states of an order's products with their due days, when the order's own
   * transaction could not carry them. Idempotent per order: an order number not newer than the stored rhythm's is
   * skipped.
   */
  recordOrder(customerId: string, update: ReplenishmentUpdate): Promise<void>;
  markNudged(customerId: string, productId: string, purchase: number): Promise<void>;
  snooze(customerId: string, productIds: string[], untilDay: string): Promise<void>;
  /** Appends to the consent ledger and returns its new state. */
  recordConsent(customerId: string, event: ConsentEvent): Promise<ReminderConsent>;
}

export interface CustomerRepository {
  /**
   * With `dialogKey`, the snapshot also carries the question pending in that conversation; with `forOrder`, the
   * prediction basis an order's update starts from; with `channelLink` (a platform identity's own load), the
   * account a one-time code linked it to. Same round trip either way.
   */
  load(customerId: string, options?: CustomerLoadOptions): Promise<CustomerSnapshot>;
  /** Past orders with their lines, newest first, at most `limit` (the store's default bound when absent). */
  recentOrders(customerId: string, limit?: number): Promise<Order[]>;
  /**
   * The rhythm and predictions, or undefined when there are none. With `productIds`, only those products'
   * predictions (and the rhythm): what an order needs when its loaded prediction basis lacks them (older data).
   */
  replenishment(customerId: string, productIds?: string[]): Promise<ReplenishmentSnapshot | undefined>;
  /**
   * Stores the question a reply leaves open in one conversation (replacing any earlier one there), or removes it
   * (`question` undefined). `expiresAt` lets the table's TTL clear what nobody answered.
   */
  saveQuestion(customerId: string, dialogKey: string, question: object | undefined, expiresAt: Date): Promise<void>;
  /** Saves the cart if its stored version still equals `expectedVersion`; returns the cart with its new version. */
  saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart>;
  saveProfile(profile: CustomerProfile): Promise<void>;
  /**
   * Erasure on request: deletes everything stored about the customer. With `keepOrders`, order records stay
   * (a merchant must keep them for accounting); everything else (profile, cart, predictions, consents) goes.
   */
  erase(customerId: string, options: { keepOrders: boolean }): Promise<number>;
}

/** How a failed placement attempt ended, as far as money goes: what a duplicate waiting on it tells the shopper. */
export type AttemptOutcome =
  | { kind: 'declined'; reason: string }
  /** `no`: the gateway certainly took nothing; `unknown`: it may have, and a refund by key was issued. */
  | { kind: 'failed'; charged: 'no' | 'unknown' };

/** One request's try at a confirmation's claim: who it is, the charge key it will use, how long it may hold it. */
export interface ClaimRequest {
  /** The platform request id: a retry of the same request is recognised in logs. */
  claimant: string;
  /** The gateway key this attempt will charge with; recorded before charging so a takeover can refund it. */
  chargeKey: string;
  /** A claim still `claimed` this long after it was taken is abandoned (its process died) and may be taken over. */
  leaseMs: number;
}

/** What happened to a confirmation's key when a request tried to claim it for placing an order. */
export type OrderClaim =
  /**
   * This request holds the claim. `earlierChargeKeys` are the keys of attempts before it on this confirmation
   * (failed or abandoned): refund them all before charging anew, as any of them may have completed late.
   */
  | { kind: 'claimed'; earlierChargeKeys: string[] }
  | { kind: 'placed'; order: Order }
  | { kind: 'in-progress' };

/** What is known about a confirmation's key right now, without trying to claim it. */
export type ClaimState =
  | { kind: 'none' }
  | { kind: 'in-progress' }
  | { kind: 'placed'; order: Order }
  | { kind: 'released'; outcome: AttemptOutcome };

/**
 * What a commit writes beside the order in the same transaction. Nothing here carries a condition: none of it may
 * cancel an order (exactly-once comes from the claim).
 */
export interface OrderCommitExtras {
  /** The conversation whose pending question this order answers: its question is deleted with the order. */
  answeredDialogKey?: string;
  /** The order's prediction update; left out (and reported so) when the transaction would grow past its limit. */
  replenishment?: ReplenishmentUpdate;
}

/** What of the extras the commit wrote (all or nothing, with the order). */
export interface CommitReport {
  questionCleared: boolean;
  replenishmentRecorded: boolean;
}

/** The claim a commit or release acts under: the confirmation's key and the request holding it. */
export interface HeldClaim {
  key: string;
  claimant: string;
}

/**
 * Exactly-once order placement. A request first claims the confirmation's key (one winner, or a takeover of a
 * failed or abandoned attempt), then commits order, lines and the emptied cart in one transaction, or releases the
 * claim with its outcome. Released and expired claims keep every attempt's charge key for reconciliation.
 */
export interface OrderRepository {
  claim(customerId: string, key: string, request: ClaimRequest): Promise<OrderClaim>;
  /**
   * One transaction: the order (its `idempotencyKey` is the charge key, by which a cancellation refunds), its
   * lines, the cart cleared (only if still at `cartVersion`), the claim marked placed (only while `claim` holds it),
   * and the `extras`. Returns what of the extras it wrote; an implementation that writes none may return nothing.
   */
  commit(order: Order & { idempotencyKey: string }, cartVersion: number, claim: HeldClaim, extras?: OrderCommitExtras): Promise<CommitReport | void>;
  /**
   * Marks the claim released with its outcome if `claim` still holds it (true), so a later attempt may take it
   * over; false when it no longer held it. Once released, a commit under `claim` can no longer land.
   */
  release(customerId: string, claim: HeldClaim, outcome: AttemptOutcome): Promise<boolean>;
  inspect(customerId: string, key: string): Promise<ClaimState>;
  /** Marks the order cancelled if it is still placed; returns the updated order or undefined if it was not. */
  cancel(customerId: string, order: Order, at: Date): Promise<Order | undefined>;
}

export type PinCheck = 'ok' | 'wrong' | 'locked' | 'not-set';

/** The voice PIN: verified in the store, so the failure counter is atomic across devices. */
export interface PinVault {
  verify(customerId: string, pin: string): Promise<{ result: PinCheck; triesLeft: number }>;
}

export interface ChargeRequest {
  customerId: string;
  paymentMethodId: string;
  /** Whole cents, a positive integer. */
  amountCents: number;
  currency: string;
  /**
   * Unique per placement attempt. A gateway answers a repeated key with the first result (as Stripe does), so a
   * retry after a failed attempt must use a fresh key or it would be handed the old, possibly refunded, charge.
   */
  idempotencyKey: string;
}

/** `succeeded`: the money is taken now; anything else must not back an order. */
export type ChargeStatus = 'succeeded' | 'pending' | 'refunded' | 'failed';

export interface Charge {
  chargeId: string;
  amountCents: number;
  currency: string;
  status: ChargeStatus;
}

/** Charges the payment method stored on the merchant account. Throws PaymentDeclinedError or DependencyError. */
export interface PaymentGateway {
  /** The longest a charge call may take before it fails as a timeout: deadlines and claim leases are sized by it. */
  readonly chargeTimeoutMs: number;
  charge(request: ChargeRequest): Promise<Charge>;
  /**
   * Refunds whatever was charged under this key and voids the key: a charge under it that completes later (after
   * our deadline) ends refunded too. Nothing happens if nothing was charged; safe to repeat.
   */
  refund(idempotencyKey: string): Promise<void>;
}

/** Resolves an account-linking access token to the merchant's customer id (null: unknown or expired token). */
export interface AccountLinking {
  resolve(accessToken: string): Promise<string | null>;
}

/** How saying a one-time link code ended: linked, a wrong or spent code, or too many wrong codes for now. */
export type LinkCodeRedemption = { result: 'linked'; customerId: string } | { result: 'wrong'; triesLeft: number } | { result: 'locked' };

/** The account cart after a pre-link cart was added to it: what was moved, and how many lines did not fit. */
export interface CartCarryOver {
  cart: Cart;
  moved: CartLine[];
  skipped: number;
}

/** Joins a pre-link cart to an account cart (core/cart's limits): the lines to store, what moved, what did not fit. */
export type CartJoin = (guest: readonly CartLine[], account: readonly CartLine[]) => { lines: CartLine[]; moved: CartLine[]; skipped: number };

/**
 * One shopper across channels without OAuth: a platform identity ("google:<user>") linked to an account by a
 * one-time code from the shop's account page, and the cart a shopper filled before linking, moved into the
 * account's cart exactly once.
 */
export interface ChannelLinks {
  /**
   * The account this platform identity was linked to by a code, when this warm container already knows it; undefined
   * otherwise (the identity's own load then tells, in the same round trip: CustomerRepository.load `channelLink`).
   */
  knownLink(identity: string): string | undefined;
  /** Remembers a link the load found, for a bounded time, so the identity's next turns load the account at once. */
  learnLink(identity: string, customerId: string): void;
  /** Spends the code (single use, short-lived) and links `identity` to its account; wrong tries are counted per identity. */
  redeemCode(code: string, identity: string): Promise<LinkCodeRedemption>;
  /**
   * Moves the cart stored under `fromCustomerId` into `toCustomerId`'s, emptying the first in the same
   * transaction: a retry or a second device finds it empty and moves nothing. Undefined when there was nothing.
   */
  carryOverCart(fromCustomerId: string, toCustomerId: string, join: CartJoin): Promise<CartCarryOver | undefined>;
}

/**
 * Handoff cases as the conversation uses them: open one, share the transcript once the shopper agreed, keep the
 * recent turns of a conversation while a case may follow, mark a person's answers heard, and pass a shopper's reply
 * on. Cases live in the customer's partition, so erasure removes them with everything else.
 */
export interface HandoffCases {
  open(input: NewHandoffCase): Promise<HandoffCase>;
  /** Adds the transcript to a case after the shopper's yes (only then is it kept). */
  shareTranscript(customerId: string, caseId: string, transcript: TranscriptEntry[]): Promise<void>;
  /**
   * Appends one exchange to the conversation's transcript buffer (bounded to the most recent turns), which expires
   * at `expiresAt` unless a case takes it.
   */
  recordTurn(customerId: string, dialogKey: string, entry: TranscriptEntry, expiresAt: Date): Promise<void>;
  /** The shopper heard these answers: they leave the waiting list and their cases become answered. */
  markDelivered(customerId: string, caseIds: string[], at: Date): Promise<void>;
  /**
   * "Tell them …": the shopper's reply on their most recent case, which reopens it. Undefined when the shopper has
   * no case to reply to.
   */
  shopperReply(customerId: string, text: string, at: Date): Promise<HandoffCase | undefined>;
}

/** Handoff cases as the shop's people work them (the agent inbox and help-desk adapters). */
export interface HandoffInbox {
  /** Cases in these states, newest first, at most `limit`. */
  list(states: HandoffState[], limit?: number): Promise<HandoffCase[]>;
  get(caseId: string): Promise<HandoffCase | undefined>;
  /** A person's answer: kept on the case and queued for the shopper's next visit. Undefined when no such case. */
  reply(caseId: string, text: string, at: Date, agentName?: string): Promise<HandoffCase | undefined>;
  close(caseId: string, at: Date): Promise<HandoffCase | undefined>;
  recordAction(caseId: string, action: AgentAction): Promise<HandoffCase | undefined>;
  /** Links the case to its conversation at an external help desk; findExternal finds it again from that id. */
  setExternalId(caseId: string, externalId: string): Promise<void>;
  findExternal(externalId: string): Promise<HandoffCase | undefined>;
  figures(since: Date): Promise<HandoffFigures>;
}

/**
 * A help desk beyond the built-in inbox (which reads the cases from the table and needs no push): told when a case
 * opens and when a shopper writes on one. Its agents' answers come back through HandoffInbox.reply.
 */
export interface HelpDesk {
  caseOpened(handoff: HandoffCase): Promise<void>;
  shopperWrote(handoff: HandoffCase, text: string): Promise<void>;
  /**
   * The shopper asked for erasure: remove what the help desk holds about them (their cases' conversations and
   * whatever stands for the shopper there). Idempotent: nothing held, or already removed, is success. Optional: a help
   * desk without it keeps its copies, and the shop must erase them there by hand.
   */
  shopperErased?(customerId: string): Promise<void>;
}

export interface SearchOptions {
  locale: Locale;
  limit?: number;
  /** Product ids this shopper has bought, with a weight (e.g. purchase count): personal ranking. */
  personal?: ReadonlyMap<string, number>;
}

export interface SearchHit {
  product: Product;
  score: number;
}

/** The product catalog with voice search. In-memory and synchronous: it is loaded prebuilt at init. */
export interface Catalog {
  get(productId: string): Product | undefined;
  /** Best first; an empty list means nothing matched with confidence (abstain). */
  search(query: string, options: SearchOptions): SearchHit[];
}

/** Structured logging without personal data: callers pass ids and counts, never utterances or names. */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
