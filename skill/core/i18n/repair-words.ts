/** The repair words of a locale: one home per locale (i18n/<locale>/repair-words.ts), looked up here. */
import type { Locale } from '../turn';
import { deDERepairWords } from './de-DE/repair-words';
import { enUSRepairWords } from './en-US/repair-words';
import type { RepairWords } from './repair-word-types';

export type { RepairWords } from './repair-word-types';

const byLocale: Record<Locale, RepairWords> = { 'en-US': enUSRepairWords, 'de-DE': deDERepairWords };

export function repairWordsFor(locale: Locale): RepairWords {
  return byLocale[locale];
}
