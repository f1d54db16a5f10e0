/**
 * Orders on the customer partition. A confirmation's claim is one IDEM item: `claimed` by one request, `placed`
 * with its order, or `released` with the outcome of a failed attempt. It keeps the charge key of every attempt,
 * so whoever takes it over next (after a failure, or when a claim's lease ran out because its process died) can
 * refund them all first. Committing an order is one TransactWriteItems: the claim marked placed (only while its
 * claimant still holds it), the order header, one item per line, and the cart emptied (only if still at the
 * confirmed version), the order's products added to the shopper's purchase SUMMARY, the answered question
 * deleted and the order's prediction update (rhythm, basis, PRED# items). Either all of it lands or none, so the
 * summary never counts an order that does not exist; a cancellation takes its lines off again in the same
 * transaction as the status change.
 */
import {
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConcurrentUpdateError } from '../core/errors';
import type { AttemptOutcome, ClaimRequest, ClaimState, Clock, CommitReport, HeldClaim, Order, OrderClaim, OrderCommitExtras, OrderLine, OrderRepository } from '../core/ports';
import { isConditionFailure, isTransactionConditionFailure, storeError } from './errors';
import { sendRetryingConflicts, type ConflictRetry } from './conflict-retry';
import { customerPk, SK } from './keys';
import { queryPage, type PlainItem } from './item-reads';
import { summaryUpdate } from './summary';
import { basisUpdate } from './prediction-basis';
import { MAX_TRANSACTION_ACTIONS, predictionPuts } from './replenishment-repository';

/** Charge keys kept per confirmation: enough for any run of retries a shopper makes, bounded item size. */
const MAX_CHARGE_KEYS = 20;
/** Only for housekeeping: TTL deletes lazily, so correctness relies on the claim's own fields. */
const CLAIM_RETENTION_S = 7 * 24 * 3600;
/** Rounds of read-then-conditional-write before a contended claim is reported as in progress. */
const CLAIM_ROUNDS = 3;
/** Tries of a commit cancelled by a conflicting write only; short, well inside the commit margin of the turn. */
const COMMIT_ATTEMPTS = 3;
const CONFLICT_BACKOFF_MS = 15;
const COMMIT_RETRY: ConflictRetry = { attempts: COMMIT_ATTEMPTS, backoffMs: (attempt) => CONFLICT_BACKOFF_MS * attempt };

