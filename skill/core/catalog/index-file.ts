/**
 * The prebuilt catalog index's file layout: named sections of 32-bit integers, 64-bit floats or UTF-8 text
 * behind a small JSON header. Loading lays typed arrays over the bytes read instead of parsing JSON and
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

type SectionKind = 'u32' | 'f64' | 'text';
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
    return this.add(name, 'u32', new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  f64(name: string, values: Float64Array): this {
    return this.add(name, 'f64', new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  text(name: string, text: string): this {
    return this.add(name, 'text', this.encoder.encode(text));
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

  f64(name: string): Float64Array {
    const [offset, length] = this.entry(name, 'f64', 8);
    return new Float64Array(this.bytes.buffer, this.bytes.byteOffset + offset, length / 8);
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

function align(offset: number): number {
  return Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
}
