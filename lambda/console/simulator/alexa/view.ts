/** An Alexa ResponseEnvelope as the device presents it: speech, reprompt, card, the APL product list, directives. */
import type { ResponseEnvelope } from 'ask-sdk-model';
import { spokenText } from '../speech';
import type { CardView, ListView, ReplyView } from '../types';

function cardOf(card: Record<string, any> | undefined): CardView | undefined {
  if (!card) return undefined;
  const imageUrl = card.image?.largeImageUrl ?? card.image?.smallImageUrl;
  return {
    type: String(card.type),
    ...(card.title ? { title: String(card.title) } : {}),
    ...(card.content || card.text ? { text: String(card.content ?? card.text) } : {}),
    ...(imageUrl ? { imageUrl: String(imageUrl) } : {}),
  };
}

/** The product list's data source, as the skill's APL document binds it (title, text, items with detail and image). */
function aplOf(directives: Array<Record<string, any>>): ListView | undefined {
  const render = directives.find((directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument');
  const products = render?.datasources?.products;
  if (!products) return undefined;
  return {
    title: String(products.title ?? ''),
    ...(products.text ? { text: String(products.text) } : {}),
    items: (products.items ?? []).map((item: Record<string, unknown>) => ({
      ...(item.id ? { id: String(item.id) } : {}),
      title: String(item.title ?? ''),
      ...(item.detail ? { detail: String(item.detail) } : {}),
      ...(item.imageUrl ? { imageUrl: String(item.imageUrl) } : {}),
    })),
  };
}

export function alexaView(envelope: ResponseEnvelope | undefined): ReplyView {
  const response = envelope?.response ?? {};
  const speech = spokenText(response.outputSpeech as never);
  const reprompt = spokenText(response.reprompt?.outputSpeech as never).text;
  const directives = (response.directives ?? []) as Array<Record<string, any>>;
  const card = cardOf(response.card as Record<string, any> | undefined);
  const apl = aplOf(directives);
  return {
    speech: speech.text,
    ssml: speech.ssml,
    ...(reprompt ? { reprompt } : {}),
    ...(card ? { card } : {}),
    ...(apl ? { apl } : {}),
    directives: directives.map((directive) => String(directive.type) + (directive.slotToElicit ? ` (${directive.slotToElicit})` : '')),
    endSession: response.shouldEndSession !== false,
    sessionState: envelope?.sessionAttributes ?? {},
  };
}
