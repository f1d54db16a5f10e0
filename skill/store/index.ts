/** The store's composition: one DynamoDB client for the process and the repositories that implement the ports. */
import dynamoose from 'dynamoose';
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
  // dynamoose keeps one client per process; a Lambda container or a test worker talks to one database.
  dynamoose.aws.ddb.set(client);
  return {
    client,
    tableName: settings.tableName,
    customers: new DynamoCustomerRepository(client, settings.tableName, clock),
    accounts: new TokenTableAccountLinking(settings.tableName),
    orders: new DynamoOrderRepository(client, settings.tableName, clock),
    pins: new DynamoPinVault(settings.tableName),
    replenishment: new DynamoReplenishmentRepository(client, settings.tableName),
    /** True when the table answers a read within a second (cached for two); for readiness checks. */
    ping: createTablePing(client, settings.tableName),
  };
}

export type Store = ReturnType<typeof createStore>;
export { ensureTable } from './ensure-table';
