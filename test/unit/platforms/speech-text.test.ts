import { ResponseFactory } from 'ask-sdk-core';
import { describe, expect, it } from 'vitest';
import { escapeSsmlText, truncateText, xmlSafeText } from '../../../skill/platforms/speech-text';
import { toSsml as alexaSsml } from '../../../skill/platforms/alexa/ssml';
import { toCoreSlots } from '../../../skill/platforms/alexa/slots';
import { addCard } from '../../../skill/platforms/alexa/cards';
import { displayText, toSsml as googleSsml } from '../../../skill/platforms/google/ssml';
import { genericFulfillment } from '../../../skill/platforms/google/reply-to-response';

const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
const GRIN = '😀'; // \uD83D\uDE00
/** Every character XML 1.0 forbids that a string can hold. */
const FORBIDDEN = `\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF${LONE_HIGH}x${LONE_LOW}`;

/** No lone surrogate: encodeURIComponent throws on one (String#isWellFormed is past this project's lib). */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function xmlValid(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text) && wellFormed(text);
}

describe('xmlSafeText', () => {
  it('removes C0 controls, U+FFFE/U+FFFF and lone surrogates, and keeps tab, newline, CR and whole emoji', () => {
    expect(xmlSafeText(`a${FORBIDDEN}b`)).toBe('axb');
    expect(xmlSafeText(`tab\tnl\ncr\r ${GRIN} Crème brûlée`)).toBe(`tab\tnl\ncr\r ${GRIN} Crème brûlée`);
    expect(xmlSafeText(`${LONE_LOW}${LONE_HIGH}`)).toBe('');
  });

  it('escapes markup after cleaning', () => {
    expect(escapeSsmlText(`Ben & Jerry's <b>\u0000`)).toBe('Ben &amp; Jerry&apos;s &lt;b&gt;');
  });
});

describe('truncateText', () => {
  it('cuts between code points, never inside an emoji', () => {
    const text = `ab${GRIN}cd`;
    expect(truncateText(text, 3)).toBe('ab');
    expect(truncateText(text, 4)).toBe(`ab${GRIN}`);
    expect(truncateText(text, 4, '…')).toBe('ab…');
    expect(truncateText(text, 10)).toBe(text);
    for (let max = 0; max <= text.length; max += 1) expect(wellFormed(truncateText(text, max))).toBe(true);
  });
});

describe('speech on both platforms', () => {
  it('sends XML-valid SSML whatever the core says', () => {
    for (const ssml of [alexaSsml(`Milk ${FORBIDDEN} ${GRIN}`), googleSsml(`Milk ${FORBIDDEN} ${GRIN}`)]) {
      expect(xmlValid(ssml)).toBe(true);
      expect(ssml).toContain(GRIN);
    }
  });

  it('cuts Dialogflow display text on code points', () => {
    const text = `${'a'.repeat(638)}${GRIN}${GRIN}`;
    const shown = displayText(text);
    expect(shown.length).toBeLessThanOrEqual(640);
    expect(wellFormed(shown)).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('cleans every text of the Dialogflow generic response', () => {
    const response = genericFulfillment(
      {
        speech: `Found ${LONE_HIGH}it\u0000`,
        display: { title: `T\u0001`, items: [{ id: 'p1', title: `Soap${LONE_LOW}`, subtitle: 'big\u0002', price: '$1' }] },
        suggestions: ['yes\u0003'],
        endSession: false,
        sessionState: {},
      },
      'en-US',
    );
    const serialised = JSON.stringify(response);
    expect(xmlValid(JSON.parse(serialised).fulfillmentText)).toBe(true);
    expect(serialised).not.toMatch(/\\u000[0-3]|\\ud83d|\\ude00/i);
  });

  it('cuts Alexa slot text on code points and cleans it', () => {
    const slots = toCoreSlots({ product: { name: 'product', value: `${'a'.repeat(199)}${GRIN}tail\u0000`, confirmationStatus: 'NONE' } });
    expect(slots.product?.raw).toBe('a'.repeat(199));
    expect(wellFormed(slots.product?.raw ?? '')).toBe(true);
  });

  it('cleans and cuts Alexa card text', () => {
    const builder = ResponseFactory.init();
    addCard(builder, {
      speech: 'x',
      display: { title: `Cart\u0000`, text: `${'b'.repeat(3998)}${GRIN}${GRIN}`, items: [] },
      endSession: false,
      sessionState: {},
    });
    const card = builder.getResponse().card as { title: string; content: string };
    expect(card.title).toBe('Cart');
    expect(card.content.length).toBeLessThanOrEqual(4000);
    expect(wellFormed(card.content)).toBe(true);
  });
});
