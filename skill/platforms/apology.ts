/**
 * The one sentence an adapter says on its own: the last-resort apology when translating a request failed or the
 * core could not answer. Both platforms take it from here, so they cannot drift apart on it; everything else the
 * shopper hears comes from the core.
 */
import type { Locale } from '../core/turn';

export interface Apology {
  speech: string;
  reprompt: string;
}

const APOLOGIES: Readonly<Record<Locale, Apology>> = {
  'en-US': {
    speech: 'Sorry, something went wrong on my side. Please try again in a moment.',
    reprompt: 'Please try again, or say help.',
  },
  'de-DE': {
    speech: 'Entschuldigung, bei mir ist gerade etwas schiefgegangen. Bitte versuch es gleich noch einmal.',
    reprompt: 'Bitte versuch es noch einmal, oder sag Hilfe.',
  },
};

export function apologyFor(locale: Locale): Apology {
  return APOLOGIES[locale];
}
