/**
 * The help desk a configuration names, built once per process: none for the built-in inbox (it reads the cases from
 * the table and needs no push), a Chatwoot API-channel inbox for HELPDESK=chatwoot. Only hosts import this (the
 * relay, the local runtime); the skill functions never do, so no help-desk code reaches their bundles.
 */
import type { Config } from '../config';
import type { HandoffInbox } from '../core/ports';
import type { CaseNoteOptions } from './case-note';
import { ChatwootApiClient } from './chatwoot/api-client';
import { ChatwootHelpDesk } from './chatwoot/chatwoot-help-desk';
import type { RelayedHelpDesk } from './relay';

/** Per call to the help desk. Generous next to a turn's budgets: nobody waits on the relay but the stream. */
export const HELPDESK_CALL_TIMEOUT_MS = 8000;

export class HelpDeskConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelpDeskConfigError';
  }
}

type HelpDeskSettings = Pick<Config, 'HELPDESK' | 'CHATWOOT_BASE_URL' | 'CHATWOOT_ACCOUNT_ID' | 'CHATWOOT_INBOX_ID' | 'CHATWOOT_API_TOKEN'>;

export function helpDeskFromConfig(
  config: HelpDeskSettings,
  cases: Pick<HandoffInbox, 'setExternalId'>,
  options: CaseNoteOptions & { fetch?: typeof fetch; timeoutMs?: number } = {},
): RelayedHelpDesk | undefined {
  if (config.HELPDESK !== 'chatwoot') return undefined;
  const { CHATWOOT_BASE_URL: baseUrl, CHATWOOT_ACCOUNT_ID: accountId, CHATWOOT_INBOX_ID: inboxId, CHATWOOT_API_TOKEN: apiToken } = config;
  // config.ts checks the first three for HELPDESK=chatwoot; the token only matters where cases are relayed.
  if (!baseUrl || !accountId || !inboxId || !apiToken) {
    throw new HelpDeskConfigError('HELPDESK=chatwoot relays cases with CHATWOOT_BASE_URL, CHATWOOT_ACCOUNT_ID, CHATWOOT_INBOX_ID and CHATWOOT_API_TOKEN: set all four');
  }
  const api = new ChatwootApiClient({
    baseUrl,
    accountId,
    apiToken,
    timeoutMs: options.timeoutMs ?? HELPDESK_CALL_TIMEOUT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return new ChatwootHelpDesk({ api, inboxId, cases, ...options });
}

export { CaseNotIndexedError, createHandoffRelay, type CaseRef, type HandoffRelay, type RelayedHelpDesk, type RelayOutcome } from './relay';
export { createCaseReader } from './case-reader';
export { relayingHandoffCases, type RelayingHandoffCases } from './relaying-cases';
export { noticingErasure } from './erasure-notice';
export { HelpDeskError } from './errors';
