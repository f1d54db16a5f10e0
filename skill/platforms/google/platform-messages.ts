/**
 * The few words the Google adapter says on its own: facts about this platform (how linking works here)
 * and the last-resort apology when the core could not answer. Everything else comes from the core.
 */
import type { Locale } from '../../core/turn';

export interface GooglePlatformMessages {
  /** Dialogflow has no account-linking card (the Assistant's sign-in helper went with Conversational Actions). */
  linkAccountTitle: string;
  linkAccountText: string;
  /** The core failed: a spoken apology instead of an error page. */
  apology: string;
  apologyReprompt: string;
}

const MESSAGES: Readonly<Record<Locale, GooglePlatformMessages>> = {
  'en-US': {
    linkAccountTitle: 'Link your account',
    linkAccountText:
      'Sign in to your shop account on the shop website and connect it there; after that, your orders and saved payment method work here too.',
    apology: 'Sorry, something went wrong on my side. Please try that again in a moment.',
    apologyReprompt: 'Please try again, or say help.',
  },
  'de-DE': {
    linkAccountTitle: 'Konto verknüpfen',
    linkAccountText:
      'Melde dich auf der Website des Shops in deinem Kundenkonto an und verknüpfe es dort; danach funktionieren Bestellungen und deine gespeicherte Zahlungsart auch hier.',
    apology: 'Entschuldigung, bei mir ist gerade etwas schiefgegangen. Bitte versuche es gleich noch einmal.',
    apologyReprompt: 'Bitte versuche es noch einmal, oder sag Hilfe.',
  },
};

export function googleMessages(locale: Locale): GooglePlatformMessages {
  return MESSAGES[locale];
}
