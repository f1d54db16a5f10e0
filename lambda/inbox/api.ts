/**
 * The inbox API as one handler: the handoff routes, any routes a help desk adds (auth 'own': its webhook checks its
 * own signature), behind the bearer check. Hosts: lambda/inbox/express.ts (npm start), lambda/inbox/function-url.ts.
 */
import type { ApiRoute } from './http';
import { handoffRoutes, type InboxDeps } from './handoff-routes';
import { createApiRouter, type ApiHandler } from './router';

export interface InboxApiOptions {
  token: () => Promise<string>;
  /** Routes beside the inbox's own, e.g. a help desk's webhook (lambda/helpdesk). */
  extraRoutes?: ApiRoute[];
}

export function createInboxApi(deps: InboxDeps, options: InboxApiOptions): ApiHandler {
  return createApiRouter({ routes: [...handoffRoutes(deps), ...(options.extraRoutes ?? [])], token: options.token, log: deps.log });
}

export type { ApiHandler, InboxDeps };
