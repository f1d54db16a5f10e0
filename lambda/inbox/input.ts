/**
 * What the inbox API accepts, checked before any work: a bad input is a 400 naming the field and the rule, never
 * the value sent (a reply may hold personal data) and never a stack trace.
 */
import { z } from 'zod';
import type { HandoffState } from '../../skill/core/handoff/case';
import { ApiError } from './api-error';

/** The longest reply a person may send: it is read aloud to the shopper, so a few sentences, not a letter. */
export const MAX_REPLY_CHARS = 1000;
export const MAX_AGENT_NAME_CHARS = 80;
/** Bodies are small JSON objects; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
/** The most cases one list returns: an inbox page, not an export. */
export const LIST_LIMIT = 200;

const agentName = z.string().trim().min(1, 'agentName is empty').max(MAX_AGENT_NAME_CHARS, `agentName is longer than ${MAX_AGENT_NAME_CHARS} characters`);

export const replyInput = z
  .object({
    text: z.string({ error: 'text is required' }).trim().min(1, 'text is empty').max(MAX_REPLY_CHARS, `text is longer than ${MAX_REPLY_CHARS} characters`),
    agentName: agentName.optional(),
  })
  .strict();

export const closeInput = z.object({}).strict();

export const ACTION_KINDS = ['cancel-order', 'refund-order'] as const;

export const actionInput = z
  .object({
    kind: z.enum(ACTION_KINDS, { error: `kind must be one of ${ACTION_KINDS.join(', ')}` }),
    orderId: z.string({ error: 'orderId is required' }).min(1, 'orderId is empty').max(128, 'orderId is too long').regex(/^[\w.:#-]+$/, 'orderId is not an order id'),
    agentName: agentName.optional(),
  })
  .strict();

/** "active" is what an agent works on: open cases and answered ones the shopper may still write back on. */
export const LIST_FILTERS = ['open', 'answered', 'closed', 'active'] as const;
const FILTER_STATES: Record<(typeof LIST_FILTERS)[number], HandoffState[]> = {
  open: ['open'],
  answered: ['answered'],
  closed: ['closed'],
  active: ['open', 'answered'],
};

export const listQuery = z
  .object({
    state: z.enum(LIST_FILTERS, { error: `state must be one of ${LIST_FILTERS.join(', ')}` }).default('open'),
    limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(LIST_LIMIT, `limit must be at most ${LIST_LIMIT}`).optional(),
  })
  .strict()
  .transform((query) => ({ states: FILTER_STATES[query.state], limit: query.limit ?? LIST_LIMIT }));

/** Figures since a day or an instant; by default the last 30 days. */
export const figuresQuery = z
  .object({
    since: z
      .string()
      .refine((value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value)), 'since must be an ISO date such as 2026-11-01 or an ISO time')
      .optional(),
  })
  .strict();

export const FIGURES_DEFAULT_DAYS = 30;

/** Case ids are time-sortable random strings from the store: letters, digits and a few URL-safe marks. */
export const caseId = z.string().regex(/^[A-Za-z0-9._~-]{6,128}$/, 'not a case id');

/** Parses or throws a 400 ApiError naming the first problem. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length && !issue.message.startsWith(String(issue.path[0])) ? `${issue.path.join('.')}: ` : '';
  const unknownKeys = issue?.code === 'unrecognized_keys' ? `unexpected field(s) ${issue.keys.join(', ')}` : undefined;
  throw new ApiError(400, 'bad_request', unknownKeys ?? `${where}${issue?.message ?? 'invalid input'}`, { cause: parsed.error });
}
