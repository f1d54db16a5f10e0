/**
 * Every sentence the skill says, per locale. Handlers choose what to say; the locale files (i18n/<locale>/messages.ts)
 * say how, so a new locale is one more file of the same shape (the type checker lists what is missing).
 */
import type { Locale } from '../turn';
import { deDE } from './de-DE/messages';
import { enUS } from './en-US/messages';
import type { Messages } from './message-types';

export type { Messages, PackLineWords } from './message-types';

const byLocale: Record<Locale, Messages> = { 'en-US': enUS, 'de-DE': deDE };

export function messagesFor(locale: Locale): Messages {
  return byLocale[locale];
}
