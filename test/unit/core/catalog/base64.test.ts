import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeUint32, encodeBase64, encodeUint32 } from '../../../../skill/core/catalog/base64';

describe('base64 for the prebuilt index', () => {
  it('round-trips bytes of every length, matching the standard encoding', () => {
    for (let length = 0; length < 40; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
    }
  });

  it('round-trips 32-bit integers', () => {
    const values = Uint32Array.from([0, 1, 0xffffffff, 123456789, 42]);
    expect(Array.from(decodeUint32(encodeUint32(values)))).toEqual(Array.from(values));
  });

  it('refuses text outside the alphabet and payloads that are not whole integers', () => {
    expect(() => decodeBase64('AAAA$AAA')).toThrow(RangeError);
    expect(() => decodeUint32(encodeBase64(Uint8Array.from([1, 2, 3])))).toThrow(/32-bit/);
  });
});
