/**
 * skill/validation-messages.ts: what the environment check, the priors file and the inbox API say when a value is
 * wrong, in words an operator or an agent's tool can act on, with no stack of zod internals.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validationMessage } from '../../skill/validation-messages';

function said(schema: z.ZodMiniType, value: unknown): string[] {
  const parsed = z.safeParse(schema, value, { error: validationMessage });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('validationMessage', () => {
  it('says what kind of value was wanted and what came instead', () => {
    expect(said(z.object({ text: z.string() }), { text: 42 })).toEqual(['text: must be text, not 42']);
    expect(said(z.object({ items: z.array(z.string()) }), { items: 'milk' })).toEqual(['items: must be a list, not text']);
    expect(said(z.object({ count: z.number() }), { count: null })).toEqual(['count: must be a number, not null']);
    expect(said(z.object({ count: z.number() }), {})).toEqual(['count: must be a number, not nothing']);
  });

  it('says limits as limits: empty text, lengths, bounds, exclusive bounds', () => {
    const body = z.object({ text: z.string().check(z.minLength(1), z.maxLength(5)), n: z.number().check(z.gt(0), z.lte(3)) });
    expect(said(body, { text: '', n: 0 })).toEqual(['text: must not be empty', 'n: must be more than 0']);
    expect(said(body, { text: 'too long', n: 4 })).toEqual(['text: must have at most 5 characters', 'n: must be at most 3']);
    expect(said(z.array(z.string()).check(z.minLength(2)), ['a'])).toEqual([': must have at least 2 items']);
  });

  it('lists the allowed values, and names fields that do not belong', () => {
    expect(said(z.object({ kind: z.enum(['cancel-order', 'refund-order']) }), { kind: 'delete' })).toEqual(['kind: must be one of "cancel-order", "refund-order"']);
    expect(said(z.object({ version: z.literal(1) }), { version: 2 })).toEqual(['version: must be 1']);
    expect(said(z.strictObject({ text: z.string() }), { text: 'hi', extra: true })).toEqual([': unexpected field(s) extra']);
  });

  it('leaves a check its own sentence', () => {
    expect(said(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')), 'euro')).toEqual([': must be an ISO 4217 code']);
  });
});