export class DynamoOrderRepository implements OrderRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async claim(customerId: string, key: string, request: ClaimRequest): Promise<OrderClaim> {
    try {
      // The usual case first: nobody has tried this confirmation yet, one conditional put decides.
      if (await this.writeClaim(customerId, key, request, undefined)) return { kind: 'claimed', earlierChargeKeys: [] };
      for (let round = 0; round < CLAIM_ROUNDS; round++) {
        const item = await this.readClaim(customerId, key);
        if (item?.status === 'placed') {
          const order = await this.loadPlaced(customerId, item);
          return order ? { kind: 'placed', order } : { kind: 'in-progress' };
        }
        if (item && item.status === 'claimed' && Number(item.claimedAt) >= this.clock.now().getTime() - request.leaseMs) return { kind: 'in-progress' };
        // Absent (erased meanwhile), released, or claimed by a process whose lease ran out: take it over,
        // conditional on the claim being exactly as read, so two takers cannot both win.
        if (await this.writeClaim(customerId, key, request, item)) return { kind: 'claimed', earlierChargeKeys: chargeKeysOf(item, key) };
      }
      return { kind: 'in-progress' };
    } catch (error) {
      throw storeError('claim order key', error);
    }
  }

  /** Writes a fresh claim over `previous` (undefined: none may exist); false when the claim changed meanwhile. */
  private async writeClaim(customerId: string, key: string, request: ClaimRequest, previous: PlainItem | undefined): Promise<boolean> {
    const now = this.clock.now().getTime();
    const item = {
      pk: customerPk(customerId),
      sk: SK.idempotency(key),
      type: 'idempotency',
      status: 'claimed',
      claimant: request.claimant,
      claimedAt: now,
      chargeKey: request.chargeKey,
      chargeKeys: [...chargeKeysOf(previous, key), request.chargeKey].slice(-MAX_CHARGE_KEYS),
      attempt: previous ? Number(previous.attempt ?? 1) + 1 : 1,
      expiresAt: Math.floor(now / 1000) + CLAIM_RETENTION_S,
    };
    const condition: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } = previous
      ? {
          ConditionExpression: '#status = :status AND #claimant = :claimant AND #claimedAt = :claimedAt',
          ExpressionAttributeNames: { '#status': 'status', '#claimant': 'claimant', '#claimedAt': 'claimedAt' },
          ExpressionAttributeValues: marshall({ ':status': previous.status, ':claimant': previous.claimant, ':claimedAt': previous.claimedAt }, { removeUndefinedValues: true }),
        }
      : { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } };
    try {
      await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: marshall(item), ...condition }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async readClaim(customerId: string, key: string): Promise<PlainItem | undefined> {
    const result = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk: customerPk(customerId), sk: SK.idempotency(key) }), ConsistentRead: true }),
    );
    return result.Item ? (unmarshall(result.Item) as PlainItem) : undefined;
  }

  async commit(order: Order & { idempotencyKey: string }, cartVersion: number, claim: HeldClaim, extras: OrderCommitExtras = {}): Promise<CommitReport> {
    const pk = customerPk(order.customerId);
    const { header, lines, orderSk } = orderItems(order);
    const put = (item: object, condition?: string): TransactWriteItem => ({
      Put: { TableName: this.tableName, Item: marshall(item, { removeUndefinedValues: true }), ...(condition ? { ConditionExpression: condition } : {}) },
    });
    const writes: TransactWriteItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: marshall({ pk, sk: SK.idempotency(claim.key) }),
          UpdateExpression: 'SET #status = :placed, #orderSk = :orderSk',
          ConditionExpression: '#claimant = :claimant AND #status = :claimed',
          ExpressionAttributeNames: { '#status': 'status', '#orderSk': 'orderSk', '#claimant': 'claimant' },
          ExpressionAttributeValues: marshall({ ':placed': 'placed', ':orderSk': orderSk, ':claimant': claim.claimant, ':claimed': 'claimed' }),
        },
      },
      put(header, 'attribute_not_exists(pk)'),
      ...lines.map((line) => put(line, 'attribute_not_exists(pk)')),
      {
        Put: {
          TableName: this.tableName,
          Item: marshall({ pk, sk: SK.cart, type: 'cart', lines: [], version: cartVersion + 1, updatedAt: order.placedAt }),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: marshall({ ':version': cartVersion }),
        },
      },
      // ADD creates the summary for a first order.
      { Update: summaryUpdate(this.tableName, order.customerId, order.lines, 1) },
    ];
    // The answered question goes with the order: no later request is needed to settle it. No condition: nothing
    // about the question may cancel an order the claim already made exactly-once.
    // Only while it fits: an order as large as the transaction allows still commits, its question settled after.
    const clearsQuestion = extras.answeredDialogKey !== undefined && writes.length < MAX_TRANSACTION_ACTIONS;
    const extraWrites: TransactWriteItem[] = [];
    if (clearsQuestion) extraWrites.push({ Delete: { TableName: this.tableName, Key: marshall({ pk, sk: SK.dialog(extras.answeredDialogKey!) }) } });
    const predictions = extras.replenishment
      ? [{ Update: basisUpdate(this.tableName, order.customerId, extras.replenishment) }, ...predictionPuts(this.tableName, order.customerId, extras.replenishment.items)]
      : [];
    // An order of many products would pass the transaction's action limit: its predictions are written after it.
    const withPredictions = predictions.length > 0 && writes.length + extraWrites.length + predictions.length <= MAX_TRANSACTION_ACTIONS;
    if (withPredictions) extraWrites.push(...predictions);
    try {
      const extrasWritten = await this.sendCommit(writes, extraWrites);
      return { questionCleared: clearsQuestion && extrasWritten, replenishmentRecorded: withPredictions && extrasWritten };
    } catch (error) {
      if (isTransactionConditionFailure(error)) {
        throw new ConcurrentUpdateError('the cart or the order claim changed before the order was committed', { cause: error });
      }
      throw storeError('commit order', error);
    }
  }

  /**
   * A transaction cancelled only because another request wrote one of its items at that moment (a conflict, not a
   * failed condition) wrote nothing: it is sent again, since the claim still guards against a second order. The
   * extras (the answered question, the prediction items) are items other turns and the daily job write singly: when
   * conflicts persist, the last try commits the order without them, so they can never cost a shopper an order that
   * is already paid for. Returns whether the extras went with the order.
   */
  private async sendCommit(orderWrites: TransactWriteItem[], extraWrites: TransactWriteItem[]): Promise<boolean> {
    const withExtras = (attempt: number) => extraWrites.length > 0 && attempt < COMMIT_ATTEMPTS;
    const landed = await sendRetryingConflicts(this.client, (attempt) => (withExtras(attempt) ? [...orderWrites, ...extraWrites] : orderWrites), COMMIT_RETRY);
    return withExtras(landed);
  }

  async release(customerId: string, claim: HeldClaim, outcome: AttemptOutcome): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: customerPk(customerId), sk: SK.idempotency(claim.key) }),
          UpdateExpression: 'SET #status = :released, #outcome = :outcome, #releasedAt = :at',
          ConditionExpression: '#claimant = :claimant AND #status = :claimed',
          ExpressionAttributeNames: { '#status': 'status', '#outcome': 'outcome', '#releasedAt': 'releasedAt', '#claimant': 'claimant' },
          ExpressionAttributeValues: marshall(
            { ':released': 'released', ':outcome': outcome, ':at': this.clock.now().getTime(), ':claimant': claim.claimant, ':claimed': 'claimed' },
            { removeUndefinedValues: true },
          ),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw storeError('release order claim', error);
    }
  }

  async inspect(customerId: string, key: string): Promise<ClaimState> {
    try {
      const item = await this.readClaim(customerId, key);
      if (!item) return { kind: 'none' };
      if (item.status === 'placed') {
        const order = await this.loadPlaced(customerId, item);
        return order ? { kind: 'placed', order } : { kind: 'in-progress' };
      }
      if (item.status === 'released') return { kind: 'released', outcome: toOutcome(item.outcome) };
      return { kind: 'in-progress' };
    } catch (error) {
      throw storeError('inspect order claim', error);
    }
  }

  private async loadPlaced(customerId: string, claim: PlainItem): Promise<Order | undefined> {
    return typeof claim.orderSk === 'string' ? this.loadOrder(customerId, claim.orderSk) : undefined;
  }

  private async loadOrder(customerId: string, orderSk: string): Promise<Order | undefined> {
    const pk = customerPk(customerId);
    const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall({ pk, sk: orderSk }) }));
    if (!result.Item) return undefined;
    const linePrefix = `${SK.orderLinePrefix}${orderSk.slice(SK.orderPrefix.length)}#`;
    const lineItems: PlainItem[] = [];
    let startKey: Awaited<ReturnType<typeof queryPage>>['lastKey'];
    do {
      const page = await queryPage(this.client, this.tableName, { pk, beginsWith: linePrefix, ...(startKey ? { startKey } : {}) });
      lineItems.push(...page.items);
      startKey = page.lastKey;
    } while (startKey);
    return toOrder(customerId, unmarshall(result.Item) as PlainItem, lineItems);
  }

  async cancel(customerId: string, order: Order, at: Date): Promise<Order | undefined> {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: marshall({ pk: customerPk(customerId), sk: SK.order(order.placedAt, order.orderId) }),
                UpdateExpression: 'SET #status = :cancelled, #cancelledAt = :at',
                ConditionExpression: '#status = :placed AND #until > :at',
                ExpressionAttributeNames: { '#status': 'status', '#cancelledAt': 'cancelledAt', '#until': 'cancellableUntil' },
                ExpressionAttributeValues: marshall({ ':cancelled': 'cancelled', ':at': at.toISOString(), ':placed': 'placed' }),
              },
            },
            { Update: summaryUpdate(this.tableName, customerId, order.lines, -1) },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error) || isTransactionConditionFailure(error)) return undefined;
      throw storeError('cancel order', error);
    }
    return { ...order, status: 'cancelled', cancelledAt: at.toISOString() };
  }
}

