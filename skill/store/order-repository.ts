/**
 * Orders on the customer partition. Claiming an idempotency key is a conditional put; committing an order is one
 * TransactWriteItems: the key marked placed (only by its claimant), the order header, one item per line, and the
 * cart emptied (only if still at the confirmed version). Either all of it lands or none.
 */
import dynamoose from 'dynamoose';
import { ConcurrentUpdateError } from '../core/errors';
import type { Clock, Order, OrderClaim, OrderLine, OrderRepository } from '../core/ports';
import { isConditionFailure, storeError } from './errors';
import { customerPk, SK } from './keys';
import { vocartModel, type VocartItem } from './table';

/** A claim older than this is treated as abandoned (its Lambda died mid-order) and may be taken over. */
export const CLAIM_TTL_MS = 60_000;

export class DynamoOrderRepository implements OrderRepository {
  private readonly model;

  constructor(
    tableName: string,
    private readonly clock: Clock,
  ) {
    this.model = vocartModel(tableName);
  }

  async claim(customerId: string, idempotencyKey: string, claimant: string): Promise<OrderClaim> {
    const now = this.clock.now().getTime();
    const condition = new dynamoose.Condition()
      .attribute('pk')
      .not()
      .exists()
      .or()
      .group((group) => group.attribute('status').eq('claimed').and().attribute('claimedAt').lt(now - CLAIM_TTL_MS));
    try {
      await this.model.create(
        {
          pk: customerPk(customerId),
          sk: SK.idempotency(idempotencyKey),
          type: 'idempotency',
          status: 'claimed',
          claimant,
          claimedAt: now,
          // Only for housekeeping: TTL deletes lazily, so correctness relies on claimedAt above.
          expiresAt: Math.floor(now / 1000) + 7 * 24 * 3600,
        },
        { overwrite: true, condition },
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw storeError('claim order key', error);
    }
    const order = await this.findByKey(customerId, idempotencyKey);
    return order ? { kind: 'placed', order } : { kind: 'in-progress' };
  }

  async commit(order: Order & { idempotencyKey: string }, cartVersion: number, claimant: string): Promise<void> {
    const pk = customerPk(order.customerId);
    const { header, lines, orderSk } = orderItems(order);
    const writes = [
      this.model.transaction.update(
        { pk, sk: SK.idempotency(order.idempotencyKey) },
        { status: 'placed', orderSk },
        { condition: new dynamoose.Condition().attribute('claimant').eq(claimant).and().attribute('status').eq('claimed') },
      ),
      this.model.transaction.create(header, { overwrite: false }),
      ...lines.map((line) => this.model.transaction.create(line, { overwrite: false })),
      this.model.transaction.create(
        { pk, sk: SK.cart, type: 'cart', lines: [], version: cartVersion + 1, updatedAt: order.placedAt },
        { overwrite: true, condition: new dynamoose.Condition().attribute('version').eq(cartVersion) },
      ),
    ];
    try {
      await dynamoose.transaction(writes);
    } catch (error) {
      if (isTransactionConditionFailure(error)) {
        throw new ConcurrentUpdateError('the cart or the order claim changed before the order was committed', { cause: error });
      }
      throw storeError('commit order', error);
    }
  }

  async release(customerId: string, idempotencyKey: string, claimant: string): Promise<void> {
    try {
      await this.model.delete(
        { pk: customerPk(customerId), sk: SK.idempotency(idempotencyKey) },
        { condition: new dynamoose.Condition().attribute('claimant').eq(claimant).and().attribute('status').eq('claimed') },
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      throw storeError('release order claim', error);
    }
  }

  async findByKey(customerId: string, idempotencyKey: string): Promise<Order | undefined> {
    try {
      const claim = await this.model.get({ pk: customerPk(customerId), sk: SK.idempotency(idempotencyKey) });
      const orderSk = claim?.status === 'placed' ? claim.orderSk : undefined;
      if (typeof orderSk !== 'string') return undefined;
      return await this.loadOrder(customerId, orderSk);
    } catch (error) {
      throw storeError('find order by key', error);
    }
  }

  private async loadOrder(customerId: string, orderSk: string): Promise<Order | undefined> {
    const pk = customerPk(customerId);
    const header = await this.model.get({ pk, sk: orderSk });
    if (!header) return undefined;
    const linePrefix = `${SK.orderLinePrefix}${orderSk.slice(SK.orderPrefix.length)}#`;
    const lineItems = await this.model.query('pk').eq(pk).where('sk').beginsWith(linePrefix).exec();
    return toOrder(customerId, header.toJSON() as VocartItem, lineItems.map((item) => item.toJSON() as VocartItem));
  }

  async cancel(customerId: string, order: Order, at: Date): Promise<Order | undefined> {
    try {
      await this.model.update(
        { pk: customerPk(customerId), sk: SK.order(order.placedAt, order.orderId) },
        { status: 'cancelled', cancelledAt: at.toISOString() },
        { condition: new dynamoose.Condition().attribute('status').eq('placed').and().attribute('cancellableUntil').gt(at.toISOString()) },
      );
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
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

function isTransactionConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.length === 0 ? /ConditionalCheckFailed/.test(error.message) : reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rebuilds an order from its header item and its line items. */
export function toOrder(customerId: string, header: VocartItem, lineItems: VocartItem[]): Order {
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
