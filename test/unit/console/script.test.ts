import { describe, expect, it } from 'vitest';
import { checkStep, parseScript, ScriptFormatError, scriptFromTurns } from '../../../lambda/console/script';
import type { TurnView } from '../../../lambda/console/simulator/types';

function turn(parts: Partial<TurnView>): TurnView {
  return { turn: 1, speech: '', ssml: '', endSession: false, sessionState: {}, platformIntent: 'X', newSession: false, request: {}, response: {}, status: 200, timings: { understandMs: 0, handlerMs: 0, totalMs: 0 }, ...parts };
}

describe('conversation scripts', () => {
  it('fills in both platforms, a launch and unlinked options by default', () => {
    expect(parseScript({ name: 'n', locale: 'de-DE', steps: [{ say: 'ja' }] })).toEqual({
      name: 'n',
      locale: 'de-DE',
      platforms: ['alexa', 'dialogflow'],
      options: { screen: true, linked: false, returning: false },
      launch: true,
      steps: [{ say: 'ja' }],
    });
  });

  it('names the first problem of a malformed script', () => {
    expect(() => parseScript({ name: 'n', locale: 'fr-FR', steps: [{ say: 'oui' }] }, 'fr.json')).toThrow(ScriptFormatError);
    expect(() => parseScript({ name: 'n', locale: 'en-US', steps: [] }, 'empty.json')).toThrow(/^empty\.json: steps /);
    expect(() => parseScript({ name: 'n', locale: 'en-US', steps: [{ say: 'x', expect: { speech: 'typo' } }] })).toThrow(/steps\.0\.expect/);
  });

  it('checks a turn against its expectations: intent, phrases said and not said, end of session, items on screen', () => {
    const reply = turn({ speech: 'I found Bananas, 2 lb, $1.29.', understood: { utterance: 'x', intent: 'SearchProductIntent', slots: {}, score: 1, exact: true }, apl: { title: 't', items: [{ title: 'Bananas' }] } });
    expect(checkStep({ say: 'x', expect: { intent: 'SearchProductIntent', speechIncludes: ['bananas, 2 lb'], speechExcludes: ['placed'], endSession: false, minDisplayItems: 1 } }, reply)).toEqual([]);
    expect(checkStep({ say: 'x', expect: { intent: 'AddToCartIntent', speechIncludes: ['Milk'], speechExcludes: ['Bananas'], endSession: true, minDisplayItems: 2 } }, reply)).toEqual([
      'understood SearchProductIntent, expected AddToCartIntent',
      'the reply does not say "Milk"',
      'the reply says "Bananas"',
      'the session stayed open',
      'the screen shows 1 item(s), expected at least 2',
    ]);
    expect(checkStep({ say: 'x' }, turn({ status: 400 }))).toEqual(['the skill answered HTTP 400']);
  });

  it('saves what was said with the intent reached, skipping launches', () => {
    const saved = scriptFromTurns('mine', { platform: 'alexa', locale: 'en-US', screen: false, linked: true, returning: true }, true, [
      turn({}),
      turn({ utterance: 'add milk', understood: { utterance: 'add milk', intent: 'AddToCartIntent', slots: { product: 'milk' }, score: 1, exact: true } }),
    ]);
    expect(parseScript(saved)).toMatchObject({ launch: true, options: { screen: false, linked: true, returning: true }, steps: [{ say: 'add milk', expect: { intent: 'AddToCartIntent' } }] });
  });
});
