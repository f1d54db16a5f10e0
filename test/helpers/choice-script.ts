/**
 * Choosing from a results list by what the choice means, as a shopper says it, for the e2e tests of both platforms.
 * The demo catalog reads milk out as 1. Whole Milk (1 gallon, $4.29, the shop's best seller), 2. 2% Reduced Fat
 * Milk (1 gallon, $4.19), 3. Whole Milk (half gallon, $2.79); in German 1. Fettarme Milch (3,8 Liter), 2. Vollmilch
 * (3,8 Liter), 3. Vollmilch (1,9 Liter). Every choice starts from a fresh search.
 */
import type { Locale } from '../../skill/core/turn';

export interface ChoiceStep {
  say: string;
  expect: RegExp;
}

export const CHOICE_SCRIPTS: Record<Locale, { search: string; choices: ChoiceStep[]; more: ChoiceStep }> = {
  'en-US': {
    search: 'search for milk',
    choices: [
      { say: 'the bigger one', expect: /^Added Whole Milk \(1 gallon\)/ },
      { say: 'the smaller one', expect: /^Added Whole Milk \(half gallon\)/ },
      { say: 'the other one', expect: /^Added 2% Reduced Fat Milk/ },
      { say: 'the most popular one', expect: /^Added Whole Milk \(1 gallon\)/ },
      // "expensive" alone once made this the dearest.
      { say: 'the less expensive one', expect: /^Added Whole Milk \(half gallon\)/ },
    ],
    more: { say: 'more', expect: /: 4\. / },
  },
  'de-DE': {
    search: 'such milch',
    choices: [
      { say: 'die größere', expect: /^Ich habe Fettarme Milch 1,5 % \(3,8 Liter\)/ },
      { say: 'die kleinere', expect: /^Ich habe Vollmilch \(1,9 Liter\)/ },
      { say: 'die andere', expect: /^Ich habe Vollmilch \(3,8 Liter\)/ },
      { say: 'die beliebteste', expect: /^Ich habe Vollmilch \(3,8 Liter\)/ },
      { say: 'die günstigere', expect: /^Ich habe Vollmilch \(1,9 Liter\)/ },
    ],
    // The German list prompt suggests "weitere".
    more: { say: 'weitere', expect: /: 4\. / },
  },
};
