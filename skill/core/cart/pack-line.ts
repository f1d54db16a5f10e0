/** The words a cart line is read back with: product, packs, the pieces they hold, and what they cost together. */
import { piecesPerPack } from '../catalog/pack-size';
import { unitPriceCents } from '../catalog/price';
import { productName, type Product } from '../catalog/product';
import { formatShopPrice } from '../i18n/format';
import type { PackLineWords } from '../i18n/messages';
import { localizedSize } from '../i18n/size';
import type { Locale } from '../turn';
import { lineTotalCents } from './cart';

/**
 * `packs` of `product` for `ctx.msg.addedPacks` / `cartLineWithPacks`. The total is the line's, never the unit
 * price, so what is said is what the cart holds. A product sold by count is described by its pieces ("pack of
 * 12"), so its size label is not repeated.
 */
export function packLineWords(product: Product, packs: number, locale: Locale, unitsAsked?: number): PackLineWords {
  const unitsPerPack = piecesPerPack(product.size);
  const total = lineTotalCents(unitPriceCents(product), packs);
  return {
    packs,
    name: productName(product, locale),
    ...(unitsPerPack !== undefined ? { unitsPerPack } : product.size ? { size: localizedSize(product.size, locale) } : {}),
    ...(unitsAsked !== undefined ? { unitsAsked } : {}),
    ...(total !== undefined ? { total: formatShopPrice(total, locale) } : {}),
  };
}
