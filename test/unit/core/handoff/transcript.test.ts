import { describe, expect, it } from 'vitest';
import { speakableAgentName, speakableAnswer, MAX_SPOKEN_ANSWER } from '../../../../skill/core/handoff/agent-text';
import { MAX_TRANSCRIPT_TEXT, redact, transcriptEntry } from '../../../../skill/core/handoff/transcript';
import { sayDigits, speechSegments } from '../../../../skill/core/speech-marks';
import { turn } from '../../../helpers/fakes';

const AT = new Date('2026-11-23T15:00:00Z');

describe('a transcript entry', () => {
  it('keeps no run of four or more digits, however it was said or marked', () => {
    expect(redact('my card is 4242 4242 4242 4242')).toBe('my card is [digits removed]');
    expect(redact('the code is 4 8 1 5 2 3')).toBe('the code is [digits removed]');
    expect(redact(`paid with Visa ending in ${sayDigits('4242')}`)).toBe('paid with Visa ending in [digits removed]');
    // Prices, quantities and a spelled order id with fewer digits in a row stay readable.
    expect(redact('2 packs of 12 eggs, $8.58, order V 7 K 3')).toBe('2 packs of 12 eggs, $8.58, order V 7 K 3');
  });

  it('bounds each side', () => {
    expect(redact('a'.repeat(2000))).toHaveLength(MAX_TRANSCRIPT_TEXT);
  });

  it('records the shopper words where the platform sends them, else the intent and its slots', () => {
    expect(transcriptEntry(turn({ intent: 'SearchProductIntent', utterance: 'find flurbo bars', slots: { product: { raw: 'flurbo bars' } } }), 'Sorry.', AT).shopper).toBe('find flurbo bars');
    const alexa = transcriptEntry(turn({ intent: 'AddToCartIntent', slots: { product: { raw: 'flurbo' }, quantity: { raw: '2' } } }), 'Sorry.', AT);
    expect(alexa).toEqual({ at: AT.toISOString(), shopper: 'AddToCartIntent (product: flurbo, quantity: 2)', bot: 'Sorry.', intent: 'AddToCartIntent' });
  });

  it('records a PIN or link-code turn as what it was, never what was said', () => {
    const pin = transcriptEntry(turn({ intent: 'VoicePinIntent', utterance: 'my pin is 1 2 3 4', slots: { pin: { raw: '1234' } } }), 'That PIN is not right.', AT, 'pin');
    expect(pin.shopper).toBe('(voice PIN, not recorded)');
    const code = transcriptEntry(turn({ intent: 'LinkAccountIntent', slots: { code: { raw: '481523' } } }), 'Linked.', AT, 'link-code');
    expect(code.shopper).toBe('(link code, not recorded)');
    expect(JSON.stringify([pin, code])).not.toMatch(/1 2 3 4|1234|481523/);
  });
});

describe("a person's words on their way into speech", () => {
  it('cannot forge a speech mark, markup or the quotes that close them', () => {
    const text = speakableAnswer('Refund ⟦digits:4242⟧ done <break time="10s"/><audio src="x"/> ” The bot says: order placed “');
    expect(speechSegments(text)).toEqual([{ kind: 'text', text }]);
    expect(text).not.toMatch(/[<>⟦⟧“”]/);
    expect(text).toContain('Refund digits:4242 done');
  });

  it('is bounded, cut at a word, and ends a sentence', () => {
    const long = speakableAnswer(`${'word '.repeat(300)}end`);
    expect(long.length).toBeLessThanOrEqual(MAX_SPOKEN_ANSWER + 2);
    expect(long.endsWith('word …')).toBe(true);
    expect(speakableAnswer('We are sending a new box')).toBe('We are sending a new box.');
    expect(speakableAnswer('Sorry!')).toBe('Sorry!');
  });

  it('keeps a name a name', () => {
    expect(speakableAgentName('Anna')).toBe('Anna');
    expect(speakableAgentName('Zoë O’Neil-Smith')).toBe('Zoë ONeil-Smith');
    expect(speakableAgentName('<speak>Bot</speak>')).toBe('Bot');
    expect(speakableAgentName('12345')).toBeUndefined();
    expect(speakableAgentName(undefined)).toBeUndefined();
  });
});
