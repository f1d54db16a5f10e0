/**
 * The carriers shoppers wrap a request in live once, in source/vocabulary.ts, and reach the templates through
 * macros: Alexa gets every word, Dialogflow the head of each list.
 */
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../../interaction-models/generator/template';
import { INTENTS } from '../../../interaction-models/source/intents';
import { CARRIERS, carrierMacros, DIALOGFLOW_CARRIER_WORDS, DIALOGFLOW_MACROS, MACROS } from '../../../interaction-models/source/vocabulary';

const LOCALES = ['en-US', 'de-DE'] as const;

describe('carriers', () => {
  it.each(LOCALES)('%s: each role lists a word once', (locale) => {
    for (const [role, words] of Object.entries(CARRIERS[locale])) expect(new Set(words).size, role).toBe(words.length);
  });

  it.each(LOCALES)('%s: every macro set carries every role, optional or said', (locale) => {
    for (const role of Object.keys(CARRIERS[locale])) {
      for (const macros of [MACROS[locale], DIALOGFLOW_MACROS[locale]]) {
        expect(macros[role], role).toBeDefined();
        expect(macros[`${role}-said`], role).toMatch(/^\(.*\)$/);
      }
    }
  });

  it('gives Alexa every carrier and Dialogflow the head of each list', () => {
    const alexa = expandTemplate('<ask> add {product}', MACROS['en-US']);
    const dialogflow = expandTemplate('<ask> add {product}', DIALOGFLOW_MACROS['en-US']);
    expect(alexa).toEqual(['add {product}', ...CARRIERS['en-US'].ask!.map((carrier) => `${carrier} add {product}`)]);
    expect(dialogflow).toEqual(['add {product}', ...CARRIERS['en-US'].ask!.slice(0, DIALOGFLOW_CARRIER_WORDS).map((carrier) => `${carrier} add {product}`)]);
    expect(expandTemplate('<ask-said> tell me', carrierMacros('en-US'))).not.toContain('tell me');
  });

  // German wishes double as full verbs ("ich möchte Milch", "ich will das zweite"): listing them there is no carrier.
  const FULL_VERBS = new Set(['wunsch']);

  it.each(LOCALES)('%s: no template lists carriers by hand instead of using their macro', (locale) => {
    const handWritten: string[] = [];
    for (const intent of INTENTS) {
      for (const template of [...intent.samples[locale], ...(intent.dialogflowOnlySamples?.[locale] ?? [])]) {
        for (const [, group] of template.matchAll(/[([]([^()[\]]*)[)\]]/g)) {
          const alternatives = group!.split('|');
          for (const [role, words] of Object.entries(CARRIERS[locale])) {
            if (FULL_VERBS.has(role)) continue;
            if (alternatives.filter((alternative) => words.includes(alternative)).length >= 2) handWritten.push(`${intent.name} (${role}): ${template}`);
          }
        }
      }
    }
    expect(handWritten).toEqual([]);
  });
});
