/**
 * One exchange of a conversation as a person from the shop will read it: what the shopper said (their words where
 * the platform sends them, else the intent and its slots), what the bot answered in plain text. No PIN and no card
 * data ever: the PIN and link-code turns are not recorded at all, and any run of four or more digits (a card's
 * ending, a code said some other way) is replaced.
 */
import { withoutSpeechMarks } from '../speech-marks';
import type { Turn } from '../turn';
import type { TranscriptEntry } from './case';

/** How long a conversation's buffer lives while nothing takes it (the store's TTL). */
export const TRANSCRIPT_LIFETIME_MS = 30 * 60 * 1000;

/** Each side of an exchange is cut here: an agent needs the gist, and an item must stay small. */
export const MAX_TRANSCRIPT_TEXT = 400;

/** Four or more digits, also when said or typed apart ("4 2 4 2", "4242-1111"): a card, a PIN or a code. */
const DIGIT_RUN = /\d(?:[ -]?\d){3,}/g;
const REDACTED = '[digits removed]';

/** The text with every run of 4+ digits replaced, speech marks resolved, whitespace tidied and the length bounded. */
export function redact(text: string): string {
  const plain = withoutSpeechMarks(text).replace(DIGIT_RUN, REDACTED).replace(/\s+/g, ' ').trim();
  return plain.length > MAX_TRANSCRIPT_TEXT ? `${plain.slice(0, MAX_TRANSCRIPT_TEXT - 1)}…` : plain;
}

/** What a turn that carries a secret is recorded as, instead of the secret. */
export type SecretTurn = 'pin' | 'link-code';

const SECRET_WORDS: Record<SecretTurn, string> = { pin: '(voice PIN, not recorded)', 'link-code': '(link code, not recorded)' };

/** The shopper's side: their words, or "AddToCartIntent (product: flurbo)" where the platform sends no words. */
function shopperSide(turn: Turn): string {
  if (turn.utterance?.trim()) return redact(turn.utterance);
  const slots = Object.entries(turn.slots)
    .filter(([, value]) => value?.raw?.trim())
    .map(([name, value]) => `${name}: ${value!.raw.trim()}`);
  return redact(slots.length > 0 ? `${turn.intent} (${slots.join(', ')})` : turn.intent);
}

export function transcriptEntry(turn: Turn, botSpeech: string, at: Date, secret?: SecretTurn): TranscriptEntry {
  return {
    at: at.toISOString(),
    shopper: secret ? SECRET_WORDS[secret] : shopperSide(turn),
    bot: redact(botSpeech),
    intent: turn.intent,
  };
}
