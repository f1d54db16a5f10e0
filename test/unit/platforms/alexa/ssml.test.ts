import { describe, expect, it } from 'vitest';
import { sayDigits } from '../../../../skill/core/speech-marks';
import { escapeSsml, toSsml } from '../../../../skill/platforms/alexa/ssml';

describe('SSML', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeSsml(`Ben & Jerry's "Chunky" <Monkey>`)).toBe('Ben &amp; Jerry&apos;s &quot;Chunky&quot; &lt;Monkey&gt;');
  });

  it('turns text that looks like SSML into spoken text, not markup', () => {
    expect(toSsml('<break time="10s"/>milk')).toBe('<speak>&lt;break time=&quot;10s&quot;/&gt;milk</speak>');
  });

  it('removes control characters that are invalid in XML', () => {
    expect(toSsml('milk\u0000\u0007 and eggs')).toBe('<speak>milk and eggs</speak>');
  });

  it('keeps umlauts and eszett as they are', () => {
    expect(toSsml('Süßkartoffeln für 2,49 €')).toBe('<speak>Süßkartoffeln für 2,49 €</speak>');
  });
});

describe('speech marks in SSML', () => {
  it('reads a marked card ending digit by digit with say-as digits, not as a number', () => {
    expect(toSsml(`Paid with Visa ending in ${sayDigits('4242')}.`)).toBe('<speak>Paid with Visa ending in <say-as interpret-as="digits">4242</say-as>.</speak>');
  });

  it('escapes the text around a mark and never turns unmarked digits into markup', () => {
    expect(toSsml(`M&M ${sayDigits('1234')} and 4242`)).toBe('<speak>M&amp;M <say-as interpret-as="digits">1234</say-as> and 4242</speak>');
  });
});
