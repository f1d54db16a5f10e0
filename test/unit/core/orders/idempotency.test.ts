/** The confirmation key is shared by every copy of one yes; the charge key is new for every attempt. */
import { describe, expect, it } from 'vitest';
import { chargeIdempotencyKey, orderIdempotencyKey, orderNumber } from '../../../../skill/core/orders/idempotency';

describe('order keys', () => {
  it('derives one confirmation key from customer, cart version and lines, in any line order', () => {
    const a = orderIdempotencyKey('c', 3, [{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 2 }]);
    expect(orderIdempotencyKey('c', 3, [{ productId: 'p2', quantity: 2 }, { productId: 'p1', quantity: 1 }])).toBe(a);
    expect(orderIdempotencyKey('c', 4, [{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 2 }])).not.toBe(a);
    expect(orderIdempotencyKey('d', 3, [{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 2 }])).not.toBe(a);
  });

  it('gives every attempt its own charge key, and the same one for the same nonce', () => {
    const key = orderIdempotencyKey('c', 1, [{ productId: 'p1', quantity: 1 }]);
    expect(chargeIdempotencyKey(key)).not.toBe(chargeIdempotencyKey(key));
    expect(chargeIdempotencyKey(key, 'n')).toBe(chargeIdempotencyKey(key, 'n'));
    expect(chargeIdempotencyKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads order numbers without 0/O or 1/I', () => {
    expect(orderNumber(chargeIdempotencyKey('k'))).toMatch(/^V[2-9A-HJ-NP-Z]{7}$/);
  });
});
