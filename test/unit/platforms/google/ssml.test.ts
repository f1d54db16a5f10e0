import { describe, expect, it } from 'vitest';
import { sayDigits } from '../../../../skill/core/speech-marks';
import type { Reply } from '../../../../skill/core/turn';
import { genericFulfillment } from '../../../../skill/platforms/google/reply-to-response';
import { displayText, toSsml } from '../../../../skill/platforms/google/ssml';

const readback = `Paid with Visa ending in ${sayDigits('4242')}. Shall I place the order?`;

describe('speech marks on Dialogflow', () => {
  it('reads a marked card ending character by character in the Assistant SSML', () => {
    expect(toSsml(readback)).toBe('<speak>Paid with Visa ending in <say-as interpret-as="characters">4242</say-as>. Shall I place the order?</speak>');
  });

  it('shows and sends the plain digits where the reply is text', () => {
    expect(displayText(readback)).toBe('Paid with Visa ending in 4242. Shall I place the order?');
    const reply: Reply = { speech: readback, endSession: false, sessionState: {} };
    const generic = genericFulfillment(reply, 'en-US');
    expect(generic.fulfillmentText).toBe('Paid with Visa ending in 4242. Shall I place the order?');
    expect(generic.fulfillmentMessages[0]).toEqual({ text: { text: ['Paid with Visa ending in 4242. Shall I place the order?'] } });
  });
});