/** The items an order is stored as: a header and one item per line (the per-line purchase history). */
export function orderItems(order: Order) {
  const pk = customerPk(order.customerId);
  const orderSk = SK.order(order.placedAt, order.orderId);
  const { lines, customerId: _customerId, ...fields } = order;
  const header = { ...withoutUndefined(fields), pk, sk: orderSk, type: 'order', lineCount: lines.length };
  const lineItems = lines.map((line, index) => ({
    pk,
    sk: SK.orderLine(order.placedAt, order.orderId, index),
    type: 'orderLine',
    orderId: order.orderId,
    orderedAt: order.placedAt,
    ...line,
  }));
  return { header, lines: lineItems, orderSk };
}

/** Every charge key tried on a claim. A claim written before keys were per attempt charged with its own key. */
function chargeKeysOf(item: PlainItem | undefined, key: string): string[] {
  if (!item) return [];
  if (Array.isArray(item.chargeKeys)) return item.chargeKeys.filter((value): value is string => typeof value === 'string');
  return [key];
}

/** A released claim's outcome as stored; anything unreadable is treated as the cautious "may have charged". */
function toOutcome(value: unknown): AttemptOutcome {
  const outcome = (value ?? {}) as { kind?: unknown; reason?: unknown; charged?: unknown };
  if (outcome.kind === 'declined') return { kind: 'declined', reason: typeof outcome.reason === 'string' ? outcome.reason : 'card_declined' };
  return { kind: 'failed', charged: outcome.charged === 'no' ? 'no' : 'unknown' };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rebuilds an order from its header item and its line items. */
export function toOrder(customerId: string, header: PlainItem, lineItems: PlainItem[]): Order {
  const lines: OrderLine[] = lineItems
    .sort((a, b) => a.sk.localeCompare(b.sk))
    .map((item) => ({ productId: String(item.productId), quantity: Number(item.quantity), unitPriceCents: Number(item.unitPriceCents) }));
  const text = (key: string) => (typeof header[key] === 'string' ? (header[key] as string) : '');
  const cents = (key: string) => (typeof header[key] === 'number' ? (header[key] as number) : 0);
  return {
    orderId: text('orderId'),
    customerId,
    placedAt: text('placedAt'),
    status: header.status === 'cancelled' ? 'cancelled' : 'placed',
    lines,
    subtotalCents: cents('subtotalCents'),
    taxCents: cents('taxCents'),
    deliveryFeeCents: cents('deliveryFeeCents'),
    totalCents: cents('totalCents'),
    currency: text('currency') || 'USD',
    deliveryBy: text('deliveryBy'),
    cancellableUntil: text('cancellableUntil'),
    ...(text('chargeId') ? { chargeId: text('chargeId') } : {}),
    ...(text('idempotencyKey') ? { idempotencyKey: text('idempotencyKey') } : {}),
    ...(text('cancelledAt') ? { cancelledAt: text('cancelledAt') } : {}),
    ...(typeof header.cartVersion === 'number' ? { cartVersion: header.cartVersion } : {}),
  };
}
