import type { ResponseBuilder } from 'ask-sdk-core';
import type { Display, Reply } from '../../core/turn';
import { truncateText, xmlSafeText } from '../speech-text';

/** Alexa's card limit for title and content together is 8000 characters; stay well inside it. */
const MAX_CARD_TEXT = 4000;
const MAX_CARD_TITLE = 200;

function cardText(display: Display): string {
  const lines: string[] = [];
  if (display.text) lines.push(display.text);
  for (const item of display.items ?? []) {
    const detail = [item.subtitle, item.price].filter(Boolean).join(', ');
    lines.push(detail ? `• ${item.title} (${detail})` : `• ${item.title}`);
  }
  return truncateText(xmlSafeText(lines.join('\n')), MAX_CARD_TEXT, '…');
}

/** Alexa fetches card images itself and only over HTTPS. */
function cardImage(display: Display): string | undefined {
  return display.items?.map((item) => item.imageUrl).find((url) => url?.startsWith('https://'));
}

/**
 * One card per response, so the one the shopper must act on wins: linking an account, then whatever the reply
 * shows. (The reminders permission is asked for by voice: see reply-to-response.ts.)
 */
export function addCard(builder: ResponseBuilder, reply: Reply): void {
  if (reply.linkAccount) {
    builder.withLinkAccountCard();
    return;
  }
  if (!reply.display) return;
  const image = cardImage(reply.display);
  const text = cardText(reply.display);
  const title = truncateText(xmlSafeText(reply.display.title), MAX_CARD_TITLE, '…');
  if (image) builder.withStandardCard(title, text, image, image);
  else builder.withSimpleCard(title, text);
}
