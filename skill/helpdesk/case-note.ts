/**
 * The handoff case as text for a help desk's agents: why the shopper needs a person, the order and cart, and the
 * conversation (only when the shopper agreed to share it). Plain lines with light Markdown, which Chatwoot renders
 * in notes and which reads fine where it is not rendered. No customer id, no PIN, no card data: the case never
 * holds the last two, and the first stays in vocart.
 */
import type { HandoffCase, HandoffReason, TranscriptEntry } from '../core/handoff/case';

const REASONS: Record<HandoffReason, string> = {
  'asked-for-person': 'The shopper asked for a person.',
  'repeated-misses': 'The assistant failed to understand the shopper twice in a row.',
  'low-confidence': 'The assistant was unsure what the shopper meant, twice.',
  'payment-failed': 'A payment failed after the shopper confirmed an order.',
  'order-problem': 'The shopper reported a problem with an order.',
};

/** Names a product for the agent; the adapter passes the catalog's names when it has them. */
export type ProductNamer = (productId: string) => string | undefined;

export interface CaseNoteOptions {
  productName?: ProductNamer;
  /** Where an agent can see and act on the case in vocart's own inbox, when the shop runs one. */
  caseUrl?: (caseId: string) => string;
}

export function caseNote(handoff: HandoffCase, options: CaseNoteOptions = {}): string {
  const lines = [
    `**vocart handoff** · case ${handoff.caseId}`,
    REASONS[handoff.reason],
    `Channel: ${handoff.channel} · language: ${handoff.locale} · opened ${handoff.createdAt}`,
  ];
  if (handoff.problem) lines.push(`Problem named: ${handoff.problem}`);
  if (handoff.orderId) lines.push(`Order: ${handoff.orderId}`);
  if (options.caseUrl) lines.push(`In vocart: ${options.caseUrl(handoff.caseId)}`);
  lines.push('', handoff.cart.length === 0 ? 'Cart: empty' : 'Cart:');
  for (const line of handoff.cart) {
    const name = options.productName?.(line.productId);
    lines.push(`- ${line.quantity} × ${name ? `${name} (${line.productId})` : line.productId}`);
  }
  lines.push('', ...transcriptLines(handoff));
  const replies = handoff.messages.filter((message) => message.from === 'shopper');
  if (replies.length > 0) {
    lines.push('', 'Shopper wrote since:');
    for (const reply of replies) lines.push(`- ${reply.at}: ${reply.text}`);
  }
  lines.push(
    '',
    'Reply in this conversation: vocart speaks your reply to the shopper at their next visit, introduced as coming from a person at the shop.',
  );
  return lines.join('\n');
}

/** The conversation as the agent reads it, or why it is not there. */
export function transcriptLines(handoff: Pick<HandoffCase, 'transcript' | 'transcriptShared'>): string[] {
  if (!handoff.transcriptShared) return ['Conversation: not shared (the shopper was not asked or said no).'];
  if (handoff.transcript.length === 0) return ['Conversation: shared, but no turns were recorded.'];
  return ['Conversation:', ...handoff.transcript.map(exchange)];
}

function exchange(entry: TranscriptEntry): string {
  return `- ${entry.at} · shopper: ${entry.shopper}\n  assistant: ${entry.bot}`;
}
