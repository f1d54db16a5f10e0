/**
 * What a shopper says to reach the skill rather than to ask it something: the wake word and the invocation ("Alexa,
 * ask vocart shop to add milk", "Alexa, sage vocart laden setz Milch auf die Liste"). Alexa removes both before it
 * matches the request against the model, so understanding does too.
 */
import { SKILL_TEXTS } from '../../interaction-models/source/skill';
import type { Locale } from '../../skill/core/turn';
import { spokenWords } from './spoken-text';

const WAKE_WORDS: ReadonlySet<string> = new Set(['alexa', 'echo', 'computer']);

/** Alexa's one-shot phrasings: a launch word before the invocation name, a connecting word after it. */
const LAUNCH_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  'en-US': new Set(['ask', 'tell', 'open', 'launch', 'start', 'use', 'have', 'load', 'begin', 'run']),
  'de-DE': new Set(['frage', 'frag', 'sage', 'sag', 'öffne', 'öffnen', 'starte', 'start', 'bitte', 'lass', 'benutze']),
};
const CONNECTING_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  'en-US': new Set(['to', 'and', 'for', 'about', 'if', 'whether', 'that']),
  'de-DE': new Set(['und', 'nach', 'ob', 'dass', 'zu', 'mal']),
};
/** "… with vocart shop", "… bei vocart laden": the invocation after the request. */
const TRAILING_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  'en-US': new Set(['with', 'on', 'using', 'from', 'in', 'at', 'via']),
  'de-DE': new Set(['mit', 'bei', 'über', 'von', 'in', 'im']),
};

export interface Request {
  /** The words of the request itself. */
  words: string[];
  /** Whether the shopper named the skill ("open vocart shop"): with no words left, that is a launch. */
  invoked: boolean;
}

export function withoutInvocation(tokens: readonly string[], locale: Locale): Request {
  const name = spokenWords(SKILL_TEXTS[locale].invocationName, locale);
  let words = [...tokens];
  while (words.length > 0 && (WAKE_WORDS.has(words[0]!) || (words[0] === 'hey' && WAKE_WORDS.has(words[1] ?? '')))) words = words.slice(1);
  const nameAt = (at: number) => name.every((word, offset) => words[at + offset] === word);
  let invoked = false;
  if (LAUNCH_WORDS[locale].has(words[0] ?? '') && nameAt(1)) {
    words = words.slice(1 + name.length);
    if (CONNECTING_WORDS[locale].has(words[0] ?? '')) words = words.slice(1);
    invoked = true;
  } else if (nameAt(0)) {
    words = words.slice(name.length);
    invoked = true;
  }
  const tail = words.length - name.length - 1;
  if (tail >= 1 && TRAILING_WORDS[locale].has(words[tail]!) && nameAt(tail + 1)) {
    words = words.slice(0, tail);
    invoked = true;
  }
  return { words, invoked };
}
