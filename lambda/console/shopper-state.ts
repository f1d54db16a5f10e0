/**
 * A shopper's stored state as the skill's store reads it (the same repositories a turn uses): profile, cart with
 * product names and prices, the recent orders, replenishment predictions and the reminder consent. For the console's
 * state panel; product names come from the catalog, in the console conversation's locale.
 */
import type { App } from '../../skill/app';
import { productName } from '../../skill/core/catalog/product';
import { shopCatalog } from '../../skill/core/catalog/shop-catalog';
import { formatPrice } from '../../skill/core/i18n/format';
import { shopFor } from '../../skill/core/orders/shop-settings';
import type { Locale } from '../../skill/core/turn';

const RECENT_ORDERS = 5;
const PREDICTIONS = 10;

export interface ShopperState {
  customerId: string;
  exists: boolean;
  profile?: { displayName?: string; locale?: string; linkedPayment?: string; voicePinSet: boolean };
  cart: { version: number; lines: Array<{ productId: string; name: string; quantity: number; price?: string }>; subtotal?: string };
  recentOrders: Array<{ orderId: string; placedAt: string; status: string; total: string; lines: Array<{ name: string; quantity: number }> }>;
  predictions: Array<{ productId: string; name: string; purchases: number; dueDay?: string; snoozedUntil?: string }>;
  consent?: { granted: boolean; onlyProducts?: string[]; excludedProducts: string[]; changes: number };
}

export async function readShopperState(app: App, customerId: string, locale: Locale): Promise<ShopperState> {
  // The catalog as the conversation's shop sells it: the prices the shopper hears.
  const catalog = shopCatalog(app.catalog, locale);
  const name = (productId: string) => {
    const product = catalog.get(productId);
    return product ? productName(product, locale) : productId;
  };
  const [snapshot, orders, replenishment] = await Promise.all([
    app.store.customers.load(customerId),
    app.store.customers.recentOrders(customerId, RECENT_ORDERS),
    app.store.customers.replenishment(customerId),
  ]);
  const currency = shopFor(locale).currency;
  let subtotal = 0;
  const lines = snapshot.cart.lines.map((line) => {
    const cents = catalog.get(line.productId)?.priceCents;
    if (cents !== undefined) subtotal += cents * line.quantity;
    return { productId: line.productId, name: name(line.productId), quantity: line.quantity, ...(cents === undefined ? {} : { price: formatPrice(cents * line.quantity, currency, locale) }) };
  });
  const profile = snapshot.profile;
  const consent = snapshot.reminderConsent;
  return {
    customerId,
    exists: Boolean(profile) || lines.length > 0 || orders.length > 0,
    ...(profile
      ? {
          profile: {
            ...(profile.displayName ? { displayName: profile.displayName } : {}),
            ...(profile.locale ? { locale: profile.locale } : {}),
            ...(profile.paymentMethod ? { linkedPayment: `${profile.paymentMethod.brand} •••• ${profile.paymentMethod.last4}` } : {}),
            voicePinSet: profile.voicePinSet === true,
          },
        }
      : {}),
    cart: { version: snapshot.cart.version, lines, ...(lines.length ? { subtotal: formatPrice(subtotal, currency, locale) } : {}) },
    recentOrders: orders.map((order) => ({
      orderId: order.orderId,
      placedAt: order.placedAt,
      status: order.status,
      total: formatPrice(order.totalCents, order.currency, locale),
      lines: order.lines.map((line) => ({ name: name(line.productId), quantity: line.quantity })),
    })),
    predictions: (replenishment?.items ?? [])
      .slice()
      .sort((a, b) => (a.dueDay ?? '9999').localeCompare(b.dueDay ?? '9999'))
      .slice(0, PREDICTIONS)
      .map((item) => ({
        productId: item.state.productId,
        name: name(item.state.productId),
        purchases: item.state.purchases,
        ...(item.dueDay ? { dueDay: item.dueDay } : {}),
        ...(item.snoozedUntil ? { snoozedUntil: item.snoozedUntil } : {}),
      })),
    ...(consent
      ? { consent: { granted: consent.granted, ...(consent.onlyProducts ? { onlyProducts: consent.onlyProducts.map(name) } : {}), excludedProducts: consent.excludedProducts.map(name), changes: consent.history.length } }
      : {}),
  };
}
