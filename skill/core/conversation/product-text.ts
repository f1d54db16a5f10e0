/** How products are read out: briefly, with size and price, in the shopper's locale. */
import { productName, type Product } from '../catalog/product';
import { formatShopPrice } from '../i18n/format';
import { localizedSize } from '../i18n/size';
import type { DisplayItem } from '../turn';
import type { TurnContext } from './context';

export function priceText(ctx: TurnContext, product: Product): string | undefined {
  return product.priceCents === undefined ? undefined : formatShopPrice(product.priceCents, ctx.locale);
}

/** The pack size as the locale says it, on speech, cards and screens alike ("4.8 oz" reads "140 g" in German). */
export function sizeText(ctx: TurnContext, product: Product): string | undefined {
  return product.size === undefined ? undefined : localizedSize(product.size, ctx.locale);
}

export function spokenProduct(ctx: TurnContext, product: Product): string {
  return ctx.msg.productSummary(productName(product, ctx.locale), sizeText(ctx, product), priceText(ctx, product));
}

export function displayItem(ctx: TurnContext, product: Product): DisplayItem {
  const price = priceText(ctx, product);
  const size = sizeText(ctx, product);
  return {
    id: product.id,
    title: productName(product, ctx.locale),
    ...(size ? { subtitle: size } : {}),
    ...(price ? { price } : {}),
    ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
  };
}
