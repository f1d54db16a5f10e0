/**
 * The composition root: config → store → core. Hosts (Lambda handlers, the local server) call createApp once per
 * process; nothing here touches the network, so a cold start pays only for loading code and the prebuilt index.
 */
import type { Config } from './config';
import { createConversationCore } from './core/conversation/engine';
import type { ConversationCore } from './core/conversation/core';
import type { Catalog, Clock, CustomerRepository, HandoffCases, Log } from './core/ports';
import { createLog } from './logging';
import { loadCatalogFile } from './store/catalog-file';
import { createStore, type Store } from './store';
import type { ShopPolicy } from './core/orders/policy';
import { LocalPaymentGateway } from './payments/local-gateway';
import type { ReplenishmentPriors } from './core/replenishment/priors';
import { loadPriorsFile } from './store/priors-file';
import { parseBusinessHours, type HandoffSettings } from './core/handoff/answer-time';

export interface App {
  core: ConversationCore;
  config: Config;
  log: Log;
  store: Store;
  catalog: Catalog;
  payments: LocalPaymentGateway;
  policy: ShopPolicy;
  priors: ReplenishmentPriors;
}

export interface AppOverrides {
  catalog?: Catalog;
  clock?: Clock;
  log?: Log;
  payments?: LocalPaymentGateway;
  priors?: ReplenishmentPriors;
  /**
   * Wraps the handoff cases the core writes through (the local host relays each new case to a help desk after the
   * write); given the parts the wrapper may need.
   */
  wrapHandoffCases?: (stored: HandoffCases, parts: { store: Store; config: Config; log: Log; catalog: Catalog }) => HandoffCases;
  /**
   * Wraps the customer repository the core uses: erasure on request ("delete my data") goes through it, not through
   * the handoff cases, so this is where the local host hears of one and tells the help desk (AWS: the table's stream).
   */
  wrapCustomers?: (stored: CustomerRepository) => CustomerRepository;
}

export function shopPolicy(config: Config): ShopPolicy {
  return {
    sellerName: config.SELLER_NAME,
    taxRateBasisPoints: config.TAX_RATE_BASIS_POINTS,
    deliveryFeeCents: config.DELIVERY_FEE_CENTS,
    freeDeliveryFromCents: config.FREE_DELIVERY_FROM_CENTS,
    pinThresholdCents: config.PIN_THRESHOLD_CENTS,
    deliveryDays: config.DELIVERY_DAYS,
    cancelWindowHours: config.CANCEL_WINDOW_HOURS,
  };
}

/** When people from the shop answer handoff cases, as the core reckons it; bad hours stop the start. */
export function handoffSettings(config: Config): HandoffSettings {
  return {
    hours: parseBusinessHours(config.HANDOFF_HOURS),
    responseHours: config.HANDOFF_RESPONSE_HOURS,
    timeZone: config.HANDOFF_TIME_ZONE,
    minConfidence: config.HANDOFF_MIN_CONFIDENCE,
  };
}

export const systemClock: Clock = { now: () => new Date() };

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLog(config);
  const catalog = overrides.catalog ?? loadCatalogFile(config.CATALOG_INDEX ?? undefined);
  const store = createStore(
    { tableName: config.TABLE_NAME, region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT, timeoutMs: config.DYNAMODB_TIMEOUT_MS },
    clock,
  );
  const payments =
    overrides.payments ??
    new LocalPaymentGateway({ timeoutMs: config.PAYMENT_TIMEOUT_MS, latencyMs: config.PAYMENT_LATENCY_MS, failure: config.PAYMENT_FAILURE });
  const policy = shopPolicy(config);
  // Product knowledge pooled from the shop's order history; without a file, each shopper's own history decides.
  const priors = overrides.priors ?? loadPriorsFile(config.REPLENISHMENT_PRIORS);
  const core = createConversationCore({
    catalog,
    customers: overrides.wrapCustomers?.(store.customers) ?? store.customers,
    accounts: store.accounts,
    links: store.links,
    orders: store.orders,
    pins: store.pins,
    payments,
    policy,
    replenishment: store.replenishment,
    priors,
    clock,
    log,
    handoff: { cases: overrides.wrapHandoffCases?.(store.handoffs, { store, config, log, catalog }) ?? store.handoffs, settings: handoffSettings(config) },
  });
  return { core, config, log, store, catalog, payments, policy, priors };
}
