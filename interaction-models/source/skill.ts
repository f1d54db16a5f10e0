/**
 * What the stores and consoles show about the skill, and the placeholders a deployer replaces.
 * Hosts under .example are reserved names (RFC 2606): they can never point at someone's real server.
 */
import type { PerLocale, SkillTexts } from './types';

export const SKILL_TEXTS: PerLocale<SkillTexts> = {
  'en-US': {
    invocationName: 'vocart shop',
    name: 'vocart shop',
    summary: 'Shop groceries and household goods by voice.',
    description:
      'vocart is a voice shopping assistant for the vocart demo shop. Search products, fill your cart, check ' +
      'out with a read-back and an explicit yes, track orders and reorder what is running low. Link your shop ' +
      'account so your cart and order history follow you across devices.',
    examplePhrases: ['Alexa, open vocart shop', 'Alexa, ask vocart shop to add oat milk to my list', "Alexa, ask vocart shop what's on my list"],
    keywords: ['shopping', 'groceries', 'cart', 'reorder', 'shopping list'],
  },
  'de-DE': {
    invocationName: 'vocart laden',
    name: 'vocart Laden',
    summary: 'Lebensmittel und Haushaltswaren per Sprache einkaufen.',
    description:
      'vocart ist ein Einkaufsassistent für den vocart-Demoladen. Suche Produkte, fülle deinen Warenkorb, ' +
      'bestelle nach einer Zusammenfassung und deinem ausdrücklichen Ja, verfolge Bestellungen und bestelle ' +
      'nach, was zur Neige geht. Verknüpfe dein Kundenkonto, damit Warenkorb und Bestellhistorie überall gleich sind.',
    examplePhrases: ['Alexa, öffne vocart laden', 'Alexa, sage vocart laden setz Hafermilch auf meine Einkaufsliste', 'Alexa, frage vocart laden was auf meiner Liste steht'],
    keywords: ['einkaufen', 'lebensmittel', 'warenkorb', 'einkaufsliste', 'nachbestellen'],
  },
};

export const PLACEHOLDERS = {
  /** Replace with the Lambda ARN (ASK CLI lambda deployer) or the HTTPS URL of POST /alexa. */
  alexaEndpoint: 'https://vocart.example/alexa',
  /** Replace with the URL of POST /google after deploying (README: connecting a Dialogflow agent). */
  dialogflowWebhook: 'https://vocart.example/google',
  privacyPolicyUrl: 'https://vocart.example/privacy',
  termsOfUseUrl: 'https://vocart.example/terms',
  smallIconUri: 'https://images.vocart.example/icons/vocart-108.png',
  largeIconUri: 'https://images.vocart.example/icons/vocart-512.png',
} as const;
