/**
 * A handoff case: what a person from the shop needs to answer a shopper the bot could not help, and the messages
 * that went back and forth. The shapes are shared by the conversation (which opens cases and delivers answers),
 * the store (which keeps them under the customer's partition) and the agent inbox (which lists and answers them).
 */
import type { CartLine } from '../cart/cart-line';
import type { Locale, Platform } from '../turn';

/** Why a case was opened: what the figures count cases by. */
export const HANDOFF_REASONS = ['asked-for-person', 'repeated-misses', 'low-confidence', 'payment-failed', 'order-problem'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/**
 * open: waiting for a person (or a person's answer waits to be delivered); answered: the shopper heard the answer;
 * closed: done. A shopper's reply ("tell them …") reopens an answered or closed case.
 */
export const HANDOFF_STATES = ['open', 'answered', 'closed'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/** One exchange of the conversation, as the agent reads it. Never a PIN, never card data (transcript.ts redacts). */
export interface TranscriptEntry {
  at: string;
  /** What the shopper said: the words where the platform sends them (Dialogflow), else the intent and its slots. */
  shopper: string;
  /** What the bot answered (plain text, speech marks removed). */
  bot: string;
  intent: string;
}

/** A message on the case after it opened: a person's answer, or the shopper's reply to it. */
export interface CaseMessage {
  from: 'agent' | 'shopper';
  text: string;
  at: string;
  /** The agent's display name as the help desk gave it; never the shopper's. */
  agentName?: string;
  /** For an agent's message: when the shopper heard it (undefined: not yet delivered). */
  deliveredAt?: string;
}

/** What a person did through the core's own commands, recorded on the case. */
export interface AgentAction {
  kind: 'cancel-order' | 'refund-order';
  orderId: string;
  at: string;
  agentName?: string;
  /** How it ended: done, or why not (already dispatched, nothing to refund…). */
  outcome: 'done' | 'refused';
  detail?: string;
}

export interface HandoffCase {
  caseId: string;
  customerId: string;
  /** The platform the shopper was on when the case opened. */
  channel: Platform;
  locale: Locale;
  reason: HandoffReason;
  state: HandoffState;
  createdAt: string;
  updatedAt: string;
  /** Kept only when the shopper said yes to sharing it; empty otherwise. */
  transcript: TranscriptEntry[];
  transcriptShared: boolean;
  /** The cart when the case opened. */
  cart: CartLine[];
  /** The order the case is about (order problem, payment failure), when there is one. */
  orderId?: string;
  /** The problem the shopper named (order problem: damaged, missing, wrong, late), when they named one. */
  problem?: string;
  messages: CaseMessage[];
  actions: AgentAction[];
  /** When a person first answered: the figure "time to first human reply" is counted from it. */
  firstReplyAt?: string;
  closedAt?: string;
  /** The case's id at an external help desk (Chatwoot conversation id), once relayed there. */
  externalId?: string;
}

/** An agent's answer waiting for the shopper's next visit, on any of their channels. */
export interface PendingAnswer {
  caseId: string;
  text: string;
  at: string;
  agentName?: string;
}

/** What a conversation needs to open a case. */
export interface NewHandoffCase {
  customerId: string;
  channel: Platform;
  locale: Locale;
  reason: HandoffReason;
  transcript: TranscriptEntry[];
  transcriptShared: boolean;
  cart: CartLine[];
  orderId?: string;
  problem?: string;
}

/** Counts without personal data: how many cases per reason, and how long the first human reply took. */
export interface HandoffFigures {
  since: string;
  casesByReason: Record<HandoffReason, number>;
  open: number;
  answered: number;
  closed: number;
  /** Over the cases a person has answered: minutes from opening to the first reply. */
  firstReplyMinutes: { count: number; median?: number; p90?: number };
}
