/** In-memory implementations of the core's ports, for unit tests that need no network and no database. */
import { ConcurrentUpdateError, DependencyError } from '../../skill/core/errors';
import type { Product } from '../../skill/core/catalog/product';
import type {
  AccountLinking,
  Cart,
  CartLine,
  Catalog,
  Clock,
  CustomerProfile,
  CustomerLoadOptions,
  CustomerRepository,
  CustomerSnapshot,
  Log,
  Order,
  AttemptOutcome,
  ClaimRequest,
  ClaimState,
  HeldClaim,
  OrderClaim,
  OrderRepository,
  PinVault,
  PredictionItem,
  ConsentEvent,
  ReminderConsent,
  ReplenishmentRepository,
  ReplenishmentSnapshot,
  SearchHit,
  SearchOptions,
  HandoffCases,
} from '../../skill/core/ports';
import type { HandoffCase, NewHandoffCase, PendingAnswer, TranscriptEntry } from '../../skill/core/handoff/case';
import { parseBusinessHours, type HandoffSettings } from '../../skill/core/handoff/answer-time';
import type { Locale, Turn } from '../../skill/core/turn';
import type { CoreDeps } from '../../skill/core/conversation/context';
import { DEFAULT_POLICY } from '../../skill/core/orders/policy';
import { LocalPaymentGateway } from '../../skill/payments/local-gateway';
import { emptyPriors } from '../../skill/core/replenishment/priors';
import type { CustomerRhythm } from '../../skill/core/replenishment/state';
import { applyConsent, NO_CONSENT } from '../../skill/core/privacy/consent';

export class FixedClock implements Clock {
  constructor(public current = new Date('2026-11-23T10:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
}

export class MemoryCustomers implements CustomerRepository {
  readonly carts = new Map<string, Cart>();
  readonly profiles = new Map<string, CustomerProfile>();
  readonly purchases = new Map<string, Record<string, number>>();
  /** Replenishment state and consent the snapshot shows, for tests of those flows (the store joins them in one load). */
  replenishmentOf?: (customerId: string) => ReplenishmentSnapshot | undefined;
  consentOf?: (customerId: string) => ReminderConsent | undefined;
  /** Pending questions by customer and conversation, as the store keeps them. */
  readonly questions = new Map<string, object>();
  /** Platform identity → the account a one-time code linked it to, as the identity's CHANNEL#LINK item holds it. */
  readonly channelLinks = new Map<string, string>();
  /** Set to make every call fail like an unreachable database. */
  failing = false;
  /** Handoff cases whose transcript buffer and waiting answers the load joins in, as the store's one BatchGetItem does. */
  handoffs?: MemoryHandoffCases;
  /** Every load's options, for tests of what a turn asks the store for. */
  readonly loads: CustomerLoadOptions[] = [];

  private check(operation: string) {
    if (this.failing) throw new DependencyError('dynamodb', `${operation} failed`, { cause: new Error('connect ECONNREFUSED') });
  }

  async load(customerId: string, options: CustomerLoadOptions = {}): Promise<CustomerSnapshot> {
    this.check('load');
    this.loads.push({ ...options });
    const snapshot: CustomerSnapshot = { customerId, cart: structuredClone(this.carts.get(customerId) ?? { lines: [], version: 0 }) };
    const linkedTo = options.channelLink ? this.channelLinks.get(customerId) : undefined;
    if (linkedTo) snapshot.linkedTo = linkedTo;
    const question = options.dialogKey ? this.questions.get(`${customerId}\n${options.dialogKey}`) : undefined;
    if (question) snapshot.question = structuredClone(question);
    const consent = this.consentOf?.(customerId);
    if (consent) snapshot.reminderConsent = structuredClone(consent);
    const profile = this.profiles.get(customerId);
    if (profile) snapshot.profile = { ...profile };
    const counts = this.purchases.get(customerId);
    if (counts) snapshot.purchaseCounts = { ...counts };
    const transcript = options.dialogKey ? this.handoffs?.transcripts.get(`${customerId}\n${options.dialogKey}`) : undefined;
    if (transcript?.length) snapshot.transcript = structuredClone(transcript);
    const answers = options.answers ? this.handoffs?.answers.get(customerId) : undefined;
    if (answers?.length) snapshot.pendingAnswers = structuredClone(answers);
    return snapshot;
  }

  async recentOrders(): Promise<Order[]> {
    this.check('recentOrders');
    return [];
  }

  async replenishment(customerId: string): Promise<ReplenishmentSnapshot | undefined> {
    this.check('replenishment');
    const replenishment = this.replenishmentOf?.(customerId);
    return replenishment ? structuredClone(replenishment) : undefined;
  }

  async saveCart(customerId: string, lines: CartLine[], expectedVersion: number): Promise<Cart> {
    this.check('saveCart');
    const current = this.carts.get(customerId)?.version ?? 0;
    if (current !== expectedVersion) throw new ConcurrentUpdateError('stale cart');
    const cart = { lines: structuredClone(lines), version: expectedVersion + 1 };
    this.carts.set(customerId, cart);
    return structuredClone(cart);
  }

  async saveQuestion(customerId: string, dialogKey: string, question: object | undefined): Promise<void> {
    this.check('saveQuestion');
    const key = `${customerId}\n${dialogKey}`;
    if (question === undefined) this.questions.delete(key);
    else this.questions.set(key, structuredClone(question));
  }

  async erase(customerId: string): Promise<number> {
    this.check('erase');
    for (const key of [...this.questions.keys()]) if (key.startsWith(`${customerId}\n`)) this.questions.delete(key);
    const had = Number(this.carts.delete(customerId)) + Number(this.profiles.delete(customerId)) + Number(this.purchases.delete(customerId));
    return had;
  }

  async saveProfile(profile: CustomerProfile): Promise<void> {
    this.check('saveProfile');
    this.profiles.set(profile.customerId, { ...profile });
  }
}

export class MemoryAccounts implements AccountLinking {
  constructor(readonly tokens = new Map<string, string>()) {}
  async resolve(accessToken: string) {
    return this.tokens.get(accessToken) ?? null;
  }
}

/**
 * A deliberately plain catalog: every query word must occur in the product's name or aisle. Enough to test the
 * conversation without depending on the ranking of the real search engine.
 */
export class WordMatchCatalog implements Catalog {
  private readonly byId: Map<string, Product>;
  constructor(readonly products: Product[]) {
    this.byId = new Map(products.map((product) => [product.id, product]));
  }
  get(id: string) {
    return this.byId.get(id);
  }
  search(query: string, options: SearchOptions): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = this.products
      .filter((product) => {
        const text = `${product.names[options.locale] ?? ''} ${product.aisle?.[options.locale] ?? ''}`.toLowerCase();
        return words.length > 0 && words.every((word) => text.includes(word));
      })
      .map((product) => ({ product, score: 1 + (options.personal?.get(product.id) ?? 0) + (product.popularity ?? 0) / 1000 }));
    return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 10);
  }
}

