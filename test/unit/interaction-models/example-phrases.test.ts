/**
 * What the skill tells shoppers to say must be something the models understand: the store's example phrases
 * (skill.json), the phrase in a reminder, and the word a results list suggests for more ("more", "weitere"). Each
 * goes through both virtual clients loaded with the generated models.
 */
import { describe, expect, it } from 'vitest';
import { SKILL_TEXTS } from '../../../interaction-models/source/skill';
import { messagesFor } from '../../../skill/core/i18n/messages';
import { vocabularyFor } from '../../../skill/core/i18n/vocabulary';
import type { Locale } from '../../../skill/core/turn';
import { alexaRequest, dialogflowRequest } from './virtual-client-requests';

/** "Alexa, ask vocart shop to add oat milk" → "add oat milk"; undefined for a launch ("Alexa, open vocart shop"). */
function requestAfterInvocation(phrase: string, locale: Locale): string | undefined {
  const invocation = SKILL_TEXTS[locale].invocationName;
  const asking = locale === 'en-US' ? '(?:ask|tell)' : '(?:frag|frage|sag|sage)';
  const match = new RegExp(`^Alexa, ${asking} ${invocation},? (?:to )?(.+?)[.!?]?$`, 'i').exec(phrase.trim());
  return match?.[1];
}

const EXPECTED: Record<Locale, { examples: string[]; reminder: string }> = {
  'en-US': { examples: ['AddToCartIntent', 'ReadCartIntent'], reminder: 'ReplenishmentIntent' },
  'de-DE': { examples: ['AddToCartIntent', 'ReadCartIntent'], reminder: 'ReplenishmentIntent' },
};

describe.each(['en-US', 'de-DE'] as const)('phrases the skill suggests in %s', (locale) => {
  const requests = SKILL_TEXTS[locale].examplePhrases.flatMap((phrase) => requestAfterInvocation(phrase, locale) ?? []);

  it('has example phrases that are requests', () => {
    expect(requests).toHaveLength(EXPECTED[locale].examples.length);
  });

  it('understands the skill.json example phrases on both platforms', async () => {
    for (const [index, request] of requests.entries()) {
      expect((await alexaRequest(locale, request)).intent?.name, request).toBe(EXPECTED[locale].examples[index]);
      expect((await dialogflowRequest(locale, request)).intent.displayName, request).toBe(EXPECTED[locale].examples[index]);
    }
  });

  it('understands what a reminder tells the shopper to say', async () => {
    const reminder = messagesFor(locale).reminderText('coffee');
    const said = /Alexa, .+$/.exec(reminder)?.[0];
    const request = said && requestAfterInvocation(said, locale);
    expect(request, reminder).toBeDefined();
    expect((await alexaRequest(locale, request!)).intent?.name, request).toBe(EXPECTED[locale].reminder);
    expect((await dialogflowRequest(locale, request!)).intent.displayName, request).toBe(EXPECTED[locale].reminder);
  });

  it('understands the word the results prompt suggests for more', async () => {
    const prompt = messagesFor(locale).whichOne.toLowerCase();
    const suggested = vocabularyFor(locale).more.filter((word) => new RegExp(`\\b${word}\\b`, 'u').test(prompt));
    expect(suggested, prompt).not.toHaveLength(0);
    for (const word of suggested) {
      expect((await alexaRequest(locale, word)).intent?.name, word).toBe('AMAZON.MoreIntent');
      expect((await dialogflowRequest(locale, word)).intent.displayName, word).toBe('MoreIntent');
    }
  });
});
