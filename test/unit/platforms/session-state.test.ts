/** One schema, one set of limits: what Alexa's sessionAttributes and a Dialogflow context may carry is the same. */
import { describe, expect, it } from 'vitest';
import { parseSessionState } from '../../../skill/platforms/alexa/session';
import { readSessionState as readGoogleContext, SESSION_CONTEXT } from '../../../skill/platforms/google/session';
import { readSessionState } from '../../../skill/platforms/session-state';

function viaGoogle(state: unknown) {
  return readGoogleContext({ name: `projects/p/agent/sessions/s/contexts/${SESSION_CONTEXT}`, lifespanCount: 5, parameters: { state: JSON.stringify(state) } });
}

const cases: Array<[string, unknown, boolean]> = [
  ['a well-formed state', { lastResults: ['p-1', 'p-2'], resultOffset: 3, misses: 1, lastSpeech: 'Hello.' }, true],
  ['a product id of 200 characters', { lastResults: ['x'.repeat(200)] }, true],
  ['a product id over 200 characters', { lastResults: ['x'.repeat(201)] }, false],
  ['an empty product id', { lastResults: [''] }, false],
  ['an offset past 1000', { resultOffset: 1001 }, false],
  ['a negative miss count', { misses: -1 }, false],
  ['a pending question without a kind', { pending: {} }, false],
  ['state nested too deeply', { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }, false],
];

describe('the shared session schema', () => {
  it.each(cases)('treats %s the same on both platforms', (_name, state, kept) => {
    expect(readSessionState(state) !== undefined).toBe(kept);
    expect(parseSessionState(state)).toEqual(kept ? state : {});
    expect(viaGoogle(state)).toEqual(kept ? state : undefined);
  });
});
