/**
 * Words shoppers use for what the shelf label calls something else. Each group lists folded spellings
 * that count as the same word (a little below an exact match). Kept short on purpose: a synonym that is
 * only sometimes right does more harm in voice than a missing one.
 */
import type { Locale } from '../turn';

const GROUPS: Record<Locale, string[][]> = {
  'en-US': [
    ['bbq', 'barbecue', 'barbeque'],
    ['veggie', 'veggies', 'vegetable', 'vegetables'],
    ['soda', 'pop'],
    ['mac', 'macaroni'],
    ['choc', 'chocolate'],
    ['ketchup', 'catsup'],
    ['yoghurt', 'yogurt'],
    ['donut', 'doughnut'],
    ['chickn', 'chicken'],
    ['cheez', 'cheese'],
    ['lite', 'light'],
    ['nite', 'night'],
    ['xtra', 'extra'],
    ['diaper', 'nappy'],
    ['cilantro', 'coriander'],
    ['zucchini', 'courgette'],
    ['eggplant', 'aubergine'],
    ['garbanzo', 'chickpea'],
  ],
  'de-DE': [
    ['joghurt', 'jogurt', 'yogurt', 'yoghurt'],
    ['moehre', 'karotte', 'mohrrube'],
    ['broetchen', 'semmel', 'schrippe', 'weckle'],
    ['sahne', 'rahm', 'obers'],
    ['kartoffel', 'erdapfel'],
    ['tomate', 'paradeiser'],
    ['quark', 'topfen'],
    ['hackfleisch', 'gehacktes', 'faschiertes'],
    ['pilz', 'schwammerl'],
    ['aprikose', 'marille'],
    ['pfannkuchen', 'eierkuchen', 'palatschinken'],
    ['limonade', 'limo'],
    ['schokolade', 'schoko'],
    ['bbq', 'barbecue'],
    ['spaghetti', 'spagetti'],
    // Plant drinks may not be sold as "Milch" in the EU, but that is what shoppers call them.
    ['hafermilch', 'haferdrink'],
    ['mandelmilch', 'mandeldrink'],
    ['sojamilch', 'sojadrink'],
    ['reismilch', 'reisdrink'],
    ['klopapier', 'toilettenpapier'],
    ['kuechenrolle', 'kuechenpapier', 'kuechentuecher'],
  ],
};

/** Synonym spellings of a folded token (without the token itself). */
export function synonymsOf(token: string, locale: Locale): readonly string[] {
  return synonymTable(locale).get(token) ?? [];
}

const tables = new Map<Locale, Map<string, string[]>>();

function synonymTable(locale: Locale): Map<string, string[]> {
  let table = tables.get(locale);
  if (!table) {
    table = new Map();
    for (const group of GROUPS[locale]) {
      for (const word of group) table.set(word, group.filter((other) => other !== word));
    }
    tables.set(locale, table);
  }
  return table;
}
