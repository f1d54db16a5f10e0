import { describe, expect, it } from 'vitest';
import { sayDigits, speechSegments, withoutSpeechMarks } from '../../../skill/core/speech-marks';
import { enUS } from '../../../skill/core/i18n/en-US/messages';
import { deDE } from '../../../skill/core/i18n/de-DE/messages';

describe('speech marks', () => {
  it('marks digits without any platform markup, and cuts the speech back into text and digits', () => {
    const speech = `paid with ${sayDigits('4242')}.`;
    expect(speech).not.toMatch(/<|say-as/);
    expect(speechSegments(speech)).toEqual([
      { kind: 'text', text: 'paid with ' },
      { kind: 'digits', digits: '4242' },
      { kind: 'text', text: '.' },
    ]);
    expect(withoutSpeechMarks(speech)).toBe('paid with 4242.');
  });

  it('keeps only digits in a mark, and leaves unmarked speech whole', () => {
    expect(withoutSpeechMarks(sayDigits('42-42'))).toBe('4242');
    expect(speechSegments('no marks here')).toEqual([{ kind: 'text', text: 'no marks here' }]);
  });

  it('reads the card ending as marked digits in both locales, never "…4242"', () => {
    expect(enUS.cardEnding('Visa', sayDigits('4242'))).toBe(`Visa ending in ${sayDigits('4242')}`);
    expect(deDE.cardEnding('Visa', sayDigits('4242'))).toBe(`Visa mit den Endziffern ${sayDigits('4242')}`);
  });
});
