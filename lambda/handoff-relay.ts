/**
 * Lambda entry point of the handoff relay: the table's stream (NEW_AND_OLD_IMAGES, filtered in infra to handoff case
 * items) in, the help desk out (skill/helpdesk/relay.ts says what is relayed and why it is safe to repeat).
 *
 * - INSERT of a case → the case opens at the help desk.
 * - MODIFY that adds shopper messages → each goes on as the shopper's message; one that flips transcriptShared →
 *   the transcript follows as a note. Other changes (an agent's answer, delivery, closing, the external id the relay
 *   itself set) relay nothing.
 * - REMOVE of a relayed case by the application (the shopper's "delete my data": the stream record has no
 *   userIdentity) → the help desk erases the shopper, once per customer in a batch. A REMOVE by DynamoDB's TTL
 *   (userIdentity: Service, dynamodb.amazonaws.com) is an expired case, retention and not a request: nothing.
 *
 * Records are handled in order; at the first failure the rest of the batch is reported back (ReportBatchItemFailures),
 * so Lambda retries from that record and the ones before it are not relayed twice. After the mapping's retries a
 * record goes to the failure queue, with ids only.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../skill/config';
import type { Log } from '../skill/core/ports';
import { CaseNotIndexedError, createCaseReader, createHandoffRelay, helpDeskFromConfig, HelpDeskError, type HandoffRelay } from '../skill/helpdesk';
import { createLog } from '../skill/logging';
import { loadCatalogFile } from '../skill/store/catalog-file';
import { createDynamoClient } from '../skill/store/dynamo-client';
import { createHandoffInbox } from '../skill/store/handoff-inbox';
import { customerPk, SK } from '../skill/store/keys';

const CUSTOMER_PK_PREFIX = customerPk('');

type Image = Record<string, unknown>;

export interface CaseChange {
  customerId: string;
  caseId: string;
  opened: boolean;
  /** Texts the shopper added in this write, oldest first. */
  shopperTexts: string[];
  transcriptShared: boolean;
}

/** What one stream record means for the help desk; undefined for items that are not cases or writes that are not. */
export function caseChange(record: DynamoDBRecord): CaseChange | undefined {
  const key = caseKey(record);
  if (!key) return undefined;
  const { customerId, caseId } = key;
  if (record.eventName === 'INSERT') return { customerId, caseId, opened: true, shopperTexts: [], transcriptShared: false };
  if (record.eventName !== 'MODIFY') return undefined;
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  const seen = new Set(shopperMessages(before).map(messageKey));
  const shopperTexts = shopperMessages(after)
    .filter((message) => !seen.has(messageKey(message)))
    .map((message) => message.text);
  const transcriptShared = before.transcriptShared !== true && after.transcriptShared === true;
  if (shopperTexts.length === 0 && !transcriptShared) return undefined;
  return { customerId, caseId, opened: false, shopperTexts, transcriptShared };
}

function image(raw: unknown): Image {
  if (!raw || typeof raw !== 'object') return {};
  return unmarshall(raw as Record<string, AttributeValue>) as Image;
}

interface StoredMessage {
  from: string;
  text: string;
  at: string;
}

/** The case item keeps its messages as the case shape has them (skill/core/handoff/case.ts: from, text, at). */
function shopperMessages(item: Image): StoredMessage[] {
  const messages = Array.isArray(item.messages) ? (item.messages as unknown[]) : [];
  return messages.filter(
    (message): message is StoredMessage =>
      typeof message === 'object' && message !== null && (message as StoredMessage).from === 'shopper' && typeof (message as StoredMessage).text === 'string',
  );
}

const messageKey = (message: StoredMessage) => `${message.at}\u0000${message.text}`;

/** Who deletes an item when TTL expires it; the application's own deletes carry no userIdentity at all. */
const TTL_PRINCIPAL = 'dynamodb.amazonaws.com';

export interface CaseErasure {
  customerId: string;
  caseId: string;
}

/**
 * A relayed case deleted on the shopper's request, or undefined. Cases leave the table only two ways, erasure with
 * their customer (skill/store/customer-repository.ts) and TTL expiry; anything that is not the TTL counts as erasure.
 */
