/**
 * The store's composition: one plain DynamoDB client for the process and the repositories that implement the ports,
 * each given that client and the table name. Nothing here (nor in what it imports) loads dynamoose or table.ts: the
 * Lambda bundles stay without them (test/infra/bundling.test.ts).
 */
import type { Clock } from '../core/ports';
import { TokenTableAccountLinking } from './account-linking';
import { DynamoCustomerRepository } from './customer-repository';
import { DynamoOrderRepository } from './order-repository';
import { DynamoPinVault } from './pin-vault';
import { DynamoReplenishmentRepository } from './replenishment-repository';
import { createDynamoClient, type DynamoSettings } from './dynamo-client';
import { createTablePing } from './ping';

export interface StoreSettings extends DynamoSettings {
  tableName: string;
}

export function createStore(settings: StoreSettings, clock: Clock) {
  const client = createDynamoClient(settings);
  const { tableName } = settings;
  return {
    client,
    tableName,
    customers: new DynamoCustomerRepository(client, tableName, clock),
    accounts: new TokenTableAccountLinking(client, tableName),
    orders: new DynamoOrderRepository(client, tableName, clock),
    pins: new DynamoPinVault(client, tableName),
    replenishment: new DynamoReplenishmentRepository(client, tableName),
    /** True when the table answers a read within a second (cached for two); for readiness checks. */
    ping: createTablePing(client, tableName),
  };
}

export type Store = ReturnType<typeof createStore>;
export { ensureTable } from './ensure-table';
