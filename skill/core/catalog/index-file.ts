/**
 * The prebuilt catalog index's file layout: named sections of 16- or 32-bit unsigned integers, 32- or 64-bit
 * floats or UTF-8 text behind a small JSON header. Loading lays typed arrays over the bytes read instead of parsing JSON and
 * rebuilding lookup structures, which is what made a 50,000-product index cost 170 ms of every cold start.
 *
 *   bytes 0-7   "VOCARTIX"
 *   bytes 8-11  header length in bytes (little-endian)
 *   header      JSON: { meta, sections: { name: [kind, offset, byteLength] } }, offsets from the file start
 *   sections    each starting on an 8-byte boundary, so a Uint32Array or Float64Array can view it in place
 *
 * Integers are little-endian, as on every platform Node runs on; a big-endian runtime is refused rather than
 * read wrongly. Plain TypeScript (TextEncoder, typed arrays): the core needs no Node Buffer.
 */

const MAGIC = 'VOCARTIX';
const ALIGNMENT = 8;

type SectionKind = 'u16' | 'u32' | 'f32' | 'f64' | 'text';

/** Ids, positions and offsets as stored: 16 bits wide where every value fits, else 32 (see `uints`). */
export type UintArray = Uint16Array | Uint32Array;

const U16_LIMIT = 0x10000;
type SectionEntry = [kind: SectionKind, offset: number, byteLength: number];

interface Header {
  meta: unknown;
  sections: Record<string, SectionEntry>;
}

/** The bytes are not an index file, or one whose sections do not fit its length. */
export class IndexFileError extends Error {
  override name = 'IndexFileError';
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export class IndexFileWriter {
  private readonly sections: Array<{ name: string; kind: SectionKind; bytes: Uint8Array }> = [];
  private readonly encoder = new TextEncoder();

  u32(name: string, values: Uint32Array): this {
    return this.add(name, 'u32', bytesOf(values));
  }

  /**
   * Unsigned integers in the narrowest width that holds them all: a catalog's token ids and product positions
   * usually fit 16 bits, which halves what a cold start reads. The reader's `uints` takes either width.
   */
  uints(name: string, values: UintArray): this {
    let largest = 0;
    for (const value of values) if (value > largest) largest = value;
    if (largest >= U16_LIMIT) return this.add(name, 'u32', bytesOf(values instanceof Uint32Array ? values : Uint32Array.from(values)));
    return this.add(name, 'u16', bytesOf(values instanceof Uint16Array ? values : Uint16Array.from(values)));
  }

  f32(name: string, values: Float32Array): this {
    return this.add(name, 'f32', bytesOf(values));
  }

  f64(name: string, values: Float64Array): this {
    return this.add(name, 'f64', bytesOf(values));
  }

  text(name: string, text: string): this {
    return this.add(name, 'text', this.encoder.encode(text));
  }

  /** Text already encoded as UTF-8 (read back with `text` or, undecoded, with `utf8`). */
  utf8(name: string, bytes: Uint8Array): this {
    return this.add(name, 'text', bytes);
  }

  /** The whole file; `meta` (small, JSON) is readable before any section is touched. */
  toBytes(meta: unknown): Uint8Array {
    // Offsets depend on the header's length and the header lists the offsets: place the sections after a
    // header measured with placeholder offsets as wide as the real ones can get.
    const entries: Record<string, SectionEntry> = {};
    const widest = 2 ** 40;
    for (const section of this.sections) entries[section.name] = [section.kind, widest, widest];
    const headerRoom = align(16 + this.encoder.encode(JSON.stringify({ meta, sections: entries })).length);
    let offset = headerRoom;
    for (const section of this.sections) {
      entries[section.name] = [section.kind, offset, section.bytes.length];
      offset = align(offset + section.bytes.length);
    }
    const header = this.encoder.encode(JSON.stringify({ meta, sections: entries } satisfies Header));
    const out = new Uint8Array(offset);
    out.set(this.encoder.encode(MAGIC), 0);
    new DataView(out.buffer).setUint32(8, header.length, true);
    out.set(header, 12);
    for (const section of this.sections) out.set(section.bytes, entries[section.name]![1]);
    return out;
  }

  private add(name: string, kind: SectionKind, bytes: Uint8Array): this {
    if (this.sections.some((section) => section.name === name)) throw new Error(`index section ${name} written twice`);
    this.sections.push({ name, kind, bytes });
    return this;
  }
}

export class IndexFileReader {
  readonly meta: unknown;
  private readonly bytes: Uint8Array;
  private readonly sections: Record<string, SectionEntry>;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(input: Uint8Array) {
    if (!littleEndian) throw new IndexFileError('the prebuilt index is little-endian and this runtime is not');
    if (!IndexFileReader.isIndexFile(input)) throw new IndexFileError('not a vocart index file');
    // Typed-array views need aligned offsets; a file read into a pooled buffer may start anywhere.
    this.bytes = input.byteOffset % ALIGNMENT === 0 ? input : input.slice();
    const headerLength = new DataView(this.bytes.buffer, this.bytes.byteOffset).getUint32(8, true);
    if (12 + headerLength > this.bytes.length) throw new IndexFileError('index header runs past the end of the file');
    let header: Header;
    try {
      header = JSON.parse(this.decoder.decode(this.bytes.subarray(12, 12 + headerLength))) as Header;
    } catch (error) {
      throw new IndexFileError(`index header is not JSON: ${(error as Error).message}`);
    }
    this.meta = header.meta;
    this.sections = header.sections ?? {};
    for (const [name, [, offset, length]] of Object.entries(this.sections)) {
      if (offset % ALIGNMENT !== 0 || offset + length > this.bytes.length) throw new IndexFileError(`index section ${name} lies outside the file`);
    }
  }

