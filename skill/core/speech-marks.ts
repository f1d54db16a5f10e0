/**
 * Marks in the core's plain-text speech for words a voice must read in a particular way, without the core writing
 * any platform's markup: the core wraps a card ending in `sayDigits`, and each adapter renders the mark its own way
 * (Alexa: say-as digits; the Assistant: say-as characters; any screen or text channel: the digits alone). Without
 * it, "4242" is read as "four thousand two hundred forty-two".
 */

// Brackets no catalog text or shopper utterance uses, so a mark is never read into ordinary words.
const OPEN = '⟦digits:';
const CLOSE = '⟧';
const MARK = /⟦digits:(\d{1,32})⟧/g;
const BRACKETS = /[⟦⟧]/g;

/** The digits, marked to be read one by one ("four two four two"). Anything that is not a digit is dropped. */
export function sayDigits(digits: string): string {
  return `${OPEN}${digits.replace(/\D/g, '').slice(0, 32)}${CLOSE}`;
}

export type SpeechSegment = { kind: 'text'; text: string } | { kind: 'digits'; digits: string };

/** The speech cut into plain text and marked runs, in order; text without marks is one text segment. */
export function speechSegments(speech: string): SpeechSegment[] {
  const segments: SpeechSegment[] = [];
  let last = 0;
  for (const match of speech.matchAll(MARK)) {
    if (match.index > last) segments.push({ kind: 'text', text: speech.slice(last, match.index) });
    segments.push({ kind: 'digits', digits: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < speech.length) segments.push({ kind: 'text', text: speech.slice(last) });
  return segments;
}

/** Words from outside (a person's answer) with nothing left that could open or close a mark: each bracket a space. */
export function withoutMarkBrackets(text: string): string {
  return text.replace(BRACKETS, ' ');
}

/** The speech as it is shown or typed: marks replaced by what they hold. */
export function withoutSpeechMarks(speech: string): string {
  return speech.replace(MARK, '$1');
}
