import type { Locale } from '../../core/turn';

/**
 * Alexa sends a full locale (en-GB, de-AT…). The core speaks en-US and de-DE, so a shopper on any German
 * locale hears German and everyone else hears US English, rather than being turned away.
 */
export function toCoreLocale(alexaLocale: string | undefined): Locale {
  const language = alexaLocale?.toLowerCase().split(/[-_]/)[0];
  return language === 'de' ? 'de-DE' : 'en-US';
}