  static isIndexFile(bytes: Uint8Array): boolean {
    if (bytes.length < 12) return false;
    for (let i = 0; i < MAGIC.length; i += 1) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
    return true;
  }

  has(name: string): boolean {
    return name in this.sections;
  }

  /** A view on the file's bytes, not a copy. */
  u32(name: string): Uint32Array {
    const [offset, length] = this.entry(name, 'u32', 4);
    return new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 4);
  }

  /** What the writer's `uints` stored, in the width it chose. */
  uints(name: string): UintArray {
    const entry = this.sections[name];
    if (entry?.[0] !== 'u16') return this.u32(name);
    const [offset, length] = this.entry(name, 'u16', 2);
    return new Uint16Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 2);
  }

  f32(name: string): Float32Array {
    const [offset, length] = this.entry(name, 'f32', 4);
    return new Float32Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 4);
  }

  f64(name: string): Float64Array {
    const [offset, length] = this.entry(name, 'f64', 8);
    return new Float64Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 8);
  }

  /** A text section's UTF-8 bytes, undecoded (a view, not a copy): for text decoded a value at a time. */
  utf8(name: string): Uint8Array {
    const [offset, length] = this.entry(name, 'text', 1);
    return this.bytes.subarray(offset, offset + length);
  }

  text(name: string): string {
    const [offset, length] = this.entry(name, 'text', 1);
    try {
      return this.decoder.decode(this.bytes.subarray(offset, offset + length));
    } catch (error) {
      throw new IndexFileError(`index section ${name} is not UTF-8: ${(error as Error).message}`);
    }
  }

  private entry(name: string, kind: SectionKind, unit: number): [number, number] {
    const entry = this.sections[name];
    if (!entry) throw new IndexFileError(`index section ${name} is missing`);
    if (entry[0] !== kind || entry[2] % unit !== 0) throw new IndexFileError(`index section ${name} is not ${kind}`);
    return [entry[1], entry[2]];
  }
}

function bytesOf(values: UintArray | Float32Array | Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function align(offset: number): number {
  return Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
}
