/**
 * The question a reply leaves waiting for a yes or no. It never travels in the platform session (the client could
 * forge or replay it): it is stored server-side per customer and platform conversation, answered by the very next
 * turn or dropped, and it names exactly what a yes would authorise (this cart version and total, these products).
 */
import { createHash } from 'node:crypto';
import type { HandoffReason } from '../handoff/case';
import type { CartLine } from '../ports';
import type { CoreIntent, Turn } from '../turn';

export type PendingQuestion =
  /** The order read back: a yes places it only while the cart still has this version and total. */
  | { kind: 'checkout'; cartVersion: number; totalCents: number; awaitingPin?: boolean; pinVerified?: boolean }
  | { kind: 'clearCart'; cartVersion: number }
  /** "I found one: X. Shall I add it?" */
  | { kind: 'add'; productId: string; quantity: number }
  /** Running-low products (asked, or nudged at launch): a yes puts these lines in the cart and reads the order back. */
  | { kind: 'replenish'; lines: CartLine[] }
  | { kind: 'cancelOrder'; orderId: string }
  | { kind: 'erase' }
  /** Reminder consent for exactly these products; `productIds` absent means everything bought regularly. */
  | { kind: 'reminders'; productIds?: string[] }
  /**
   * "Remove the coffee" with two coffees in the cart: which line is meant. The answer ("the second one", a name)
   * picks one of exactly these products; `quantity` is the new quantity when the shopper was changing one.
   */
  | { kind: 'whichLine'; productIds: string[]; quantity?: number }
  /** "Shall I ask a person from the shop?": a yes opens a case of this reason with the conversation (the yes is the consent). */
  | { kind: 'handoff'; reason: OfferedHandoff }
  /** "May I add our conversation to the case?": a yes adds the transcript to exactly this case. */
  | { kind: 'shareTranscript'; caseId: string };

/** The reasons a handoff is offered for rather than opened at once (the shopper did not ask for a person). */
export const OFFERED_HANDOFFS = ['repeated-misses', 'low-confidence', 'payment-failed'] as const satisfies readonly HandoffReason[];
export type OfferedHandoff = (typeof OFFERED_HANDOFFS)[number];

export type QuestionKind = PendingQuestion['kind'];
export type QuestionOf<K extends QuestionKind> = Extract<PendingQuestion, { kind: K }>;

/** A question as it was asked: what it authorises, the words to ask it again, and how the platform was asked. */
export interface AskedQuestion {
  question: PendingQuestion;
  /** The question itself, for "repeat that" and after "help". */
  prompt: string;
  /**
   * The intent Alexa was told to confirm (Dialog.ConfirmIntent): its CONFIRMED or DENIED request is the answer.
   * Absent when the question was asked in plain words (a yes arrives as the Yes intent).
   */
  confirmIntent?: CoreIntent;
  /** The slot the platform was told to elicit (the voice PIN), to ask for it again after a miss. */
  elicit?: { slot: string; intent?: CoreIntent };
  askedAt: string;
}

/** A which-one question reads its choices out: more than this is no longer a choice by voice. */
export const MAX_WHICH_LINES = 3;

/** An answer that comes later than this is no answer: the shopper has long moved on. */
export const QUESTION_LIFETIME_MS = 5 * 60 * 1000;

/**
 * The key of the conversation a question belongs to: the platform and its conversation id, hashed so the stored
 * key reveals neither. No conversation id, no question (nothing can be answered across conversations).
 */
export function dialogKeyOf(turn: Pick<Turn, 'customer' | 'sessionId'>): string | undefined {
  if (!turn.sessionId) return undefined;
  return createHash('sha256').update(`${turn.customer.platform}\n${turn.sessionId}`).digest('hex').slice(0, 40);
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isQuantity = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

function isLines(value: unknown): value is CartLine[] {
  return Array.isArray(value) && value.length <= 100 && value.every((line) => isString(line?.productId) && isQuantity(line?.quantity));
}

/** The stored question as the core can rely on it, or undefined for anything malformed. */
export function parseQuestion(value: unknown): PendingQuestion | undefined {
  const q = value as Record<string, unknown> | null | undefined;
  if (!q || typeof q !== 'object') return undefined;
  switch (q.kind) {
    case 'checkout':
      if (!isCount(q.cartVersion) || !isCount(q.totalCents)) return undefined;
      return { kind: 'checkout', cartVersion: q.cartVersion, totalCents: q.totalCents, ...(q.awaitingPin === true ? { awaitingPin: true } : {}), ...(q.pinVerified === true ? { pinVerified: true } : {}) };
    case 'clearCart':
      return isCount(q.cartVersion) ? { kind: 'clearCart', cartVersion: q.cartVersion } : undefined;
    case 'add':
      return isString(q.productId) && isQuantity(q.quantity) ? { kind: 'add', productId: q.productId, quantity: q.quantity } : undefined;
    case 'replenish':
      return isLines(q.lines) ? { kind: 'replenish', lines: q.lines.map(({ productId, quantity }) => ({ productId, quantity })) } : undefined;
    case 'cancelOrder':
      return isString(q.orderId) ? { kind: 'cancelOrder', orderId: q.orderId } : undefined;
    case 'erase':
      return { kind: 'erase' };
    case 'reminders':
      if (q.productIds === undefined) return { kind: 'reminders' };
      return Array.isArray(q.productIds) && q.productIds.length <= 100 && q.productIds.every(isString) ? { kind: 'reminders', productIds: [...q.productIds] } : undefined;
    case 'whichLine':
      if (!Array.isArray(q.productIds) || q.productIds.length < 2 || q.productIds.length > MAX_WHICH_LINES || !q.productIds.every(isString)) return undefined;
      if (q.quantity !== undefined && !isCount(q.quantity)) return undefined;
      return { kind: 'whichLine', productIds: [...q.productIds], ...(q.quantity !== undefined ? { quantity: q.quantity } : {}) };
    case 'handoff':
      return (OFFERED_HANDOFFS as readonly unknown[]).includes(q.reason) ? { kind: 'handoff', reason: q.reason as OfferedHandoff } : undefined;
    case 'shareTranscript':
      return isString(q.caseId) ? { kind: 'shareTranscript', caseId: q.caseId } : undefined;
    default:
      return undefined;
  }
}

/** A stored question that still stands: well formed and asked within its lifetime. */
export function parseAskedQuestion(value: unknown, now: Date): AskedQuestion | undefined {
  const asked = value as Record<string, unknown> | null | undefined;
  if (!asked || typeof asked !== 'object' || !isString(asked.askedAt) || typeof asked.prompt !== 'string') return undefined;
  const askedAt = Date.parse(asked.askedAt);
  if (!Number.isFinite(askedAt) || now.getTime() - askedAt > QUESTION_LIFETIME_MS || askedAt - now.getTime() > 60_000) return undefined;
  const question = parseQuestion(asked.question);
  if (!question) return undefined;
  const elicit = asked.elicit as { slot?: unknown; intent?: unknown } | undefined;
  return {
    question,
    prompt: asked.prompt,
    askedAt: asked.askedAt,
    ...(isString(asked.confirmIntent) ? { confirmIntent: asked.confirmIntent as CoreIntent } : {}),
    ...(elicit && isString(elicit.slot) ? { elicit: { slot: elicit.slot, ...(isString(elicit.intent) ? { intent: elicit.intent as CoreIntent } : {}) } } : {}),
  };
}
