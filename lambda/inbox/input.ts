/**
 * What the inbox API accepts, checked before any work: a bad input is a 400 naming the field and the rule, never
 * the value sent (a reply may hold personal data) and never a stack trace.
 *
 * zod/mini, as in skill/config.ts: the full zod build is about 440 KB of a minified bundle, most of the inbox
 * function's size for a handful of checks. It has no messages of its own: parses say what is wrong in vocart's words.
 */
import * as z from 'zod/mini';
import { validationMessage } from '../../skill/validation-messages';
import type { HandoffState } from '../../skill/core/handoff/case';
import { ApiError } from './api-error';

/** The longest reply a person may send: it is read aloud to the shopper, so a few sentences, not a letter. */
export const MAX_REPLY_CHARS = 1000;
export const MAX_AGENT_NAME_CHARS = 80;
/** Bodies are small JSON objects; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
/** The most cases one list returns: an inbox page, not an export. */
export const LIST_LIMIT = 200;


const agentName = z.optional(
  z.string({ error: 'agentName must be text' }).check(z.trim(), z.minLength(1, 'agentName is empty'), z.maxLength(MAX_AGENT_NAME_CHARS, `agentName is longer than ${MAX_AGENT_NAME_CHARS} characters`)),
);

export const replyInput = z.strictObject({
  text: z.string({ error: 'text is required and must be text' }).check(z.trim(), z.minLength(1, 'text is empty'), z.maxLength(MAX_REPLY_CHARS, `text is longer than ${MAX_REPLY_CHARS} characters`)),
  agentName,
});

export const closeInput = z.strictObject({});

export const ACTION_KINDS = ['cancel-order', 'refund-order'] as const;

export const actionInput = z.strictObject({
  kind: z.enum(ACTION_KINDS, { error: `kind must be one of ${ACTION_KINDS.join(', ')}` }),
  orderId: z.string({ error: 'orderId is required' }).check(z.minLength(1, 'orderId is empty'), z.maxLength(128, 'orderId is too long'), z.regex(/^[\w.:#-]+$/, 'orderId is not an order id')),
  agentName,
});

/** "active" is what an agent works on: open cases and answered ones the shopper may still write back on. */
export const LIST_FILTERS = ['open', 'answered', 'closed', 'active'] as const;
const FILTER_STATES: Record<(typeof LIST_FILTERS)[number], HandoffState[]> = {
  open: ['open'],
  answered: ['answered'],
  closed: ['closed'],
  active: ['open', 'answered'],
};

export const listQuery = z.pipe(
  z.strictObject({
    state: z._default(z.enum(LIST_FILTERS, { error: `state must be one of ${LIST_FILTERS.join(', ')}` }), 'open'),
    limit: z.optional(
      z.coerce.number({ error: 'limit must be a number' }).check(z.int('limit must be a whole number'), z.gte(1, 'limit must be at least 1'), z.lte(LIST_LIMIT, `limit must be at most ${LIST_LIMIT}`)),
    ),
  }),
  z.transform((query) => ({ states: FILTER_STATES[query.state], limit: query.limit ?? LIST_LIMIT })),
);

const ISO_DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Figures since a day or an instant; by default the last 30 days. */
export const figuresQuery = z.strictObject({
  since: z.optional(
    z.string().check(z.refine((value) => ISO_DAY_OR_TIME.test(value) && !Number.isNaN(Date.parse(value)), 'since must be an ISO date such as 2026-11-01 or an ISO time')),
  ),
});

export const FIGURES_DEFAULT_DAYS = 30;

/** Case ids are time-sortable random strings from the store: letters, digits and a few URL-safe marks. */
export const caseId = z.string().check(z.regex(/^[A-Za-z0-9._~-]{6,128}$/, 'not a case id'));

/** Parses or throws a 400 ApiError naming the first problem. */
export function parseInput<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const parsed = z.safeParse(schema, value, { error: validationMessage });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') throw new ApiError(400, 'bad_request', `unexpected field(s) ${issue.keys.join(', ')}`, { cause: parsed.error });
  const field = issue?.path.length ? issue.path.join('.') : '';
  const where = field && !issue!.message.startsWith(field) ? `${field}: ` : '';
  throw new ApiError(400, 'bad_request', `${where}${issue?.message ?? 'invalid input'}`, { cause: parsed.error });
}
