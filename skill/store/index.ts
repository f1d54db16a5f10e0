/**
 * The store's composition: one plain DynamoDB client for the process and the repositories that implement the ports,
 * each given that client and the table name. Nothing here (nor in what it imports) loads dynamoose or table.ts: the
 * Lambda bundles stay without them (test/infra/bundling.test.ts).
 */
import type { Clock } from '../core/ports';
import { DynamoChannelLinks, TokenTableAccountLinking } from './account-linking';
import { DynamoLinkCodes } from './link-codes';
import { DynamoCustomerRepository } from './customer-repository';
import { DynamoOrderRepository } from './order-repository';
import { DynamoPinVault } from './pin-vault';
import { DynamoReplenishmentRepository } from './replenishment-repository';
import { createDynamoClient, type DynamoSettings } from './dynamo-client';
import { createTablePing } from './ping';
import { DynamoHandoffCases } from './handoff-cases';

export interface StoreSettings extends DynamoSettings {
  tableName: string;
}

export function createStore(settings: StoreSettings, clock: Clock) {
  const client = createDynamoClient(settings);
  const { tableName } = settings;
  const linkCodes = new DynamoLinkCodes(client, tableName, clock);
  return {
    client,
    tableName,
    customers: new DynamoCustomerRepository(client, tableName, clock),
    accounts: new TokenTableAccountLinking(client, tableName),
    /** One-time link codes: issued for the shop's account page (console, CLI), redeemed through `links`. */
    linkCodes,
    links: new DynamoChannelLinks(client, tableName, linkCodes, clock),
    orders: new DynamoOrderRepository(client, tableName, clock),
    pins: new DynamoPinVault(client, tableName),
    replenishment: new DynamoReplenishmentRepository(client, tableName),
    /** Handoff cases as the conversation opens and answers them; the agents' side is handoff-inbox.ts, kept off this path. */
    handoffs: new DynamoHandoffCases(client, tableName, clock),
    /** True when the table answers a read within a second (cached for two); for readiness checks. */
    ping: createTablePing(client, tableName),
  };
}

export type Store = ReturnType<typeof createStore>;
export { ensureTable } from './ensure-table';
