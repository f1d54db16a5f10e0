/**
 * The inbox's dependencies from the App a host already built (skill/app.ts): the same store, catalog and payment
 * gateway the skill uses, plus the agents' side of the handoff store, which the skill's path never loads.
 */
import { systemClock, type App } from '../../skill/app';
import type { Clock, HandoffInbox } from '../../skill/core/ports';
import { createHandoffInbox } from '../../skill/store/handoff-inbox';
import type { InboxDeps } from './handoff-routes';

export function inboxDepsFromApp(app: App, overrides: { inbox?: HandoffInbox; clock?: Clock } = {}): InboxDeps {
  const clock = overrides.clock ?? systemClock;
  return {
    inbox: overrides.inbox ?? createHandoffInbox(app.store.client, app.store.tableName, clock),
    customers: app.store.customers,
    orders: app.store.orders,
    payments: app.payments,
    catalog: app.catalog,
    clock,
    log: app.log,
  };
}
