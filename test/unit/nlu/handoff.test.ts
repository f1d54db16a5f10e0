/**
 * Offline understanding of the handoff phrasings (issue 13), as the console and `npm run chat` hand them to the
 * skill: asking for a person, an order problem with the problem word in its slot, and "tell them …" with the
 * shopper's own words in the free-text `message` slot, whole, and nothing of the carrier words around it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstanding, FALLBACK_INTENT, type Understanding } from '../../../lambda/nlu/index';

let english: Understanding;
let german: Understanding;

beforeAll(async () => {
  [english, german] = await Promise.all([createUnderstanding('en-US'), createUnderstanding('de-DE')]);
});

const understanding = (locale: 'en-US' | 'de-DE') => (locale === 'en-US' ? english : german);

describe('"tell them …": the message as said', () => {
  it.each([
    ['en-US', 'tell them the box was wet', 'the box was wet'],
    ['en-US', 'Tell the shop I will be home on Monday.', 'i will be home on monday'],
    ['en-US', 'reply yes please refund me', 'yes please refund me'],
    ['en-US', 'answer them the eggs are fine now', 'the eggs are fine now'],
    ['en-US', 'can you tell them thanks a lot', 'thanks a lot'],
    ['en-US', "let them know that I'm not home until six", "i'm not home until six"],
    ['en-US', 'tell them to add milk to my order', 'to add milk to my order'],
    ['de-DE', 'sag ihnen die Kiste war nass', 'die kiste war nass'],
    ['de-DE', 'antworte ja gerne', 'ja gerne'],
    ['de-DE', 'richte aus ich bin morgen ab zehn zu Hause', 'ich bin morgen ab zehn zu hause'],
    ['de-DE', 'sag dem Laden bitte dass die Eier heil sind', 'die eier heil sind'],
  ] as const)('%s: "%s" → message "%s"', async (locale, utterance, message) => {
    const understood = await understanding(locale).understand(utterance);
    expect(understood.intent).toBe('HandoffReplyIntent');
    expect(understood.slots).toEqual({ message });
  });

  it('keeps a long message whole, past the length of any product name', async () => {
    const message = 'the box was wet and two of the eggs were broken but the milk and the bread were fine thank you for asking';
    expect((await english.understand(`tell them ${message}`)).slots.message).toBe(message);
  });

  it('is sure of a sample it matched, so the Dialogflow simulator reports a high confidence', async () => {
    expect((await english.understand('tell them the box was wet')).score).toBe(1);
  });
});

describe('asking for a person', () => {
  it.each([
    ['en-US', 'talk to a person'],
    ['en-US', 'I want to speak to someone'],
    ['en-US', 'customer service'],
    ['en-US', 'can I talk to a real person'],
    ['en-US', 'get me an agent'],
    ['en-US', 'can I get a real person on the line'],
    ['de-DE', 'mit einem Menschen sprechen'],
    ['de-DE', 'Kundenservice'],
    ['de-DE', 'ich möchte mit jemandem sprechen'],
    ['de-DE', 'verbinde mich mit einem Mitarbeiter'],
    ['de-DE', 'kann ich bitte mit einem echten Menschen reden'],
  ] as const)('%s: "%s" → HumanHandoffIntent', async (locale, utterance) => {
    expect(await understanding(locale).understand(utterance)).toMatchObject({ intent: 'HumanHandoffIntent', slots: {} });
  });

  it('is not what a request that shares only common words with it means: nobody gets a case for a joke', async () => {
    expect((await german.understand('erzähl mir einen witz')).intent).toBe(FALLBACK_INTENT);
    expect((await english.understand('tell me a joke')).intent).toBe(FALLBACK_INTENT);
  });
});

describe('an order problem', () => {
  it.each([
    ['en-US', 'my order arrived damaged', 'damaged'],
    ['en-US', 'items are missing', 'missing'],
    ['en-US', 'I got the wrong item', 'wrong'],
    ['en-US', 'my delivery is late', 'late'],
    ['en-US', 'my package never arrived', 'never arrived'],
    ['de-DE', 'meine Lieferung ist beschädigt', 'beschädigt'],
    ['de-DE', 'es fehlen Artikel', 'fehlen'],
    ['de-DE', 'ich habe den falschen Artikel bekommen', 'falschen'],
    ['de-DE', 'meine Bestellung ist nicht angekommen', 'nicht angekommen'],
  ] as const)('%s: "%s" → OrderProblemIntent with the problem words "%s"', async (locale, utterance, problem) => {
    expect(await understanding(locale).understand(utterance)).toMatchObject({ intent: 'OrderProblemIntent', slots: { problem } });
  });

  it('needs no problem word to be one', async () => {
    expect(await english.understand("there's a problem with my order")).toMatchObject({ intent: 'OrderProblemIntent', slots: {} });
    expect(await german.understand('ich habe ein Problem mit meiner Lieferung')).toMatchObject({ intent: 'OrderProblemIntent', slots: {} });
  });
});

describe('a request after a one-word answer', () => {
  it('is the request ("ja, setz Milch auf die Liste"), and a bare answer stays an answer', async () => {
    expect(await german.understand('ja bitte setz milch auf die liste')).toMatchObject({ intent: 'AddToCartIntent', slots: { product: 'milch' } });
    expect(await english.understand('yes add milk to my list')).toMatchObject({ intent: 'AddToCartIntent', slots: { product: 'milk' } });
    expect((await german.understand('ja bitte')).intent).toBe('YesIntent');
    expect((await english.understand('yes please')).intent).toBe('YesIntent');
  });
});

describe('the handoff fixtures', () => {
  it.each(['en-US', 'de-DE'] as const)('%s: every labelled handoff phrasing lands on its intent', async (locale) => {
    const path = fileURLToPath(new URL(`../../fixtures/nlu/handoff.${locale}.jsonl`, import.meta.url));
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { utterance: string; intent: string });
    expect(lines.length).toBeGreaterThan(25);
    const wrong: string[] = [];
    for (const { utterance, intent } of lines) {
      const understood = await understanding(locale).understand(utterance);
      if (understood.intent !== intent) wrong.push(`${utterance} → ${understood.intent} (expected ${intent})`);
    }
    expect(wrong).toEqual([]);
  });
});
