/**
 * Building and writing the index's stored lists (string-list.ts, keyed-lists.ts). Kept apart from the classes,
 * which the skill only reads and searches: a class's static and instance methods are never tree-shaken, so
 * build code on them would ride in every Lambda bundle.
 */
import type { IndexFileWriter } from '../index-file';
import { KeyedLists, SortedPositions } from '../keyed-lists';
import { StringList } from '../string-list';

export function stringListOf(strings: readonly string[]): StringList {
  const offsets = new Uint32Array(strings.length + 1);
  strings.forEach((value, i) => {
    offsets[i + 1] = offsets[i]! + value.length;
  });
  return new StringList(strings.join(''), offsets);
}

/** All strings of a list, in order. */
export function stringsOf(list: StringList): string[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i)!);
}

export function writeStringList(list: StringList, writer: IndexFileWriter, name: string): void {
  writer.text(`${name}.text`, list.text).uints(`${name}.offsets`, list.offsets);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lists keep the order in which ids were added. */
export function keyedListsOf(map: ReadonlyMap<string, readonly number[]>): KeyedLists {
  const keys = [...map.keys()].sort(compare);
  const offsets = new Uint32Array(keys.length + 1);
  keys.forEach((key, i) => {
    offsets[i + 1] = offsets[i]! + map.get(key)!.length;
  });
  const values = new Uint32Array(offsets[keys.length]!);
  keys.forEach((key, i) => values.set(map.get(key)!, offsets[i]!));
  return new KeyedLists(stringListOf(keys), offsets, values);
}

export function writeKeyedLists(lists: KeyedLists, writer: IndexFileWriter, name: string): void {
  writeStringList(lists.keys, writer, `${name}.keys`);
  writer.uints(`${name}.offsets`, lists.offsets).uints(`${name}.values`, lists.values);
}

/** Sorts positions 0 … count - 1 with `comparePositions`, which must agree with `compareAt`. */
export function sortedPositionsOf<Key>(
  count: number,
  comparePositions: (a: number, b: number) => number,
  compareAt: (position: number, key: Key) => number,
): SortedPositions<Key> {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  order.sort(comparePositions);
  return new SortedPositions(order, compareAt);
}

export function writeSortedPositions<Key>(positions: SortedPositions<Key>, writer: IndexFileWriter, name: string): void {
  writer.uints(name, positions.order);
}
