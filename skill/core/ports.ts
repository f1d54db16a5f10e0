/**
 * Everything the core needs from the outside world, as interfaces. skill/store and the hosts implement
 * them; tests implement them in memory. Nothing in skill/core imports an SDK, a database client or express.
 */
import type { Product } from './catalog/product';
import type { Locale } from './turn';

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

export interface CustomerProfile {
  customerId: string;
  /** When the shopper first talked to us: the first turn says it is an automated assistant. */
  firstContactAt?: string;
  locale?: Locale;
  displayName?: string;
}

/** What a turn needs about a customer, loaded with one Query on the customer's partition. */
export interface CustomerSnapshot {
  customerId: string;
  profile?: CustomerProfile;
  cart: Cart;
  /** How many times each product was ordered: personal ranking and "my usual". */
  purchaseCounts?: Record<string, number>;
}

export interface CustomerRepository {
  load(customerId: string): Promise<CustomerSnapshot>;
  /** Saves the cart if its stored version still equals `expectedVersion`; returns the cart with its new version. */
  saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart>;
  saveProfile(profile: CustomerProfile): Promise<void>;
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
