/**
 * What a spoken amount means for the products found: how many packs of which product go on the cart line.
 *
 * "six eggs" counts eggs, "six cartons of eggs" counts cartons. A bare number (or "Stück") for a product sold in
 * packs of several pieces ("12 count") is a number of pieces: a pack holding exactly that many is chosen when one
 * is among the close matches, otherwise the fewest pieces over what was asked, in the fewest packs. A bare number
 * for a product sold by the piece or by measure ("2 lb" bananas, a gallon of milk) counts packs, as it always did.
 *
 * Pack sizes are never mixed on one request (no 18 + 12 for thirty eggs): the close matches are different
 * products (white, brown, free-range eggs), and mixing them would put on the cart something nobody named. One
 * product, one line; the read-back says how many pieces that makes, so the shopper can correct it.
 */
import { chooseBySize, packsFor, parsePackSize, piecesPerPack } from '../catalog/pack-size';
import type { Product } from '../catalog/product';
import { PIECE_UNITS, type ProductRequest } from '../catalog/product-request';
import { isWholeQuantity, MAX_LINE_QUANTITY } from './cart';

export interface QuantityChoice {
  product: Product;
  /** Cart quantity: whole packs, 1…MAX_LINE_QUANTITY. */
  packs: number;
  /** Pieces the shopper asked for, when the number said counted pieces ("six eggs" → 6). */
  unitsAsked?: number;
  /** Pieces in one pack, when the product is sold as a count of several ("12 count" → 12). */
  unitsPerPack?: number;
}

export type QuantityProblem =
  /** Not a whole number of at least one (zero, a fraction, a misheard slot). */
  | { error: 'bad-quantity' }
  /** More packs than one cart line may hold. */
  | { error: 'too-many' };

/**
 * The cart line a request asks for. `candidates` are the close matches, best first (one product when the shopper
 * picked it); `slotQuantity` is the platform's quantity slot (NaN when it held no usable number), which wins over a
 * number inside the product words. Undefined when there is no candidate.
 */
export function decideQuantity(
  request: ProductRequest,
  candidates: readonly Product[],
  slotQuantity?: number,
): QuantityChoice | QuantityProblem | undefined {
  const best = candidates[0];
  if (!best) return undefined;
  const count = slotQuantity ?? request.quantity;
  if (count !== undefined && !isWholeQuantity(count)) return { error: 'bad-quantity' };
  const choice = chooseLine(request, candidates, best, count);
  if ('error' in choice) return choice;
  return choice.packs > MAX_LINE_QUANTITY ? { error: 'too-many' } : choice;
}

function chooseLine(request: ProductRequest, candidates: readonly Product[], best: Product, count: number | undefined): QuantityChoice | QuantityProblem {
  const sizeSaid = parsePackSize(request.size);
  // "two dozen eggs" is 24 eggs; with a quantity slot ("two" + "dozen eggs") it is that many dozens.
  if (sizeSaid?.unit === 'count') {
    const pieces = (count ?? 1) * sizeSaid.amount;
    return isWholeQuantity(pieces) ? byPieces(candidates, best, pieces) : { error: 'bad-quantity' };
  }
  // "two pounds of ground beef": the product in that size, or the whole packs that make it up.
  if (request.size !== undefined) {
    const product = chooseBySize(candidates, request.size) ?? best;
    return inPacks(product, count ?? packsFor(request.size, product.size) ?? 1);
  }
  if (count === undefined) return inPacks(best, 1);
  const countsPacks = request.unit !== undefined && !PIECE_UNITS.has(request.unit);
  return countsPacks ? inPacks(best, count) : byPieces(candidates, best, count);
}

function inPacks(product: Product, packs: number): QuantityChoice {
  const unitsPerPack = piecesPerPack(product.size);
  return { product, packs, ...(unitsPerPack !== undefined ? { unitsPerPack } : {}) };
}

interface Fit {
  product: Product;
  packs: number;
  unitsPerPack: number;
  surplus: number;
}

/**
 * `pieces` of what the best match is: when it is sold by the piece, that many packs; otherwise, among the close
 * matches of its own aisle sold in counts, the one that leaves the fewest pieces over, then needs the fewest packs,
 * then ranks first. The aisle keeps "eighteen eggs" from landing on another kind of product that happens to come
 * in eighteens.
 */
function byPieces(candidates: readonly Product[], best: Product, pieces: number): QuantityChoice {
  if (piecesPerPack(best.size) === undefined) return inPacks(best, pieces);
  const fits: Fit[] = [];
  for (const product of candidates) {
    const unitsPerPack = piecesPerPack(product.size);
    if (unitsPerPack === undefined || product.aisleId !== best.aisleId) continue;
    const packs = Math.ceil(pieces / unitsPerPack);
    fits.push({ product, packs, unitsPerPack, surplus: packs * unitsPerPack - pieces });
  }
  // The best match is always among the fits, and reduce keeps the earlier (better ranked) fit on a tie.
  const chosen = fits.reduce((kept, fit) => (fit.surplus < kept.surplus || (fit.surplus === kept.surplus && fit.packs < kept.packs) ? fit : kept));
  return { product: chosen.product, packs: chosen.packs, unitsAsked: pieces, unitsPerPack: chosen.unitsPerPack };
}