export class SilentLog implements Log {
  readonly entries: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.entries.push({ level: 'error', message, fields });
  }
}

export const SAMPLE_PRODUCTS: Product[] = [
  { id: 'milk-1', names: { 'en-US': 'Whole Milk', 'de-DE': 'Vollmilch' }, aisle: { 'en-US': 'milk', 'de-DE': 'Milch' }, priceCents: 349, size: '1 gallon', popularity: 90 },
  { id: 'milk-2', names: { 'en-US': 'Oat Milk', 'de-DE': 'Hafermilch' }, aisle: { 'en-US': 'milk', 'de-DE': 'Milch' }, priceCents: 299, size: '64 oz', popularity: 70 },
  { id: 'milk-3', names: { 'en-US': 'Lactose Free Milk', 'de-DE': 'Laktosefreie Milch' }, aisle: { 'en-US': 'milk', 'de-DE': 'Milch' }, priceCents: 429, size: 'half gallon', popularity: 40 },
  { id: 'milk-4', names: { 'en-US': 'Skim Milk', 'de-DE': 'Magermilch' }, aisle: { 'en-US': 'milk', 'de-DE': 'Milch' }, priceCents: 279, size: '1 gallon', popularity: 30 },
  { id: 'coffee-1', names: { 'en-US': 'Ground Coffee Medium Roast', 'de-DE': 'Röstkaffee gemahlen' }, aisle: { 'en-US': 'coffee', 'de-DE': 'Kaffee' }, priceCents: 899, size: '12 oz', popularity: 80 },
  { id: 'coffee-2', names: { 'en-US': 'Espresso Beans', 'de-DE': 'Espressobohnen' }, aisle: { 'en-US': 'coffee', 'de-DE': 'Kaffee' }, priceCents: 1199, size: '1 lb', popularity: 50 },
  { id: 'eggs-1', names: { 'en-US': 'Large Brown Eggs', 'de-DE': 'Braune Eier' }, aisle: { 'en-US': 'eggs', 'de-DE': 'Eier' }, priceCents: 429, size: '12 count', popularity: 60 },
];

