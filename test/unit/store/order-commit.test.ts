/**
 * The commit transaction as the order repository builds it, against a stub client: what goes in it, what is left
 * out past the action limit, and which cancellations are sent again (a conflict) or not (a failed condition).
 */
import type { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError } from '../../../skill/core/errors';
import type { Order, PredictionItem } from '../../../skill/core/ports';
import type { PurchaseState } from '../../../skill/core/replenishment/state';
import { DynamoOrderRepository } from '../../../skill/store/order-repository';

function stubClient(answers: Array<Error | undefined>) {
  const sent: TransactWriteItemsCommand[] = [];
  const client = {
    send: async (command: TransactWriteItemsCommand) => {
      sent.push(command);
      const answer = answers.shift();
      if (answer) throw answer;
      return {};
    },
  } as unknown as DynamoDBClient;
  return { client, sent };
}

function cancelled(...codes: string[]): Error {
  return Object.assign(new Error(`Transaction cancelled [${codes.join(', ')}]`), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
}

function order(products: number): Order & { idempotencyKey: string } {
  return {
    orderId: 'V1234567',
    customerId: 'c1',
    placedAt: '2026-12-01T10:00:00.000Z',
    status: 'placed',
    lines: Array.from({ length: products }, (_, i) => ({ productId: `p${i}`, quantity: 1, unitPriceCents: 100 })),
    subtotalCents: 100 * products,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 100 * products,
    currency: 'USD',
    deliveryBy: '2026-12-03T10:00:00.000Z',
    cancellableUntil: '2026-12-01T12:00:00.000Z',
    idempotencyKey: 'charge-1',
  };
}

function predictions(products: number): { rhythm: never; items: PredictionItem[] } {
  const state = (productId: string) => ({ productId, purchases: 1, totalUnits: 1, firstOrderNumber: 1, lastOrderNumber: 1, lastUnits: 1, dayGaps: { n: 0, mean: 0, m2: 0 }, orderGaps: { n: 0, mean: 0, m2: 0 }, recentOrderNumbers: [1] }) as PurchaseState;
  return { rhythm: { customerId: 'c1', orders: 1, lastOrderNumber: 1, orderGapDays: { n: 0, mean: 0, m2: 0 }, lines: products, repeatLines: 0 } as never, items: Array.from({ length: products }, (_, i) => ({ state: state(`p${i}`), dueDay: '2026-12-20' })) };
}

const clock = { now: () => new Date('2026-12-01T10:00:00.000Z') };
const held = { key: 'k1', claimant: 'r1' };

describe('the order commit transaction', () => {
  it('carries the answered question and the prediction update with the order', async () => {
    const { client, sent } = stubClient([]);
    const report = await new DynamoOrderRepository(client, 't', clock).commit(order(2), 4, held, { answeredDialogKey: 'd1', replenishment: { ...predictions(2), basisComplete: true } });
    expect(report).toEqual({ questionCleared: true, replenishmentRecorded: true });
    const items = sent[0]!.input.TransactItems!;
    // claim, header, 2 lines, cart, summary, question, rhythm with the basis, 2 PRED#.
    expect(items).toHaveLength(10);
    expect(unmarshall(items[6]!.Delete!.Key!)).toEqual({ pk: 'CUSTOMER#c1', sk: 'DIALOG#d1' });
    const rhythm = items[7]!.Update!;
    expect(rhythm.ConditionExpression).toBeUndefined();
    expect(rhythm.UpdateExpression).toContain('#s1 = :s1');
    expect(items.slice(8).map((item) => unmarshall(item.Put!.Item!).sk)).toEqual(['PRED#p0', 'PRED#p1']);
    expect(items.slice(6).every((item) => !(item.Put ?? item.Update ?? item.Delete)!.ConditionExpression)).toBe(true);
  });

  it('leaves the predictions to a later write when they would pass the 100-action limit', async () => {
    const { client, sent } = stubClient([]);
    const report = await new DynamoOrderRepository(client, 't', clock).commit(order(48), 4, held, { answeredDialogKey: 'd1', replenishment: predictions(48) });
    expect(report).toEqual({ questionCleared: true, replenishmentRecorded: false });
    expect(sent[0]!.input.TransactItems).toHaveLength(53);
  });

  it('leaves the question to the engine rather than pass the limit with an order as large as a transaction allows', async () => {
    const { client, sent } = stubClient([]);
    // claim, header, 96 lines, cart, summary: 100 actions, the most an order could ever take.
    const report = await new DynamoOrderRepository(client, 't', clock).commit(order(96), 4, held, { answeredDialogKey: 'd1', replenishment: predictions(96) });
    expect(report).toEqual({ questionCleared: false, replenishmentRecorded: false });
    expect(sent[0]!.input.TransactItems).toHaveLength(100);
  });

  it('sends a commit cancelled by a conflicting write again, and never one whose condition failed', async () => {
    const conflict = stubClient([cancelled('None', 'None', 'None', 'None', 'None', 'None', 'TransactionConflict')]);
    await new DynamoOrderRepository(conflict.client, 't', clock).commit(order(1), 4, held, { answeredDialogKey: 'd1' });
    expect(conflict.sent).toHaveLength(2);
    const stale = stubClient([cancelled('None', 'None', 'None', 'ConditionalCheckFailed', 'None', 'TransactionConflict')]);
    await expect(new DynamoOrderRepository(stale.client, 't', clock).commit(order(1), 4, held)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(stale.sent).toHaveLength(1);
  });

  it('commits the order alone when conflicts on its items persist, leaving the question and the predictions to later writes', async () => {
    const conflict = () => cancelled('None', 'None', 'None', 'None', 'None', 'TransactionConflict', 'None', 'None');
    const { client, sent } = stubClient([conflict(), conflict()]);
    const report = await new DynamoOrderRepository(client, 't', clock).commit(order(1), 4, held, { answeredDialogKey: 'd1', replenishment: { ...predictions(1), basisComplete: true } });
    expect(sent.map((command) => command.input.TransactItems!.length)).toEqual([8, 8, 5]);
    expect(report).toEqual({ questionCleared: false, replenishmentRecorded: false });
  });
});
