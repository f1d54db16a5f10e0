/**
 * Helpers every locale's sentences use the same way.
 */
import type { PackLineWords } from './message-types';

/** The pieces asked for are worth saying back only when the packs hold a different number. */
export function askedDiffers(line: PackLineWords): boolean {
  return line.unitsAsked !== undefined && line.unitsAsked !== line.packs * (line.unitsPerPack ?? 1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Order numbers are read character by character ("V 7 K 3…"), not as a word. */
export function spell(code: string): string {
  return code.split('').join(' ');
}
