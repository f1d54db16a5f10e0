/**
 * Base64 for the prebuilt index's integer arrays, in plain TypeScript so the core needs no Node Buffer
 * (the same code runs in Lambda, a browser test page or a worker).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    chunk += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    chunk += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[c & 63]! : '=';
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Node's Buffer, where the runtime has one: its native decoder loads a 50,000-product index in a fraction of the time. */
interface NativeBase64Decoder {
  from(text: string, encoding: 'base64'): Uint8Array;
}
const nativeDecoder = (globalThis as { Buffer?: NativeBase64Decoder }).Buffer;

/** Decodes base64; throws a RangeError on characters outside the alphabet. */
export function decodeBase64(text: string): Uint8Array {
  if (nativeDecoder) {
    // The native decoder skips bad characters silently: a short result means there were some, and the
    // portable decoder then says where.
    const decoded = nativeDecoder.from(text, 'base64');
    if (decoded.length === decodedLength(text)) return decoded;
  }
  return decodePortably(text);
}

function decodedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  return Math.floor((end * 3) / 4);
}

function decodePortably(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) throw new RangeError(`invalid base64 character at ${i}`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at] = (buffer >> bits) & 0xff;
      at += 1;
    }
  }
  return out.subarray(0, at);
}

export function encodeUint32(values: Uint32Array): string {
  return encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** Decodes what encodeUint32 wrote (little-endian, as every platform Node runs on). */
export function decodeUint32(text: string): Uint32Array {
  const bytes = decodeBase64(text);
  if (bytes.byteLength % 4 !== 0) throw new RangeError('base64 payload is not a whole number of 32-bit integers');
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  return new Uint32Array(aligned.buffer);
}
