/**
 * Many short strings (a catalog's words, their sound keys, lookup keys) kept end to end in one text, with
 * where each starts. Loading decodes that one text and lays an offsets array over the file; splitting it into
 * tens of thousands of strings instead cost a cold start more than the rest of the vocabulary, much of it in
 * garbage collection of the young strings.
 */
import type { IndexFileReader, UintArray } from './index-file';

export class StringList {
  /** Strings sliced so far: the scorer asks for the same few words again and again. */
  private sliced?: (string | undefined)[];

  /** Built and written by build/stored-lists.ts (stringListOf, writeStringList), read here. */
  constructor(
    readonly text: string,
    /** String i is text[offsets[i] … offsets[i + 1]) (UTF-16 code units). */
    readonly offsets: UintArray,
  ) {}

  static read(reader: IndexFileReader, name: string): StringList {
    const list = new StringList(reader.text(`${name}.text`), reader.uints(`${name}.offsets`));
    const { offsets, text } = list;
    if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== text.length) throw new Error(`${name}: offsets do not fit the text`);
    return list;
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    this.sliced ??= new Array<string | undefined>(this.length);
    let value = this.sliced[index];
    if (value === undefined) {
      value = this.text.slice(this.offsets[index]!, this.offsets[index + 1]!);
      this.sliced[index] = value;
    }
    return value;
  }

  /** String `index` against `key` in JavaScript's string order (negative: it sorts first), without slicing it. */
  compareAt(index: number, key: string): number {
    const text = this.text;
    const start = this.offsets[index]!;
    const length = this.offsets[index + 1]! - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i += 1) {
      const difference = text.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }
}
