/**
 * The composition root: config → store → core. Hosts (Lambda handlers, the local server) call createApp once per
 * process; nothing here touches the network, so a cold start pays only for loading code and the prebuilt index.
 */
import type { Config } from './config';
import { createConversationCore } from './core/conversation/engine';
import type { ConversationCore } from './core/conversation/core';
import type { Catalog, Clock, Log } from './core/ports';
import { createLog } from './logging';
import { loadCatalogFile } from './store/catalog-file';
import { createStore, type Store } from './store';

export interface App {
  core: ConversationCore;
  config: Config;
  log: Log;
  store: Store;
  catalog: Catalog;
}

export interface AppOverrides {
  catalog?: Catalog;
  clock?: Clock;
  log?: Log;
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
  const core = createConversationCore({ catalog, customers: store.customers, accounts: store.accounts, clock, log });
  return { core, config, log, store, catalog };
}