export function turn(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Locale = 'en-US'): Turn {
  return {
    slots: {},
    locale,
    customer: { platform: 'alexa', platformUserId: 'user-1' },
    session: {},
    newSession: false,
    dialog: { confirmation: 'NONE' },
    device: { hasScreen: false },
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    // One platform conversation unless a test says otherwise: pending questions are bound to it.
    sessionId: 'session-1',
    ...partial,
  };
}

/** Orders in memory with the same claim/commit/release/takeover contract as the DynamoDB repository (one process). */
export class MemoryOrders implements OrderRepository {
  readonly claims = new Map<string, MemoryClaim>();
  constructor(
    private readonly customers: MemoryCustomers,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}
  async claim(customerId: string, key: string, request: ClaimRequest): Promise<OrderClaim> {
    const id = `${customerId}|${key}`;
    const existing = this.claims.get(id);
    if (existing?.order) return { kind: 'placed', order: existing.order };
    const now = this.clock.now().getTime();
    if (existing && !existing.outcome && existing.claimedAt >= now - request.leaseMs) return { kind: 'in-progress' };
    const earlierChargeKeys = existing?.chargeKeys ?? [];
    this.claims.set(id, { claimant: request.claimant, claimedAt: now, chargeKeys: [...earlierChargeKeys, request.chargeKey] });
    return { kind: 'claimed', earlierChargeKeys };
  }
  async commit(order: Order & { idempotencyKey: string }, cartVersion: number, held: HeldClaim): Promise<void> {
    const claim = this.claims.get(`${order.customerId}|${held.key}`);
    if (claim?.claimant !== held.claimant || claim.outcome || claim.order) throw new ConcurrentUpdateError('claim lost');
    await this.customers.saveCart(order.customerId, [], cartVersion);
    claim.order = order;
  }
  async release(customerId: string, held: HeldClaim, outcome: AttemptOutcome): Promise<boolean> {
    const claim = this.claims.get(`${customerId}|${held.key}`);
    if (claim?.claimant !== held.claimant || claim.outcome || claim.order) return false;
    claim.outcome = outcome;
    return true;
  }
  async inspect(customerId: string, key: string): Promise<ClaimState> {
    const claim = this.claims.get(`${customerId}|${key}`);
    if (!claim) return { kind: 'none' };
    if (claim.order) return { kind: 'placed', order: claim.order };
    return claim.outcome ? { kind: 'released', outcome: claim.outcome } : { kind: 'in-progress' };
  }
  async cancel(_customerId: string, order: Order, at: Date) {
    return order.status === 'placed' ? { ...order, status: 'cancelled' as const, cancelledAt: at.toISOString() } : undefined;
  }
}

interface MemoryClaim {
  claimant: string;
  claimedAt: number;
  chargeKeys: string[];
  order?: Order;
  outcome?: AttemptOutcome;
}

export class MemoryPins implements PinVault {
  constructor(readonly pins = new Map<string, string>()) {}
  async verify(customerId: string, pin: string) {
    const stored = this.pins.get(customerId);
    if (!stored) return { result: 'not-set' as const, triesLeft: 0 };
    return stored === pin ? { result: 'ok' as const, triesLeft: 3 } : { result: 'wrong' as const, triesLeft: 2 };
  }
}

/** Replenishment state and the consent ledger in memory, with the same ledger rules as the store. */
export class MemoryReplenishment implements ReplenishmentRepository {
  readonly consents = new Map<string, ReminderConsent>();
  readonly snoozes: Array<{ customerId: string; productIds: string[]; untilDay: string }> = [];
  readonly nudged: Array<{ customerId: string; productId: string; purchase: number }> = [];
  readonly recorded: Array<{ customerId: string; update: { rhythm: CustomerRhythm; items: PredictionItem[] } }> = [];
  async recordOrder(customerId: string, update: { rhythm: CustomerRhythm; items: PredictionItem[] }) {
    this.recorded.push({ customerId, update });
  }
  async markNudged(customerId: string, productId: string, purchase: number) {
    this.nudged.push({ customerId, productId, purchase });
  }
  async snooze(customerId: string, productIds: string[], untilDay: string) {
    this.snoozes.push({ customerId, productIds, untilDay });
  }
  async recordConsent(customerId: string, event: ConsentEvent) {
    const next = applyConsent(this.consents.get(customerId) ?? NO_CONSENT, event);
    this.consents.set(customerId, next);
    return next;
  }
}

