/**
 * The prediction basis: the RHYTHM item also carries each product's compact purchase state (`ps:<productId>`), so
 * the turn that places an order reads what the prediction update needs in its one load, and the order's commit
 * transaction writes the update. States are top-level attributes, like the summary's counts: an order sets only
 * its own products' states with one update that also creates the item. The PRED# items stay as they are, for the
 * daily job's due-day index and the replenishment turns.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { PredictionBasis, ReplenishmentUpdate } from '../core/ports';
import type { CustomerRhythm, PurchaseState } from '../core/replenishment/state';
import { MAX_BASIS_STATES } from '../core/replenishment/order-placed';
import { customerPk, SK } from './keys';
import type { PlainItem } from './item-reads';

export const BASIS_STATE_PREFIX = 'ps:';

/**
 * The basis as stored. No RHYTHM item means no order was ever recorded: nothing to read elsewhere either. A RHYTHM
 * item without the completeness mark was written before the basis existed (or lost states past its bound).
 */
export function toPredictionBasis(item: PlainItem | undefined): PredictionBasis {
  if (!item) return { states: [], complete: true };
  const states: PurchaseState[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(BASIS_STATE_PREFIX) && value && typeof value === 'object') states.push(value as PurchaseState);
  }
  return { ...(item.rhythm ? { rhythm: item.rhythm as CustomerRhythm } : {}), states, complete: item.basisComplete === true };
}

/**
 * The whole RHYTHM item with its basis (seed, rebuild, benches): what the updates of every order add up to, the
 * most recently bought MAX_BASIS_STATES products' states kept (complete only when none had to leave).
 */
export function basisItem(customerId: string, rhythm: CustomerRhythm, states: readonly PurchaseState[]): PlainItem {
  const kept = [...states].sort((a, b) => b.lastOrderNumber - a.lastOrderNumber).slice(0, MAX_BASIS_STATES);
  const item: PlainItem = { pk: customerPk(customerId), sk: SK.rhythm, type: 'rhythm', rhythm, lastOrderNumber: rhythm.lastOrderNumber, basisComplete: kept.length === states.length };
  for (const state of kept) item[`${BASIS_STATE_PREFIX}${state.productId}`] = state;
  return item;
}

/** One state per product: a transaction may not name one item twice, and an expression not one attribute twice. */
export function distinctItems<T extends { state: { productId: string } }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.state.productId, item])).values()];
}

/**
 * The raw Update of the RHYTHM item for one order: the rhythm, the order's products' states, the completeness mark
 * when known, the dropped states removed. With `onlyIfNewer` it applies only over an older rhythm (the separate
 * write after an order, which a retry may repeat); in the order's own transaction it carries no condition.
 */
export function basisUpdate(tableName: string, customerId: string, update: ReplenishmentUpdate, options: { onlyIfNewer?: boolean } = {}) {
  const names: Record<string, string> = { '#type': 'type', '#rhythm': 'rhythm', '#last': 'lastOrderNumber' };
  const values: Record<string, unknown> = { ':type': 'rhythm', ':rhythm': update.rhythm, ':last': update.rhythm.lastOrderNumber };
  const sets = ['#type = :type', '#rhythm = :rhythm', '#last = :last'];
  const items = distinctItems(update.items);
  items.forEach((item, index) => {
    names[`#s${index}`] = `${BASIS_STATE_PREFIX}${item.state.productId}`;
    values[`:s${index}`] = item.state;
    sets.push(`#s${index} = :s${index}`);
  });
  if (update.basisComplete !== undefined) {
    names['#complete'] = 'basisComplete';
    values[':complete'] = update.basisComplete;
    sets.push('#complete = :complete');
  }
  const written = new Set(items.map((item) => item.state.productId));
  const removes = [...new Set(update.dropFromBasis ?? [])]
    .filter((productId) => !written.has(productId))
    .map((productId, index) => {
      names[`#d${index}`] = `${BASIS_STATE_PREFIX}${productId}`;
      return `#d${index}`;
    });
  return {
    TableName: tableName,
    Key: marshall({ pk: customerPk(customerId), sk: SK.rhythm }),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ...(options.onlyIfNewer ? { ConditionExpression: 'attribute_not_exists(#last) OR #last < :last' } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
  };
}
