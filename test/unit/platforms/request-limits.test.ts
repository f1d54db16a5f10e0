import { describe, expect, it } from 'vitest';
import { exceededJsonLimit } from '../../../skill/platforms/json-measure';
import {
  MAX_BODY_DEPTH,
  RequestLimitError,
  SESSION_LIMITS,
  checkBodyDepth,
  checkSerializedSessionState,
  checkSessionState,
  sessionStateFits,
} from '../../../skill/platforms/request-limits';
import { HttpRefusal, errorBody, refusalFor } from '../../../skill/platforms/http-errors';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

function code(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(RequestLimitError);
    return (error as RequestLimitError).code;
  }
}

describe('exceededJsonLimit', () => {
  it('counts nesting of containers only', () => {
    expect(exceededJsonLimit('text', { maxDepth: 0 })).toBeUndefined();
    expect(exceededJsonLimit({}, { maxDepth: 1 })).toBeUndefined();
    expect(exceededJsonLimit({ a: [] }, { maxDepth: 1 })).toBe('depth');
    expect(exceededJsonLimit({ a: [] }, { maxDepth: 2 })).toBeUndefined();
  });

  it('measures about the JSON length', () => {
    const value = { lastResults: ['p1', 'p2'], misses: 2, lastSpeech: 'Hello there', flag: true, none: null };
    expect(exceededJsonLimit(value, { maxDepth: 8, maxChars: JSON.stringify(value).length })).toBeUndefined();
    expect(exceededJsonLimit(value, { maxDepth: 8, maxChars: JSON.stringify(value).length - 5 })).toBe('size');
  });

  it('walks 100,000 levels without overflowing the stack and stops at the limit', () => {
    const deep = nested(100_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const started = performance.now();
    expect(exceededJsonLimit(deep, { maxDepth: 64 })).toBe('depth');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('request limits', () => {
  it.each([3000, 100_000])('refuses a body nested %i levels', (depth) => {
    expect(code(() => checkBodyDepth(nested(depth)))).toBe('too_deeply_nested');
  });

  it('accepts a body at the depth limit', () => {
    expect(code(() => checkBodyDepth(nested(MAX_BODY_DEPTH)))).toBeUndefined();
  });

  it.each([3000, 100_000])('refuses session state nested %i levels, as a value and as text', (depth) => {
    expect(code(() => checkSessionState({ x: nested(depth) }))).toBe('session_too_deep');
    const text = `{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(code(() => checkSerializedSessionState(text))).toBe(text.length > SESSION_LIMITS.maxChars ? 'session_too_large' : 'session_too_deep');
  });

  it('refuses session state over the size limit and keeps normal state', () => {
    expect(code(() => checkSessionState({ lastSpeech: 'x'.repeat(SESSION_LIMITS.maxChars) }))).toBe('session_too_large');
    expect(code(() => checkSerializedSessionState('x'.repeat(SESSION_LIMITS.maxChars + 1)))).toBe('session_too_large');
    expect(code(() => checkSessionState({ lastResults: ['a', 'b'], misses: 1 }))).toBeUndefined();
    expect(code(() => checkSerializedSessionState('not json'))).toBeUndefined();
    expect(sessionStateFits({ misses: 1 })).toBe(true);
  });
});

describe('http-errors', () => {
  it('gives each code one status and a fixed reason', () => {
    expect(refusalFor('session_too_deep')).toEqual({ status: 400, body: { error: { code: 'session_too_deep', message: expect.any(String) } } });
    const refusal = new HttpRefusal('internal_error', { cause: new TypeError("Cannot read properties of null (reading 'x')") });
    expect(refusal.status).toBe(500);
    expect(JSON.stringify(errorBody(refusal))).not.toContain('Cannot read');
  });
});
