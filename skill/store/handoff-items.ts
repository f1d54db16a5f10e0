/**
 * How handoff cases, the answers waiting for a shopper and a conversation's transcript buffer are stored, and read
 * back checked: one home for the item shapes, shared by the skill's side (handoff-cases.ts, the customer load) and
 * the agent's (handoff-inbox.ts). A malformed item reads as absent (undefined) or loses only its malformed entries:
 * what a person or an old release wrote by hand must not crash a turn or the inbox.
 */
import { randomBytes } from 'node:crypto';
import type { CartLine } from '../core/ports';
import {
  HANDOFF_REASONS,
  HANDOFF_STATES,
  type AgentAction,
  type CaseMessage,
  type HandoffCase,
  type HandoffReason,
  type HandoffState,
  type PendingAnswer,
  type TranscriptEntry,
} from '../core/handoff/case';
import { customerPk, handoffStatePk, handoffStateSk, SK } from './keys';
import type { PlainItem } from './item-reads';

/**
 * A case stays this long after its last change, then the table's TTL removes it. Long enough for a shopper to come
 * back about a late refund or a second damaged delivery and for the figures to cover half a year; short enough that
 * transcripts and complaints (personal data) are not kept without end. Each change restarts the period.
 */
export const CASE_RETENTION_DAYS = 180;
/** The transcript buffer keeps this many of the most recent exchanges: enough for a person to see what went wrong. */
export const TRANSCRIPT_LIMIT = 12;

const DAY_MS = 24 * 3600 * 1000;

/** The TTL attribute's value (epoch seconds, as the table's TTL_ATTRIBUTE wants) for a case changed at `at`. */
export function caseExpiresAt(at: Date): number {
  return Math.floor((at.getTime() + CASE_RETENTION_DAYS * DAY_MS) / 1000);
}

export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Past its TTL: DynamoDB deletes such items lazily (often within days), so reads treat them as gone already. */
export const isExpired = (item: PlainItem, now: Date) => typeof item.expiresAt === 'number' && item.expiresAt <= epochSeconds(now);

// Case ids: 9 base36 digits of the creation time in ms (fixed width, so ids sort by time until the year 5138), then
// 12 characters of Crockford base32 (60 random bits), so an id can be neither guessed nor enumerated. No personal data.
const TIME_DIGITS = 9;
const RANDOM_CHARS = 12;
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';
const CASE_ID = /^[0-9a-z]{9}[0-9a-hjkmnp-tv-z]{12}$/;

export function newCaseId(at: Date): string {
  const time = at.getTime().toString(36).padStart(TIME_DIGITS, '0');
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  const random = Array.from(randomBytes(RANDOM_CHARS), (byte) => BASE32[byte & 31]).join('');
  return time + random;
}

export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && CASE_ID.test(value);
}

