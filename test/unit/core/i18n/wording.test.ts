/**
 * Sentences the shopper heard wrong on both platforms (issue 12, "Screens and speech"). The core says them the same
 * way on Alexa and Dialogflow, so the words are checked where they are written.
 */
import { describe, expect, it } from 'vitest';
import { deDE } from '../../../../skill/core/i18n/de-DE/messages';
import { enUS } from '../../../../skill/core/i18n/en-US/messages';

describe('wording', () => {
  it('asks about one item without "all 1 item"', () => {
    expect(enUS.clearConfirm(1)).toBe('Do you really want to remove the one item in your cart?');
    expect(enUS.clearConfirm(3)).toBe('Do you really want to remove all 3 items from your cart?');
    expect(deDE.clearConfirm(1)).not.toMatch(/alle 1/);
  });

  it('says a product is not in the cart without a verb that must agree with the shopper\'s words', () => {
    expect(enUS.notInCart('bananas')).toBe("I don't see bananas in your cart.");
    expect(deDE.notInCart('Bananen')).toBe('Ich finde Bananen nicht in deinem Warenkorb.');
  });

  it('says when and where reminders were turned on without "turned reminders on Tuesday … on Alexa"', () => {
    const list = { since: 'Tuesday, March 3', platform: 'Alexa', products: 'coffee', excluded: '', only: true };
    expect(enUS.remindersList(list)).toBe('You turned on reminders with Alexa on Tuesday, March 3. I remind you only about coffee.');
    expect(deDE.remindersList({ ...list, since: 'Dienstag, 3. März', products: 'Kaffee' })).toBe(
      'Du hast die Erinnerungen am Dienstag, 3. März mit Alexa eingeschaltet. Ich erinnere dich nur an Kaffee.',
    );
  });

  it('names vocart, not "this skill", in what every platform hears', () => {
    expect(enUS.eraseConfirm).toMatch(/everything vocart remembers/);
    expect(deDE.eraseConfirm).toMatch(/was vocart über dich/);
    expect(`${enUS.eraseConfirm} ${enUS.help} ${enUS.welcomeFirst}`).not.toMatch(/this skill/i);
    expect(`${deDE.eraseConfirm} ${deDE.help} ${deDE.welcomeFirst}`).not.toMatch(/dieser Skill/i);
  });

  it('offers a German product in words that agree with any gender or number (the catalog knows neither)', () => {
    for (const product of ['Bananen', 'Vollmilch', 'Kaffee']) {
      const said = [deDE.foundOne(product), deDE.nudge(product), deDE.runningLow(product), deDE.reminderText(product)].join(' ');
      expect(said).not.toMatch(/Soll ich es |geht dir wahrscheinlich/);
      expect(deDE.nudge(product)).toBe(`Übrigens: Bei ${product} wird es wahrscheinlich bald knapp. Soll ich das in den Warenkorb legen?`);
    }
    expect(deDE.runningLow('Milch und Bananen')).toBe('Bei Milch und Bananen wird es wahrscheinlich bald knapp. Soll ich sie in den Warenkorb legen?');
  });
});
