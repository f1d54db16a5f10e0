/**
 * String-keyed lookups that are stored ready to use: keys sorted once at build time and found by binary
 * search at query time. A Map would have to be refilled key by key at every cold start (tens of
 * milliseconds for a large catalog's words); a sorted array costs nothing to load and about fifteen string
 * comparisons per lookup.
 */
import type { IndexFileReader, IndexFileWriter } from './index-file';

/** Keys are joined with this in the file; catalog words, stems and sound keys never contain it. */
const SEPARATOR = '\n';

const EMPTY = new Uint32Array(0);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Key → ascending list of ids (e.g. a stem → the catalog words with that stem). */
export class KeyedLists {
  private constructor(
    private readonly keys: readonly string[],
    /** Key i's ids are values[offsets[i] … offsets[i + 1]). */
    private readonly offsets: Uint32Array,
    private readonly values: Uint32Array,
  ) {}

  /** Lists keep the order in which ids were added. */
  static fromMap(map: ReadonlyMap<string, readonly number[]>): KeyedLists {
    const keys = [...map.keys()].sort(compare);
    const offsets = new Uint32Array(keys.length + 1);
    keys.forEach((key, i) => {
      if (key.includes(SEPARATOR)) throw new Error(`a lookup key may not contain a line break: ${JSON.stringify(key)}`);
      offsets[i + 1] = offsets[i]! + map.get(key)!.length;
    });
    const values = new Uint32Array(offsets[keys.length]!);
    keys.forEach((key, i) => values.set(map.get(key)!, offsets[i]!));
    return new KeyedLists(keys, offsets, values);
  }

  static read(reader: IndexFileReader, name: string): KeyedLists {
    const text = reader.text(`${name}.keys`);
    return new KeyedLists(text === '' ? [] : text.split(SEPARATOR), reader.u32(`${name}.offsets`), reader.u32(`${name}.values`));
  }

  write(writer: IndexFileWriter, name: string): void {
    writer.text(`${name}.keys`, this.keys.join(SEPARATOR)).u32(`${name}.offsets`, this.offsets).u32(`${name}.values`, this.values);
  }

  /** The ids filed under `key` (empty when none). */
  get(key: string): Uint32Array {
    const keys = this.keys;
    const at = findSorted(keys.length, key, (i) => keys[i]!);
    return at < 0 ? EMPTY : this.values.subarray(this.offsets[at]!, this.offsets[at + 1]!);
  }
}

/**
 * Strings in their own order (token ids, product positions) plus a sorted permutation of the positions, to
 * find a string's position without a Map.
 */
export class StringPositions {
  private constructor(
    private readonly at: (position: number) => string,
    private readonly order: Uint32Array,
  ) {}

  static of(count: number, at: (position: number) => string): StringPositions {
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) order[i] = i;
    order.sort((a, b) => compare(at(a), at(b)));
    return new StringPositions(at, order);
  }

  static read(count: number, at: (position: number) => string, reader: IndexFileReader, name: string): StringPositions {
    const order = reader.u32(name);
    if (order.length !== count) throw new Error(`${name} orders ${order.length} strings, not ${count}`);
    return new StringPositions(at, order);
  }

  write(writer: IndexFileWriter, name: string): void {
    writer.u32(name, this.order);
  }

  /** The position of `value`, or undefined. With duplicates, one of their positions. */
  find(value: string): number | undefined {
    const { at, order } = this;
    const found = findSorted(order.length, value, (i) => at(order[i]!));
    return found < 0 ? undefined : order[found];
  }
}

/** Binary search over `length` entries sorted by the key `keyAt` reads; the entry's index, or -1. */
function findSorted(length: number, key: string, keyAt: (i: number) => string): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyAt(middle) < key) low = middle + 1;
    else high = middle;
  }
  return low < length && keyAt(low) === key ? low : -1;
}
