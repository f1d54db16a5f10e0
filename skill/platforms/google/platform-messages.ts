/**
 * The few words the Google adapter shows on its own: facts about this platform (how linking works here). The
 * last-resort apology is shared with Alexa (../apology.ts); everything else comes from the core.
 */
import type { Locale } from '../../core/turn';

export interface GooglePlatformMessages {
  /** Dialogflow has no account-linking card (the Assistant's sign-in helper went with Conversational Actions). */
  linkAccountTitle: string;
  linkAccountText: string;
}

const MESSAGES: Readonly<Record<Locale, GooglePlatformMessages>> = {
  'en-US': {
    linkAccountTitle: 'Link your account',
    linkAccountText:
      'Sign in to your shop account on the shop website and connect it there; after that, your orders and saved payment method work here too.',
  },
  'de-DE': {
    linkAccountTitle: 'Konto verknüpfen',
    linkAccountText:
      'Melde dich auf der Website des Shops in deinem Kundenkonto an und verknüpfe es dort; danach funktionieren Bestellungen und deine gespeicherte Zahlungsart auch hier.',
  },
};

export function googleMessages(locale: Locale): GooglePlatformMessages {
  return MESSAGES[locale];
}
