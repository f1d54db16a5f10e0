/**
 * Reply → Dialogflow ES WebhookResponse, in two voices:
 * - `payload.google`, the Assistant's rich response, produced by actions-on-google's conversation object
 *   (SimpleResponse, Suggestions, a List or a BasicCard) so its format is the library's, not a guess;
 * - the generic `fulfillmentText` and `fulfillmentMessages` (text, cards, quick replies, and a Dialogflow
 *   Messenger rich-content payload) that Dialogflow Messenger, phone gateways and other integrations use.
 * Reference: cloud.google.com/dialogflow/es/docs/reference/rest/v2/WebhookResponse and
 * cloud.google.com/dialogflow/es/docs/integrations/dialogflow-messenger (rich response types).
 */
import type { DialogflowConversation } from 'actions-on-google/dist/service/dialogflow/index.js';
import { BasicCard, Image, SimpleResponse, Suggestions } from 'actions-on-google/dist/service/actionssdk/conversation/response/index.js';
import { List, type OptionItem } from 'actions-on-google/dist/service/actionssdk/conversation/helper/index.js';
import type { Display, DisplayItem, Locale, Reply } from '../../core/turn';
import { googleMessages } from './platform-messages';
import { xmlSafeText } from '../speech-text';
import { displayText, plainText, toSsml } from './ssml';

/** Limits of the Assistant's UI elements: a suggestion chip holds 25 characters, a response 8 chips, a list 30 items. */
const MAX_CHIP_CHARS = 25;
const MAX_CHIPS = 8;
const MAX_LIST_ITEMS = 30;
/** Cards are one message each in the generic response: show the first few, the speech covers the rest. */
const MAX_CARDS = 10;

export interface GenericMessage {
  text?: { text: string[] };
  card?: { title: string; subtitle?: string; imageUri?: string };
  quickReplies?: { title?: string; quickReplies: string[] };
  payload?: Record<string, unknown>;
}

function cleanDisplay(display: Display): Display {
  return {
    ...display,
    title: plainText(display.title),
    ...(display.text === undefined ? {} : { text: plainText(display.text) }),
    ...(display.items
      ? {
          items: display.items.map((item) => ({
            ...item,
            title: plainText(item.title),
            ...(item.subtitle === undefined ? {} : { subtitle: plainText(item.subtitle) }),
            ...(item.price === undefined ? {} : { price: plainText(item.price) }),
          })),
        }
      : {}),
  };
}

/**
 * Every text of the reply without what XML and the Assistant cannot carry (control characters, lone surrogates):
 * product names come from a catalog vocart does not control, and one bad character would cost the whole answer.
 */
export function cleanReply(reply: Reply): Reply {
  return {
    ...reply,
    // Speech keeps the core's speech marks: toSsml reads them, displayText and plainText drop them.
    speech: xmlSafeText(reply.speech),
    ...(reply.reprompt === undefined ? {} : { reprompt: xmlSafeText(reply.reprompt) }),
    ...(reply.display ? { display: cleanDisplay(reply.display) } : {}),
    ...(reply.suggestions ? { suggestions: reply.suggestions.map(plainText) } : {}),
  };
}

/** Chips longer than the Assistant allows are left out rather than cut: a chip's text is sent back as the shopper's words. */
export function usableSuggestions(reply: Reply): string[] {
  if (reply.endSession) return [];
  const unique = [...new Set((reply.suggestions ?? []).map((text) => text.trim()).filter(Boolean))];
  return unique.filter((text) => text.length <= MAX_CHIP_CHARS).slice(0, MAX_CHIPS);
}

function itemDetail(item: DisplayItem): string | undefined {
  const parts = [item.subtitle, item.price].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(' · ') : undefined;
}

