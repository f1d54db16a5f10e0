/** A Dialogflow WebhookResponse as the Assistant (rich response) and other integrations (generic messages) show it. */
import { spokenText, ssmlToText } from '../speech';
import type { CardView, ListItemView, ReplyView } from '../types';

type Json = Record<string, any>;

function imageOf(image: Json | undefined): string | undefined {
  return image?.url ? String(image.url) : undefined;
}

function assistantItems(google: Json | undefined): NonNullable<ReplyView['richMessages']> {
  const messages: NonNullable<ReplyView['richMessages']> = [];
  for (const item of (google?.richResponse?.items ?? []) as Json[]) {
    if (item.simpleResponse) messages.push({ kind: 'Assistant simple response', text: String(item.simpleResponse.displayText ?? ssmlToText(item.simpleResponse.textToSpeech)) });
    if (item.basicCard) {
      const card = item.basicCard;
      messages.push({
        kind: 'Assistant basic card',
        ...(card.title ? { title: String(card.title) } : {}),
        ...(card.formattedText || card.subtitle ? { text: String(card.formattedText ?? card.subtitle) } : {}),
        ...(card.image ? { items: [{ title: String(card.title ?? ''), ...(imageOf(card.image) ? { imageUrl: imageOf(card.image)! } : {}) }] } : {}),
      });
    }
  }
  const list = google?.systemIntent?.data?.listSelect;
  if (list) {
    const items: ListItemView[] = (list.items ?? []).map((option: Json) => ({
      ...(option.optionInfo?.key ? { id: String(option.optionInfo.key) } : {}),
      title: String(option.title ?? ''),
      ...(option.description ? { detail: String(option.description) } : {}),
      ...(imageOf(option.image) ? { imageUrl: imageOf(option.image)! } : {}),
    }));
    messages.push({ kind: 'Assistant list', ...(list.title ? { title: String(list.title) } : {}), items });
  }
  return messages;
}

function genericMessages(messages: Json[]): NonNullable<ReplyView['richMessages']> {
  const out: NonNullable<ReplyView['richMessages']> = [];
  for (const message of messages) {
    if (message.text) out.push({ kind: 'text', text: (message.text.text ?? []).join(' ') });
    else if (message.card)
      out.push({
        kind: 'card',
        title: String(message.card.title ?? ''),
        ...(message.card.subtitle ? { text: String(message.card.subtitle) } : {}),
        ...(message.card.imageUri ? { items: [{ title: String(message.card.title ?? ''), imageUrl: String(message.card.imageUri) }] } : {}),
      });
    else if (message.quickReplies) out.push({ kind: 'quick replies', text: (message.quickReplies.quickReplies ?? []).join(' · ') });
    else if (message.payload?.richContent) out.push({ kind: 'Messenger rich content', text: `${(message.payload.richContent[0] ?? []).length} element(s)` });
  }
  return out;
}

function cardOf(messages: NonNullable<ReplyView['richMessages']>): CardView | undefined {
  const card = messages.find((message) => message.kind === 'Assistant basic card') ?? messages.find((message) => message.kind === 'card');
  if (!card) return undefined;
  const imageUrl = card.items?.[0]?.imageUrl;
  return { type: card.kind, ...(card.title ? { title: card.title } : {}), ...(card.text ? { text: card.text } : {}), ...(imageUrl ? { imageUrl } : {}) };
}

export function dialogflowView(response: Json | undefined): ReplyView {
  const google = response?.payload?.google as Json | undefined;
  const simple = (google?.richResponse?.items ?? []).find((item: Json) => item.simpleResponse)?.simpleResponse;
  const speech = simple ? spokenText({ ssml: simple.textToSpeech }) : { text: String(response?.fulfillmentText ?? ''), ssml: String(response?.fulfillmentText ?? '') };
  const reprompt = google?.noInputPrompts?.[0] ? ssmlToText(google.noInputPrompts[0].textToSpeech ?? google.noInputPrompts[0].displayText) : '';
  const richMessages = [...assistantItems(google), ...genericMessages((response?.fulfillmentMessages ?? []) as Json[])];
  const suggestions: string[] = (google?.richResponse?.suggestions ?? []).map((chip: Json) => String(chip.title));
  const card = cardOf(richMessages);
  const contexts = (response?.outputContexts ?? []) as Json[];
  return {
    speech: speech.text,
    ssml: speech.ssml,
    ...(reprompt ? { reprompt } : {}),
    ...(card ? { card } : {}),
    richMessages,
    ...(suggestions.length ? { suggestions } : {}),
    directives: contexts.map((context) => `${String(context.name).slice(String(context.name).lastIndexOf('/') + 1)} (lifespan ${context.lifespanCount ?? 0})`),
    endSession: google ? google.expectUserResponse === false : false,
    sessionState: contexts,
  };
}
