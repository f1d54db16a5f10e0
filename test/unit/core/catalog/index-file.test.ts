import { describe, expect, it } from 'vitest';
import { IndexFileError, IndexFileReader, IndexFileWriter } from '../../../../skill/core/catalog/index-file';
import { KeyedLists, SortedPositions } from '../../../../skill/core/catalog/keyed-lists';
import { StringList } from '../../../../skill/core/catalog/string-list';
import {
  keyedListsOf,
  sortedPositionsOf,
  stringListOf,
  stringsOf,
  writeKeyedLists,
  writeSortedPositions,
  writeStringList,
} from '../../../../skill/core/catalog/build/stored-lists';

const roundTrip = (write: (writer: IndexFileWriter) => void) => {
  const writer = new IndexFileWriter();
  write(writer);
  return new IndexFileReader(writer.toBytes({ test: true }));
};

describe('the index file', () => {
  it('stores unsigned integers 16 bits wide when every value fits, 32 otherwise, and reads either back', () => {
    const narrow = Uint32Array.of(0, 7, 0xffff);
    const wide = Uint32Array.of(0, 0x10000);
    const reader = roundTrip((writer) => writer.uints('narrow', narrow).uints('wide', wide).uints('empty', new Uint32Array(0)));
    expect(reader.uints('narrow')).toBeInstanceOf(Uint16Array);
    expect([...reader.uints('narrow')]).toEqual([...narrow]);
    expect(reader.uints('wide')).toBeInstanceOf(Uint32Array);
    expect([...reader.uints('wide')]).toEqual([...wide]);
    expect(reader.uints('empty').length).toBe(0);
  });

  it('keeps floats bit for bit and gives text back decoded or as its UTF-8 bytes', () => {
    const weights = Float32Array.of(0.1, 1 / 3, 7.25);
    const reader = roundTrip((writer) => writer.f32('weights', weights).text('label', 'Käse 🧀'));
    expect([...reader.f32('weights')]).toEqual([...weights]);
    expect(reader.text('label')).toBe('Käse 🧀');
    expect([...reader.utf8('label')]).toEqual([...new TextEncoder().encode('Käse 🧀')]);
  });

  it('names the section that is missing or of another kind', () => {
    const reader = roundTrip((writer) => writer.text('label', 'x'));
    expect(() => reader.uints('nothing')).toThrow(IndexFileError);
    expect(() => reader.uints('label')).toThrow(/label is not u32/);
  });
});

describe('string lists and the lookups over them', () => {
  // Accents, a character from the private-use area and one outside the BMP: JavaScript orders strings by
  // UTF-16 code units, and compareAt must agree with it or binary search misses.
  const WORDS = ['milk', 'mild', 'käse', 'kase', '', 'x\uE000', 'x🧀', 'zz', 'a'];

  it('gives back each string and compares it as JavaScript orders strings', () => {
    const reader = roundTrip((writer) => writeStringList(stringListOf(WORDS), writer, 'words'));
    const list = StringList.read(reader, 'words');
    expect(list.length).toBe(WORDS.length);
    expect(stringsOf(list)).toEqual(WORDS);
    expect(list.at(WORDS.length)).toBeUndefined();
    for (const [i, word] of WORDS.entries()) {
      for (const key of WORDS) expect(Math.sign(list.compareAt(i, key)), `${word} vs ${key}`).toBe(word < key ? -1 : word > key ? 1 : 0);
    }
  });

  it('finds every string by binary search, and nothing for a string not there', () => {
    const list = stringListOf(WORDS);
    const compare = (a: number, b: number) => (WORDS[a]! < WORDS[b]! ? -1 : WORDS[a]! > WORDS[b]! ? 1 : 0);
    const built = sortedPositionsOf(WORDS.length, compare, (position, key: string) => list.compareAt(position, key));
    const reader = roundTrip((writer) => writeSortedPositions(built, writer, 'order'));
    const positions = SortedPositions.read(WORDS.length, (position, key: string) => list.compareAt(position, key), reader, 'order');
    for (const [i, word] of WORDS.entries()) expect(positions.find(word)).toBe(i);
    expect(positions.find('milkshake')).toBeUndefined();
  });

  it('files lists under keys and reads them back as stored', () => {
    const lists = keyedListsOf(new Map([['käse', [3, 1]], ['milk', [0]], ['🧀', [70000]]]));
    const reader = roundTrip((writer) => writeKeyedLists(lists, writer, 'lists'));
    const loaded = KeyedLists.read(reader, 'lists');
    expect([...loaded.get('käse')]).toEqual([3, 1]);
    expect([...loaded.get('🧀')]).toEqual([70000]);
    expect(loaded.get('kase').length).toBe(0);
  });
});
