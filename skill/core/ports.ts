/**
 * Everything the core needs from the outside world, as interfaces. skill/store and the hosts implement
 * them; tests implement them in memory. Nothing in skill/core imports an SDK, a database client or express.
 */
import type { Product } from './catalog/product';
import type { Locale, Platform } from './turn';
import type { CustomerRhythm, PurchaseState } from './replenishment/state';

export interface Clock {
  now(): Date;
}

/** One line of a cart: a product and how many. */
export interface CartLine {
  productId: string;
  quantity: number;
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

/** What a turn needs about a customer, loaded with one Query on the customer's partition. */
export interface CustomerSnapshot {
  customerId: string;
  profile?: CustomerProfile;
  cart: Cart;
  /** How many times each product was ordered: personal ranking and "my usual". */
  purchaseCounts?: Record<string, number>;
  /** Past orders, newest first, with their lines. */
  orders?: Order[];
  /** Replenishment state: the customer's rhythm and one prediction per product bought. */
  replenishment?: ReplenishmentSnapshot;
  /** The consent ledger's current state for proactive reminders. */
  reminderConsent?: ReminderConsent;
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
  excludedProducts: string[];
  history: ConsentEvent[];
}

export interface ReplenishmentRepository {
  /**
   * Writes the rhythm and the new states of an order's products with their due days. Idempotent per order: an
   * order number not newer than the stored rhythm's is skipped.
   */
  recordOrder(customerId: string, update: { rhythm: CustomerRhythm; items: PredictionItem[] }): Promise<void>;
  markNudged(customerId: string, productId: string, purchase: number): Promise<void>;
  snooze(customerId: string, productIds: string[], untilDay: string): Promise<void>;
  /** Appends to the consent ledger and returns its new state. */
  recordConsent(customerId: string, event: ConsentEvent): Promise<ReminderConsent>;
}

export interface CustomerRepository {
  load(customerId: string): Promise<CustomerSnapshot>;
  /** Saves the cart if its stored version still equals `expectedVersion`; returns the cart with its new version. */
  saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart>;
  saveProfile(profile: CustomerProfile): Promise<void>;
  /**
   * Erasure on request: deletes everything stored about the customer. With `keepOrders`, order records stay
   * (a merchant must keep them for accounting); everything else (profile, cart, predictions, consents) goes.
   */
  erase(customerId: string, options: { keepOrders: boolean }): Promise<number>;
}

/** What happened to an idempotency key when a request tried to claim it for placing an order. */
export type OrderClaim =
  | { kind: 'claimed' }
  | { kind: 'placed'; order: Order }
  | { kind: 'in-progress' };

/**
 * Exactly-once order placement. A request first claims the idempotency key (one winner), then the winner commits
 * order, lines and the emptied cart in one transaction, or releases the claim when payment or the database fails.
 */
export interface OrderRepository {
  claim(customerId: string, idempotencyKey: string, claimant: string): Promise<OrderClaim>;
  /** One transaction: the order, its lines, the cart cleared (only if still at `cartVersion`), the key marked placed. */
  commit(order: Order & { idempotencyKey: string }, cartVersion: number, claimant: string): Promise<void>;
  release(customerId: string, idempotencyKey: string, claimant: string): Promise<void>;
  findByKey(customerId: string, idempotencyKey: string): Promise<Order | undefined>;
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
  amountCents: number;
  currency: string;
  /** The gateway returns the first charge again for a repeated key instead of charging twice. */
  idempotencyKey: string;
}

export interface Charge {
  chargeId: string;
  amountCents: number;
  currency: string;
}

/** Charges the payment method stored on the merchant account. Throws PaymentDeclinedError or DependencyError. */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<Charge>;
  /** Refunds whatever was charged under this key (nothing if nothing was); safe to repeat. */
  refund(idempotencyKey: string): Promise<void>;
}

/** Resolves an account-linking access token to the merchant's customer id (null: unknown or expired token). */
export interface AccountLinking {
  resolve(accessToken: string): Promise<string | null>;
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