/** Full core dependencies on in-memory ports; pass what a test wants to observe or control. */
export function memoryCoreDeps(overrides: Partial<CoreDeps> & { customers?: MemoryCustomers } = {}): CoreDeps {
  const customers = overrides.customers ?? new MemoryCustomers();
  return {
    catalog: new WordMatchCatalog(SAMPLE_PRODUCTS),
    accounts: new MemoryAccounts(),
    clock: new FixedClock(),
    log: new SilentLog(),
    orders: new MemoryOrders(customers),
    pins: new MemoryPins(),
    payments: new LocalPaymentGateway(),
    policy: DEFAULT_POLICY,
    replenishment: new MemoryReplenishment(),
    priors: emptyPriors(),
    ...overrides,
    customers,
  };
}

/** The shop's hours in tests: New York, Mon-Fri 09:00-17:00, answers within 4 business hours, unsure below 0.5. */
export const TEST_HANDOFF_SETTINGS: HandoffSettings = {
  hours: parseBusinessHours('Mon-Fri 09:00-17:00'),
  responseHours: 4,
  timeZone: 'America/New_York',
  minConfidence: 0.5,
};

/**
 * Handoff cases in memory with the store's rules: a transcript kept only when shared, a bounded buffer per
 * conversation, answers waiting per customer until heard, a shopper's reply going to their latest case and reopening it.
 */
export class MemoryHandoffCases implements HandoffCases {
  readonly cases = new Map<string, HandoffCase>();
  readonly transcripts = new Map<string, TranscriptEntry[]>();
  readonly answers = new Map<string, PendingAnswer[]>();
  readonly latest = new Map<string, string>();
  /** Every write, by name: what a turn cost. */
  readonly calls: string[] = [];
  private next = 1;
  constructor(
    private readonly clock: Clock = new FixedClock(),
    readonly bufferLimit = 12,
  ) {}

  async open(input: NewHandoffCase): Promise<HandoffCase> {
    this.calls.push('open');
    const iso = this.clock.now().toISOString();
    const caseId = `case-${this.next++}`;
    const handoff: HandoffCase = {
      ...structuredClone(input),
      transcript: input.transcriptShared ? structuredClone(input.transcript) : [],
      caseId,
      state: 'open',
      createdAt: iso,
      updatedAt: iso,
      messages: [],
      actions: [],
    };
    this.cases.set(caseId, handoff);
    this.latest.set(input.customerId, caseId);
    return structuredClone(handoff);
  }

  async shareTranscript(customerId: string, caseId: string, transcript: TranscriptEntry[]): Promise<void> {
    this.calls.push('shareTranscript');
    const handoff = this.cases.get(caseId);
    if (!handoff || handoff.customerId !== customerId) throw new ConcurrentUpdateError('no such case');
    handoff.transcript = structuredClone(transcript);
    handoff.transcriptShared = true;
  }

  async recordTurn(customerId: string, dialogKey: string, entry: TranscriptEntry): Promise<void> {
    this.calls.push('recordTurn');
    const key = `${customerId}\n${dialogKey}`;
    this.transcripts.set(key, [...(this.transcripts.get(key) ?? []), structuredClone(entry)].slice(-this.bufferLimit));
  }

  async markDelivered(customerId: string, caseIds: string[], at: Date): Promise<void> {
    this.calls.push('markDelivered');
    this.answers.set(customerId, (this.answers.get(customerId) ?? []).filter((answer) => !caseIds.includes(answer.caseId)));
    for (const caseId of caseIds) {
      const handoff = this.cases.get(caseId);
      if (!handoff) continue;
      for (const message of handoff.messages) if (message.from === 'agent' && !message.deliveredAt) message.deliveredAt = at.toISOString();
      if (handoff.state === 'open') handoff.state = 'answered';
    }
  }

  async shopperReply(customerId: string, text: string, at: Date): Promise<HandoffCase | undefined> {
    this.calls.push('shopperReply');
    const caseId = this.latest.get(customerId);
    const handoff = caseId ? this.cases.get(caseId) : undefined;
    if (!handoff) return undefined;
    handoff.messages.push({ from: 'shopper', text, at: at.toISOString() });
    handoff.state = 'open';
    return structuredClone(handoff);
  }

  /** A person's answer, as the inbox gives it: kept on the case and waiting for the shopper's next visit. */
  agentReply(caseId: string, text: string, agentName?: string): void {
    const handoff = this.cases.get(caseId)!;
    const at = this.clock.now().toISOString();
    handoff.messages.push({ from: 'agent', text, at, ...(agentName ? { agentName } : {}) });
    handoff.firstReplyAt ??= at;
    const waiting = this.answers.get(handoff.customerId) ?? [];
    this.answers.set(handoff.customerId, [...waiting, { caseId, text, at, ...(agentName ? { agentName } : {}) }]);
  }
}
