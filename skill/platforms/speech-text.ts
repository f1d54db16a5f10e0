/**
 * Text the core produced (or a shopper said) on its way into SSML, cards and display text. XML 1.0 allows no
 * C0 control characters other than tab, newline and carriage return, no U+FFFE/U+FFFF and no lone surrogates;
 * a single one makes Alexa reject the whole response and the Assistant drop the speech. Both adapters use this
 * module, so the two platforms cannot drift apart on what they send.
 */

import { speechSegments, withoutSpeechMarks } from '../core/speech-marks';

// Lone surrogates are matched with look-arounds: a pair is one code point and must survive intact.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 forbids; everything else (emoji, accents, C1 controls) is kept. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_INVALID, '');
}

const SSML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Plain text as SSML character data: forbidden characters removed, markup characters escaped. */
export function escapeSsmlText(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (char) => SSML_ESCAPES[char] ?? char);
}

/**
 * The core's speech as SSML character data: plain text escaped, and each digits mark (core/speech-marks.ts) read
 * digit by digit with the say-as value the platform knows for it (Alexa `digits`, Google `characters`).
 */
export function speechToSsml(speech: string, digitsAs: 'digits' | 'characters'): string {
  return speechSegments(speech)
    .map((segment) => (segment.kind === 'digits' ? `<say-as interpret-as="${digitsAs}">${segment.digits}</say-as>` : escapeSsmlText(segment.text)))
    .join('');
}

/** The core's speech for a screen or a text channel: marks replaced by their digits, forbidden characters removed. */
export function speechAsText(speech: string): string {
  return xmlSafeText(withoutSpeechMarks(speech));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * At most `maxUnits` UTF-16 units (the unit the platforms' limits count), cut between code points: an emoji is
 * kept whole or left out, never halved into a lone surrogate. With `ellipsis`, a cut text ends in it and the
 * ellipsis counts towards the limit.
 */
export function truncateText(text: string, maxUnits: number, ellipsis = ''): string {
  if (text.length <= maxUnits) return text;
  let end = Math.max(0, maxUnits - ellipsis.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ellipsis}`;
}

/**
 * Words a shopper said (a slot value, Dialogflow's queryText) as the core may keep, store and read back: without
 * what XML cannot carry and without speech marks (they are the core's, never a caller's), trimmed and cut at
 * `maxUnits` between code points. Undefined when nothing is left.
 */
export function shopperText(text: string, maxUnits: number): string | undefined {
  const cleaned = truncateText(xmlSafeText(withoutSpeechMarks(text)).replace(/\s+/g, ' ').trim(), maxUnits).trim();
  return cleaned.length > 0 ? cleaned : undefined;
}
