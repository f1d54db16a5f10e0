/** A fresh table in the test run's DynamoDB Local for each caller, so test files never see each other's data. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createStore, ensureTable } from '../../skill/store';
import { createHandoffInbox } from '../../skill/store/handoff-inbox';
import type { Clock } from '../../skill/core/ports';
import type { CoreDeps } from '../../skill/core/conversation/context';
import { DEFAULT_POLICY } from '../../skill/core/orders/policy';
import { emptyPriors } from '../../skill/core/replenishment/priors';

/**
 * Generous on purpose: DynamoDB Local's JVM can stall for seconds on a busy 2-core machine, and these tests are
 * about behaviour, not the production deadline (which skill/config.ts sets and its own tests cover).
 */
export const TEST_DB_TIMEOUT_MS = 10_000;

export const systemClock: Clock = { now: () => new Date() };

export function uniqueTableName(prefix = 'vocart-test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createTestStore(clock: Clock = systemClock) {
  const endpoint = inject('dynamoEndpoint');
  const tableName = uniqueTableName();
  const store = createStore({ endpoint, region: 'us-east-1', timeoutMs: TEST_DB_TIMEOUT_MS, tableName }, clock);
  await ensureTable(store.client, tableName);
  return store;
}

/** Core dependencies on the real store of a test table, with the given gateway, clock and catalog. */
export function storeCoreDeps(store: Awaited<ReturnType<typeof createTestStore>>, parts: Pick<CoreDeps, 'catalog' | 'payments' | 'clock' | 'log'> & Partial<CoreDeps>): CoreDeps {
  return {
    customers: store.customers,
    accounts: store.accounts,
    orders: store.orders,
    pins: store.pins,
    replenishment: store.replenishment,
    links: store.links,
    policy: DEFAULT_POLICY,
    priors: emptyPriors(),
    ...parts,
  };
}

/** The agent inbox over a test store's table (agent-side code: the store itself does not carry it). */
export function createTestInbox(store: Awaited<ReturnType<typeof createTestStore>>, clock: Clock = systemClock) {
  return createHandoffInbox(store.client, store.tableName, clock);
}
