/** skill/secret-match.ts: the webhook secret's and the inbox token's comparison runs in constant time. */
import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { secretMatches } from '../../skill/secret-match';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const SECRET = 'correct horse battery staple';

describe('secretMatches', () => {
  it('compares digests of equal length with crypto.timingSafeEqual, whatever the lengths presented', () => {
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
    timingSafeEqual.mockClear();
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches('short', SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}${'x'.repeat(1000)}`, SECRET)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    for (const [left, right] of timingSafeEqual.mock.calls) {
      expect((left as Buffer).byteLength).toBe(32);
      expect((right as Buffer).byteLength).toBe(32);
    }
  });
});
