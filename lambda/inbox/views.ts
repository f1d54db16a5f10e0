/**
 * What the inbox shows an agent: a case's summary for the list, and the whole case with the cart and the shopper's
 * recent orders spelled out from the catalog (names and prices in the case's locale), so the page needs no second
 * source. Money stays in minor units with its currency; the page formats it.
 */
import { productName } from '../../skill/core/catalog/product';
import { shopCatalog } from '../../skill/core/catalog/shop-catalog';
import type { HandoffCase } from '../../skill/core/handoff/case';
import type { Catalog, CartLine, Order } from '../../skill/core/ports';
import type { Locale } from '../../skill/core/turn';

export interface CaseSummary {
  caseId: string;
  customerId: string;
  channel: HandoffCase['channel'];
  locale: Locale;
  reason: HandoffCase['reason'];
  state: HandoffCase['state'];
  createdAt: string;
  updatedAt: string;
  orderId?: string;
  problem?: string;
  messages: number;
  /** The last message came from the shopper: someone should answer. */
  awaitingAgent: boolean;
  firstReplyAt?: string;
  closedAt?: string;
}

export interface ViewLine {
  productId: string;
  name: string;
  quantity: number;
  unitPriceCents?: number;
  currency?: string;
  lineTotalCents?: number;
}

export interface OrderView {
  orderId: string;
  placedAt: string;
  status: Order['status'];
  lines: ViewLine[];
  totalCents: number;
  currency: string;
  deliveryBy: string;
  cancellableUntil: string;
  cancelledAt?: string;
  /** Still placed and not yet dispatched: the cancel command would act. */
  cancellable: boolean;
  /** Something was charged under the order's key: a refund would act. */
  refundable: boolean;
}

export type CaseView = HandoffCase & { summary: CaseSummary; cartLines: ViewLine[]; cartTotalCents: number; cartCurrency?: string; orders: OrderView[] };

export function summarize(handoff: HandoffCase): CaseSummary {
  const last = handoff.messages.at(-1);
  return {
    caseId: handoff.caseId,
    customerId: handoff.customerId,
    channel: handoff.channel,
    locale: handoff.locale,
    reason: handoff.reason,
    state: handoff.state,
    createdAt: handoff.createdAt,
    updatedAt: handoff.updatedAt,
    ...(handoff.orderId ? { orderId: handoff.orderId } : {}),
    ...(handoff.problem ? { problem: handoff.problem } : {}),
    messages: handoff.messages.length,
    awaitingAgent: handoff.state !== 'closed' && (last === undefined || last.from === 'shopper'),
    ...(handoff.firstReplyAt ? { firstReplyAt: handoff.firstReplyAt } : {}),
    ...(handoff.closedAt ? { closedAt: handoff.closedAt } : {}),
  };
}

function cartLine(catalog: Catalog, locale: Locale, line: CartLine): ViewLine {
  // The price the shopper's shop asks, in its currency: the one the shopper heard.
  const product = shopCatalog(catalog, locale).get(line.productId);
  const price = product?.priceCents;
  return {
    productId: line.productId,
    name: product ? productName(product, locale) : line.productId,
    quantity: line.quantity,
    ...(price === undefined ? {} : { unitPriceCents: price, lineTotalCents: price * line.quantity }),
    ...(product?.currency ? { currency: product.currency } : {}),
  };
}

function orderView(catalog: Catalog, locale: Locale, order: Order, now: Date): OrderView {
  return {
    orderId: order.orderId,
    placedAt: order.placedAt,
    status: order.status,
    lines: order.lines.map((line) => {
      const product = catalog.get(line.productId);
      return {
        productId: line.productId,
        name: product ? productName(product, locale) : line.productId,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        currency: order.currency,
        lineTotalCents: line.unitPriceCents * line.quantity,
      };
    }),
    totalCents: order.totalCents,
    currency: order.currency,
    deliveryBy: order.deliveryBy,
    cancellableUntil: order.cancellableUntil,
    ...(order.cancelledAt ? { cancelledAt: order.cancelledAt } : {}),
    cancellable: order.status === 'placed' && new Date(order.cancellableUntil) > now,
    refundable: order.idempotencyKey !== undefined,
  };
}

export function caseView(catalog: Catalog, handoff: HandoffCase, orders: Order[], now: Date): CaseView {
  const cartLines = handoff.cart.map((line) => cartLine(catalog, handoff.locale, line));
  const cartCurrency = cartLines.find((line) => line.currency)?.currency;
  return {
    ...handoff,
    summary: summarize(handoff),
    cartLines,
    cartTotalCents: cartLines.reduce((sum, line) => sum + (line.lineTotalCents ?? 0), 0),
    ...(cartCurrency ? { cartCurrency } : {}),
    orders: orders.map((order) => orderView(catalog, handoff.locale, order, now)),
  };
}