/** The creation time a case id carries (ISO), which with the id gives the case's key in its state's index. */
export function caseCreatedAt(caseId: string): string | undefined {
  if (!isCaseId(caseId)) return undefined;
  const ms = parseInt(caseId.slice(0, TIME_DIGITS), 36);
  const at = new Date(ms);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The index keys that file a case under its state (the inbox lists a state's partition newest first). */
export function stateIndexKeys(state: HandoffState, createdAt: string, caseId: string) {
  return { gsi1pk: handoffStatePk(state), gsi1sk: handoffStateSk(createdAt, caseId) };
}

/** The case as one item of its customer's partition, indexed under its state. */
export function caseItem(handoff: HandoffCase): PlainItem {
  return {
    pk: customerPk(handoff.customerId),
    sk: SK.handoff(handoff.caseId),
    type: 'handoff',
    ...stateIndexKeys(handoff.state, handoff.createdAt, handoff.caseId),
    ...withoutUndefined(handoff),
    expiresAt: caseExpiresAt(new Date(handoff.updatedAt)),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

function isTranscriptEntry(value: unknown): value is TranscriptEntry {
  const v = value as Partial<TranscriptEntry> | null;
  return typeof v === 'object' && v !== null && isString(v.at) && isString(v.shopper) && isString(v.bot) && isString(v.intent);
}

/** An entry with exactly its four fields: what a caller or an old item carried besides them is not stored or shown. */
export function toTranscriptEntry(value: TranscriptEntry): TranscriptEntry {
  return { at: value.at, shopper: value.shopper, bot: value.bot, intent: value.intent };
}

const readEntry = (value: unknown) => (isTranscriptEntry(value) ? toTranscriptEntry(value) : undefined);

function isCartLine(value: unknown): value is CartLine {
  const v = value as Partial<CartLine> | null;
  return typeof v === 'object' && v !== null && isString(v.productId) && typeof v.quantity === 'number' && Number.isInteger(v.quantity) && v.quantity > 0;
}

function toMessage(value: unknown): CaseMessage | undefined {
  const v = value as Partial<CaseMessage> | null;
  if (typeof v !== 'object' || v === null || (v.from !== 'agent' && v.from !== 'shopper') || !isString(v.text) || !isString(v.at)) return undefined;
  return {
    from: v.from,
    text: v.text,
    at: v.at,
    ...(isString(v.agentName) ? { agentName: v.agentName } : {}),
    ...(isString(v.deliveredAt) ? { deliveredAt: v.deliveredAt } : {}),
  };
}

function toAction(value: unknown): AgentAction | undefined {
  const v = value as Partial<AgentAction> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if ((v.kind !== 'cancel-order' && v.kind !== 'refund-order') || !isString(v.orderId) || !isString(v.at) || (v.outcome !== 'done' && v.outcome !== 'refused')) return undefined;
  return {
    kind: v.kind,
    orderId: v.orderId,
    at: v.at,
    outcome: v.outcome,
    ...(isString(v.agentName) ? { agentName: v.agentName } : {}),
    ...(isString(v.detail) ? { detail: v.detail } : {}),
  };
}

const listOf = <T>(value: unknown, read: (entry: unknown) => T | undefined): T[] =>
  Array.isArray(value) ? value.flatMap((entry) => {
    const read_ = read(entry);
    return read_ === undefined ? [] : [read_];
  }) : [];

/** A stored case, or undefined when the item is not a readable case (its entries are kept where they are readable). */
export function toHandoffCase(item: PlainItem | undefined): HandoffCase | undefined {
  if (!item || item.type !== 'handoff') return undefined;
  const { caseId, customerId, channel, locale, reason, state, createdAt, updatedAt } = item;
  if (!isCaseId(caseId) || !isString(customerId) || !isString(createdAt) || !isString(updatedAt)) return undefined;
  if ((channel !== 'alexa' && channel !== 'google') || (locale !== 'en-US' && locale !== 'de-DE')) return undefined;
  if (!isOneOf(HANDOFF_REASONS, reason) || !isOneOf(HANDOFF_STATES, state)) return undefined;
  return {
    caseId,
    customerId,
    channel,
    locale,
    reason,
    state,
    createdAt,
    updatedAt,
    transcript: listOf(item.transcript, readEntry),
    transcriptShared: item.transcriptShared === true,
    cart: listOf(item.cart, (line) => (isCartLine(line) ? { productId: line.productId, quantity: line.quantity } : undefined)),
    ...(isString(item.orderId) ? { orderId: item.orderId } : {}),
    ...(isString(item.problem) ? { problem: item.problem } : {}),
    messages: listOf(item.messages, toMessage),
    actions: listOf(item.actions, toAction),
    ...(isString(item.firstReplyAt) ? { firstReplyAt: item.firstReplyAt } : {}),
    ...(isString(item.closedAt) ? { closedAt: item.closedAt } : {}),
    ...(isString(item.externalId) ? { externalId: item.externalId } : {}),
  };
}

/**
 * The transcript buffer as the load reads it: its readable entries, oldest first. Empty once its TTL passed (the
 * table's TTL deletes lazily, sometimes days later). The buffer pads itself with nulls (handoff-cases.ts), skipped here.
 */
export function toTranscript(item: PlainItem | undefined, now: Date): TranscriptEntry[] {
  if (!item || isExpired(item, now)) return [];
  return listOf(item.entries, readEntry);
}

function toPendingAnswer(value: unknown): PendingAnswer | undefined {
  const v = value as Partial<PendingAnswer> | null;
  if (typeof v !== 'object' || v === null || !isCaseId(v.caseId) || !isString(v.text) || !isString(v.at)) return undefined;
  return { caseId: v.caseId, text: v.text, at: v.at, ...(isString(v.agentName) ? { agentName: v.agentName } : {}) };
}

/** The answers item: what waits for the shopper (oldest first) and the case a reply goes to. */
export function toAnswers(item: PlainItem | undefined): { answers: PendingAnswer[]; latestCaseId?: string } {
  if (!item) return { answers: [] };
  return { answers: listOf(item.answers, toPendingAnswer), ...(isCaseId(item.latestCaseId) ? { latestCaseId: item.latestCaseId } : {}) };
}

export function isHandoffReason(value: unknown): value is HandoffReason {
  return isOneOf(HANDOFF_REASONS, value);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
