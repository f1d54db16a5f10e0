import { describe, expect, it } from 'vitest';
import type { Order, PredictionBasis, ReplenishmentSnapshot } from '../../../../skill/core/ports';
import { basisForOrder, MAX_BASIS_STATES, predictionUpdate, replayOrders } from '../../../../skill/core/replenishment/order-placed';
import { emptyPriors } from '../../../../skill/core/replenishment/priors';
import { MemoryReplenishment, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog } from '../../../helpers/fakes';

const catalog = new WordMatchCatalog(SAMPLE_PRODUCTS);

function order(orderId: string, day: number, productIds: string[]): Order {
  const placedAt = new Date(Date.UTC(2026, 10, 1) + day * 86_400_000).toISOString();
  return {
    orderId,
    customerId: 'c1',
    placedAt,
    status: 'placed',
    lines: productIds.map((productId) => ({ productId, quantity: 1, unitPriceCents: 100 })),
    subtotalCents: 0,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 0,
    currency: 'USD',
    deliveryBy: placedAt,
    cancellableUntil: placedAt,
  };
}

function basisOf(snapshot: ReplenishmentSnapshot, complete = true): PredictionBasis {
  return { ...(snapshot.rhythm ? { rhythm: snapshot.rhythm } : {}), states: snapshot.items.map((item) => item.state), complete };
}

function deps(read: (productIds: string[]) => Promise<ReplenishmentSnapshot | undefined>) {
  const asked: string[][] = [];
  const log = new SilentLog();
  return {
    asked,
    deps: {
      replenishment: new MemoryReplenishment(),
      customers: {
        replenishment: async (_customerId: string, productIds?: string[]) => {
          asked.push(productIds ?? []);
          return read(productIds ?? []);
        },
      },
      catalog,
      priors: emptyPriors(),
      log,
    },
  };
}

describe('the prediction update that goes with an order', () => {
  const history = replayOrders('c1', [order('o1', 0, ['milk-1', 'coffee-1']), order('o2', 7, ['milk-1'])], catalog, emptyPriors());

  it('needs no read when the loaded basis is complete, and gives what replaying the order would', async () => {
    const { deps: d, asked } = deps(async () => undefined);
    const basis = await basisForOrder(d, 'c1', basisOf(history), ['milk-1', 'milk-2']);
    expect(asked).toEqual([]);
    const next = order('o3', 14, ['milk-1', 'milk-2']);
    const update = predictionUpdate(d, 'c1', next, basis!)!;
    const replayed = replayOrders('c1', [order('o1', 0, ['milk-1', 'coffee-1']), order('o2', 7, ['milk-1']), next], catalog, emptyPriors());
    expect(update.rhythm).toEqual(replayed.rhythm);
    expect(update.items.map((item) => item.state)).toEqual(replayed.items.filter((item) => ['milk-1', 'milk-2'].includes(item.state.productId)).map((item) => item.state));
    expect(update.basisComplete).toBe(true);
    expect(update.dropFromBasis).toBeUndefined();
  });

  it('reads only the products an incomplete basis lacks, and keeps it marked incomplete', async () => {
    const { deps: d, asked } = deps(async () => ({ items: history.items.filter((item) => item.state.productId === 'coffee-1') }));
    const partial = { ...basisOf(history, false), states: basisOf(history).states.filter((state) => state.productId === 'milk-1') };
    const basis = await basisForOrder(d, 'c1', partial, ['milk-1', 'coffee-1']);
    expect(asked).toEqual([['coffee-1']]);
    expect(basis!.basis.states.map((state) => state.productId).sort()).toEqual(['coffee-1', 'milk-1']);
    expect(predictionUpdate(d, 'c1', order('o3', 14, ['milk-1', 'coffee-1']), basis!)!.basisComplete).toBe(false);
  });

  it('leaves the stored completeness alone when no basis was loaded, and goes without an update when the read fails', async () => {
    const { deps: d } = deps(async () => history);
    const read = await basisForOrder(d, 'c1', undefined, ['milk-1']);
    expect(read!.completenessKnown).toBe(false);
    expect(predictionUpdate(d, 'c1', order('o3', 14, ['milk-1']), read!)).not.toHaveProperty('basisComplete');
    const failing = deps(async () => {
      throw new Error('down');
    });
    expect(await basisForOrder(failing.deps, 'c1', undefined, ['milk-1'])).toBeUndefined();
  });

  it('drops the least recently bought states past the bound, and then calls the basis incomplete', () => {
    const states = Array.from({ length: MAX_BASIS_STATES }, (_, i) => ({ ...history.items[0]!.state, productId: `x${i}`, lastOrderNumber: i + 1 }));
    const full: PredictionBasis = { rhythm: { ...history.rhythm!, lastOrderNumber: MAX_BASIS_STATES }, states, complete: true };
    const { deps: d } = deps(async () => undefined);
    const update = predictionUpdate(d, 'c1', order('o3', 30, ['milk-2', 'x5']), { basis: full, completenessKnown: true })!;
    expect(update.dropFromBasis).toEqual(['x0']);
    expect(update.basisComplete).toBe(false);
  });
});
