import { describe, expect, it } from 'vitest';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { summaryFromOrders, summaryUpdate, toSummary } from '../../../skill/store/summary';
import type { Order } from '../../../skill/core/ports';

const line = (productId: string) => ({ productId, quantity: 2, unitPriceCents: 100 });

describe('purchase summary items', () => {
  it('reads counts from pc: attributes, ignoring zeros and anything else', () => {
    expect(toSummary({ pk: 'CUSTOMER#c', sk: 'SUMMARY', type: 'summary', 'pc:p1': 3, 'pc:p2': 0, 'pc:p3': 'x', orderCount: 4 })).toEqual({ purchaseCounts: { p1: 3 }, orderCount: 4 });
    expect(toSummary(undefined)).toEqual({ purchaseCounts: {}, orderCount: 0 });
  });

  it('adds one per order line and counts the order; a cancellation takes the lines off only', () => {
    const placed = summaryUpdate('t', 'c', [line('p1'), line('p1'), line('p#2')], 1);
    expect(placed.UpdateExpression).toBe('SET #type = :type ADD #p0 :p0, #p1 :p1, #orders :one');
    expect(placed.ExpressionAttributeNames).toMatchObject({ '#p0': 'pc:p1', '#p1': 'pc:p#2', '#orders': 'orderCount' });
    expect(unmarshall(placed.ExpressionAttributeValues)).toMatchObject({ ':p0': 2, ':p1': 1, ':one': 1 });
    const cancelled = summaryUpdate('t', 'c', [line('p1')], -1);
    expect(cancelled.UpdateExpression).toBe('SET #type = :type ADD #p0 :p0');
    expect(unmarshall(cancelled.ExpressionAttributeValues)).toMatchObject({ ':p0': -1 });
    expect(unmarshall(cancelled.Key)).toEqual({ pk: 'CUSTOMER#c', sk: 'SUMMARY' });
  });

  it('recomputes from orders what the increments add up to', () => {
    const order = (id: string, status: Order['status'], products: string[]) => ({ orderId: id, status, lines: products.map(line) }) as Order;
    const item = summaryFromOrders('c', [order('a', 'placed', ['p1', 'p2']), order('b', 'cancelled', ['p1']), order('c', 'placed', ['p1'])]);
    expect(toSummary(item)).toEqual({ purchaseCounts: { p1: 2, p2: 1 }, orderCount: 3 });
  });
});