function uniqueItems(items: DisplayItem[] | undefined): DisplayItem[] {
  const seen = new Set<string>();
  return (items ?? []).filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function itemImage(item: DisplayItem): Image | undefined {
  return item.imageUrl ? new Image({ url: item.imageUrl, alt: item.title }) : undefined;
}

/** The Assistant requires distinct titles in a list; repeated names get their position appended. */
function listOf(title: string | undefined, items: DisplayItem[]): List {
  const titles = new Map<string, number>();
  const entries = items.slice(0, MAX_LIST_ITEMS).map((item, index): [string, OptionItem] => {
    const count = (titles.get(item.title) ?? 0) + 1;
    titles.set(item.title, count);
    const image = itemImage(item);
    const description = itemDetail(item);
    return [
      item.id,
      {
        title: count === 1 ? item.title : `${item.title} (${index + 1})`,
        synonyms: [item.title],
        ...(description ? { description } : {}),
        ...(image ? { image } : {}),
      },
    ];
  });
  return new List({ ...(title ? { title } : {}), items: Object.fromEntries(entries) });
}

function cardFor(item: DisplayItem, text: string | undefined): BasicCard {
  const image = itemImage(item);
  const subtitle = itemDetail(item);
  // A basic card needs an image or a text body.
  const body = text ?? (image ? undefined : (subtitle ?? item.title));
  return new BasicCard({
    title: item.title,
    ...(subtitle ? { subtitle } : {}),
    ...(body ? { text: body } : {}),
    ...(image ? { image } : {}),
  });
}

/** Writes the Assistant rich response onto the actions-on-google conversation (the session context is set by the caller). */
export function renderOnConversation(conv: DialogflowConversation<unknown, unknown>, rawReply: Reply, locale: Locale): void {
  const reply = cleanReply(rawReply);
  const responses: Array<SimpleResponse | Suggestions | BasicCard | List> = [
    new SimpleResponse({ speech: toSsml(reply.speech), text: displayText(reply.speech) }),
  ];
  const items = uniqueItems(reply.display?.items);
  if (reply.linkAccount) {
    const messages = googleMessages(locale);
    responses.push(new BasicCard({ title: messages.linkAccountTitle, text: messages.linkAccountText }));
  } else if (items.length >= 2 && !reply.endSession && reply.display?.choosable) {
    // A list is an Assistant helper: it waits for a selection, so it only fits an open conversation and a display
    // the shopper may choose from (results, not the cart).
    responses.push(listOf(reply.display?.title, items));
  } else if (items.length >= 1) {
    const [first] = items;
    const text = items.length > 1 ? items.map((item) => item.title).join(', ') : reply.display?.text;
    if (first) responses.push(cardFor(first, text));
  } else if (reply.display?.text) {
    responses.push(new BasicCard({ title: reply.display.title, text: reply.display.text }));
  }
  const chips = usableSuggestions(reply);
  if (chips.length) responses.push(new Suggestions(chips));

  if (reply.endSession) {
    conv.close(...responses);
    return;
  }
  conv.ask(...responses);
  if (reply.reprompt) conv.noInputs = [new SimpleResponse({ speech: toSsml(reply.reprompt), text: displayText(reply.reprompt) })];
}

/** Dialogflow Messenger's own rich content: it ignores generic cards and quick replies but renders this payload. */
function messengerPayload(items: DisplayItem[], chips: string[]): GenericMessage | undefined {
  const content: Array<Record<string, unknown>> = items.slice(0, MAX_CARDS).map((item) => {
    const detail = itemDetail(item);
    return {
      type: 'info',
      title: item.title,
      ...(detail ? { subtitle: detail } : {}),
      ...(item.imageUrl ? { image: { src: { rawUrl: item.imageUrl } } } : {}),
    };
  });
  if (chips.length) content.push({ type: 'chips', options: chips.map((text) => ({ text })) });
  return content.length ? { payload: { richContent: [content] } } : undefined;
}

/** The platform-neutral part of the response, for every Dialogflow integration that is not the Assistant. */
export function genericFulfillment(rawReply: Reply, locale: Locale): { fulfillmentText: string; fulfillmentMessages: GenericMessage[] } {
  const reply = cleanReply(rawReply);
  const text = plainText(reply.speech);
  const messages: GenericMessage[] = [{ text: { text: [text] } }];
  if (reply.linkAccount) {
    const platform = googleMessages(locale);
    messages.push({ card: { title: platform.linkAccountTitle, subtitle: platform.linkAccountText } });
    messages.push({ text: { text: [platform.linkAccountText] } });
  }
  const items = uniqueItems(reply.display?.items);
  for (const item of items.slice(0, MAX_CARDS)) {
    const subtitle = itemDetail(item);
    messages.push({ card: { title: item.title, ...(subtitle ? { subtitle } : {}), ...(item.imageUrl ? { imageUri: item.imageUrl } : {}) } });
  }
  const chips = usableSuggestions(reply);
  if (chips.length) messages.push({ quickReplies: { quickReplies: chips } });
  const messenger = messengerPayload(items, chips);
  if (messenger) messages.push(messenger);
  return { fulfillmentText: text, fulfillmentMessages: messages };
}
