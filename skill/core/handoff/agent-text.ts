/**
 * A person's words on their way into the bot's speech. They come from outside (the inbox, a help desk's webhook),
 * so they are untrusted: nothing in them may act as one of the core's speech marks (speech-marks.ts), as markup,
 * or as the quotation marks that close a person's words; and a voice reply must stay short enough to listen to.
 * The adapters escape SSML as well; this keeps the words harmless before any adapter sees them.
 */

import { withoutMarkBrackets } from '../speech-marks';

/** A person's answer is read out up to this length; the inbox tells agents to keep answers short. */
export const MAX_SPOKEN_ANSWER = 500;
const MAX_AGENT_NAME = 40;

// Control characters, and the quotation marks the core puts around a person's words (the speech marks' brackets
// are speech-marks.ts's to name).
// eslint-disable-next-line no-control-regex
const UNSPEAKABLE = /[\u0000-\u001f\u007f-\u009f“”„«»]/g;
// Markup of any kind (SSML, HTML) is left out, not read as "less than speak greater than".
const MARKUP = /<[^>]{0,200}>/g;

function plain(text: string): string {
  return withoutMarkBrackets(text.replace(MARKUP, ' ')).replace(UNSPEAKABLE, ' ').replace(/[<>]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The answer as it may be spoken: plain words, bounded, cut at a word where it is too long. */
export function speakableAnswer(text: string): string {
  const words = plain(text);
  if (words.length <= MAX_SPOKEN_ANSWER) return endsASentence(words);
  const cut = words.slice(0, MAX_SPOKEN_ANSWER);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > MAX_SPOKEN_ANSWER / 2 ? cut.slice(0, atWord) : cut).trimEnd()} …`;
}

/** A closing stop where the agent left none, so the voice pauses before the bot speaks again. */
function endsASentence(words: string): string {
  return words === '' || /[.!?…]$/.test(words) ? words : `${words}.`;
}

/** The agent's first name as a help desk gave it, or undefined when nothing speakable is left. */
export function speakableAgentName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  // A name, not a sentence: letters (any script), spaces, hyphens, apostrophes and dots only.
  const cleaned = plain(name).replace(/[^\p{L}\p{M} .'-]/gu, '').replace(/\s+/g, ' ').trim().slice(0, MAX_AGENT_NAME).trim();
  return cleaned.length > 0 ? cleaned : undefined;
}