export function caseErasure(record: DynamoDBRecord): CaseErasure | undefined {
  if (record.eventName !== 'REMOVE') return undefined;
  const identity = record.userIdentity as { type?: string; principalId?: string } | undefined;
  if (identity?.type === 'Service' && identity.principalId === TTL_PRINCIPAL) return undefined;
  const key = caseKey(record);
  if (!key) return undefined;
  // Never relayed: the help desk holds nothing of this case (another, relayed case of the shopper says otherwise).
  const externalId = image(record.dynamodb?.OldImage).externalId;
  return typeof externalId === 'string' && externalId !== '' ? key : undefined;
}

function caseKey(record: DynamoDBRecord): CaseErasure | undefined {
  const sk = record.dynamodb?.Keys?.sk?.S;
  const pk = record.dynamodb?.Keys?.pk?.S;
  if (!sk?.startsWith(SK.handoffPrefix) || sk === SK.handoffAnswers || !pk?.startsWith(CUSTOMER_PK_PREFIX)) return undefined;
  return { customerId: pk.slice(CUSTOMER_PK_PREFIX.length), caseId: sk.slice(SK.handoffPrefix.length) };
}

export async function relayChange(relay: HandoffRelay, change: CaseChange): Promise<void> {
  const ref = { customerId: change.customerId, caseId: change.caseId };
  if (change.opened) {
    await relay.opened(ref);
    return;
  }
  if (change.transcriptShared) await relay.transcriptShared(ref);
  for (const text of change.shopperTexts) await relay.shopperWrote(ref, text);
}

export function createStreamHandler(deps: () => { relay: HandoffRelay; log: Log }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const { relay, log } = deps();
    const records = event.Records ?? [];
    // One erasure deletes every case of the shopper at once: the help desk is asked once, not once per case.
    const erased = new Set<string>();
    for (const [index, record] of records.entries()) {
      const change = caseChange(record);
      const found = change ? undefined : caseErasure(record);
      const erasure = found && !erased.has(found.customerId) ? found : undefined;
      const caseId = change?.caseId ?? erasure?.caseId;
      if (caseId === undefined) continue;
      try {
        if (change) await relayChange(relay, change);
        if (erasure) {
          await relay.shopperErased(erasure.customerId);
          erased.add(erasure.customerId);
        }
      } catch (error) {
        log.error('handoff relay record failed', {
          caseId,
          failure: error instanceof HelpDeskError ? error.failure : error instanceof CaseNotIndexedError ? 'not-indexed' : 'error',
          ...(error instanceof HelpDeskError && error.status !== undefined ? { status: error.status } : {}),
        });
        // Everything from here on is retried, in order.
        return {
          batchItemFailures: records
            .slice(index)
            .map((failed) => failed.dynamodb?.SequenceNumber)
            .filter((sequence): sequence is string => typeof sequence === 'string')
            .map((itemIdentifier) => ({ itemIdentifier })),
        };
      }
    }
    return { batchItemFailures: [] };
  };
}

let composed: { relay: HandoffRelay; log: Log } | undefined;

/** Built on the first record, not at import: a configuration mistake fails the invocation with its message. */
function compose(): { relay: HandoffRelay; log: Log } {
  if (composed) return composed;
  const config = loadConfig();
  const log = createLog(config);
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT, timeoutMs: config.DYNAMODB_TIMEOUT_MS });
  const inbox = createHandoffInbox(client, config.TABLE_NAME);
  // Product names make the agent's note readable; the catalog file ships with the function (CATALOG_INDEX).
  const catalog = config.CATALOG_INDEX ? loadCatalogFile(config.CATALOG_INDEX) : undefined;
  const helpDesk = helpDeskFromConfig(config, inbox, {
    productName: (productId) => {
      const names = catalog?.get(productId)?.names;
      return names?.['en-US'] ?? names?.['de-DE'];
    },
  });
  if (!helpDesk) throw new Error('The handoff relay needs a help desk to relay to: set HELPDESK=chatwoot');
  composed = { relay: createHandoffRelay({ helpDesk, read: createCaseReader(client, config.TABLE_NAME), inbox, log }), log };
  return composed;
}

export const handler = createStreamHandler(compose);
