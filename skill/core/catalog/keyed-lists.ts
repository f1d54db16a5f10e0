/**
 * String-keyed lookups that are stored ready to use: keys sorted once at build time and found by binary
 * search at query time. A Map would have to be refilled key by key at every cold start (tens of
 * milliseconds for a large catalog's words); a sorted list costs nothing to load and about fifteen string
 * comparisons per lookup.
 */
import type { IndexFileReader, UintArray } from './index-file';
import { StringList } from './string-list';

const EMPTY = new Uint32Array(0);

/**
 * Key → ascending list of ids (e.g. a stem → the catalog words with that stem). Built and written by
 * build/stored-lists.ts (keyedListsOf, writeKeyedLists), read here.
 */
export class KeyedLists {
  constructor(
    /** Sorted in JavaScript's string order. */
    readonly keys: StringList,
    /** Key i's ids are values[offsets[i] … offsets[i + 1]). */
    readonly offsets: UintArray,
    readonly values: UintArray,
  ) {}

  static read(reader: IndexFileReader, name: string): KeyedLists {
    const keys = StringList.read(reader, `${name}.keys`);
    const offsets = reader.uints(`${name}.offsets`);
    const values = reader.uints(`${name}.values`);
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== values.length) throw new Error(`${name}: lists do not fit their keys`);
    return new KeyedLists(keys, offsets, values);
  }

  /** The ids filed under `key` (empty when none). */
  get(key: string): UintArray {
    const keys = this.keys;
    const at = findSorted(keys.length, (i) => keys.compareAt(i, key));
    return at < 0 ? EMPTY : this.values.subarray(this.offsets[at]!, this.offsets[at + 1]!);
  }
}

/**
 * Values in their own order (token ids, product positions) plus a sorted permutation of the positions, to
 * find a value's position without a Map. `compareAt(position, key)` says how the value at a position sorts
 * against a key (negative: before it), in the order the permutation was sorted by. Sorted and written by
 * build/stored-lists.ts (sortedPositionsOf, writeSortedPositions), read here.
 */
export class SortedPositions<Key> {
  constructor(
    readonly order: UintArray,
    private readonly compareAt: (position: number, key: Key) => number,
  ) {}

  static read<Key>(count: number, compareAt: (position: number, key: Key) => number, reader: IndexFileReader, name: string): SortedPositions<Key> {
    const order = reader.uints(name);
    if (order.length !== count) throw new Error(`${name} orders ${order.length} values, not ${count}`);
    return new SortedPositions(order, compareAt);
  }

  /** The position of `key`, or undefined. With duplicates, one of their positions. */
  find(key: Key): number | undefined {
    const { compareAt, order } = this;
    const found = findSorted(order.length, (i) => compareAt(order[i]!, key));
    return found < 0 ? undefined : order[found];
  }
}

/** Binary search over `length` sorted entries; `compareAt(i)` is entry i against the key sought. Its index, or -1. */
function findSorted(length: number, compareAt: (i: number) => number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareAt(middle) < 0) low = middle + 1;
    else high = middle;
  }
  return low < length && compareAt(low) === 0 ? low : -1;
}
