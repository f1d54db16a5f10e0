/**
 * What the shopper hears about people from the shop (issue 13): the bot says it is automated before it hands over,
 * a person's words are introduced and closed as a person's, and German names no gender for a person it does not know.
 */
import { describe, expect, it } from 'vitest';
import { deDE } from '../../../../skill/core/i18n/de-DE/messages';
import { enUS } from '../../../../skill/core/i18n/en-US/messages';

const promise = { when: 'by tomorrow around 10 am', reminder: false, withConversation: false, reachable: true };

describe('handoff wording', () => {
  it('says the bot is automated and the answer comes later, never that someone is on the line', () => {
    for (const said of [enUS.handoffOpened(promise), enUS.handoffOpened({ ...promise, withConversation: true })]) {
      expect(said).toMatch(/^I'm an automated assistant, so I can't put you through/);
      expect(said).not.toMatch(/connecting|transferring|please hold/i);
    }
    expect(deDE.handoffOpened({ ...promise, when: 'bis morgen gegen 10 Uhr' })).toMatch(/^Ich bin ein automatischer Assistent und kann dich nicht direkt verbinden\./);
  });

  it('promises no answer later where nothing can bring it, and says how to make it reachable', () => {
    const unreachable = enUS.handoffOpened({ ...promise, reachable: false });
    expect(unreachable).not.toMatch(/next time you open vocart/);
    expect(unreachable).toMatch(/can't bring you the answer later\. To get it, link your shop account: say my link code is/);
    expect(enUS.handoffReplySent({ when: 'by noon', reminder: false, reachable: false })).toBe("Okay, I've passed that on to the shop. A person will answer by noon. Anything else?");
    expect(deDE.handoffOpened({ ...promise, when: 'bis morgen gegen 10 Uhr', reachable: false })).toMatch(/kann ich dir die Antwort später nicht bringen\. Damit du sie bekommst, verknüpfe dein Konto/);
  });

  it("opens and closes a person's words as a person's, for one answer and for several", () => {
    const one = enUS.shopAnswers([{ text: 'A new box is on its way.', agentName: 'Anna' }]);
    expect(one).toBe(
      'You have an answer from the shop. A person from the shop, Anna, wrote: “A new box is on its way.” That was a message from a person at the shop. To answer, say: reply, and then your message.',
    );
    const two = deDE.shopAnswers([{ text: 'Eine neue Kiste ist unterwegs.' }, { text: 'Sie kommt morgen.', agentName: 'Kim' }]);
    expect(two).toBe(
      'Du hast 2 Antworten vom Laden. Eine Person aus dem Laden hat geschrieben: „Eine neue Kiste ist unterwegs.“ Eine Person aus dem Laden, Kim, hat geschrieben: „Sie kommt morgen.“ Das waren Nachrichten von Menschen aus dem Laden. Um zu antworten, sag: richte aus, und dann deine Nachricht.',
    );
  });

  it('names no gender in German for a person it does not know', () => {
    const all = [
      deDE.handoffOpened({ ...promise, when: 'heute gegen 15 Uhr', orderId: 'VABC123' }),
      deDE.handoffShareQuestion,
      deDE.fallbackOfferHandoff,
      deDE.handoffOfferAfterMiss,
      deDE.handoffOfferUnsure,
      deDE.handoffOfferPayment,
      deDE.handoffReplySent({ when: 'heute gegen 15 Uhr', reminder: true, reachable: true }),
      deDE.handoffOpened({ ...promise, when: 'heute gegen 15 Uhr', reachable: false }),
      deDE.shopAnswers([{ text: 'Hallo.' }]),
    ].join(' ');
    expect(all).not.toMatch(/Mitarbeiter(?!\*)|Kundenberater|\b(er|sie) (antwortet|meldet)\b/);
  });
});
