/** Everyday product words in German (the kinds: product-words-types.ts; how search reads them: catalog/synonyms.ts). */
import type { ProductWords } from '../product-words-types';

export const deDEProductWords: ProductWords = {
  spellings: [
    ['joghurt', 'jogurt', 'yogurt', 'yoghurt'],
    ['moehre', 'karotte', 'mohrrube'],
    ['broetchen', 'semmel', 'schrippe', 'weckle'],
    ['sahne', 'rahm', 'obers'],
    ['kartoffel', 'erdapfel'],
    ['tomate', 'paradeiser'],
    ['quark', 'topfen'],
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
    // A Würstchen is a small Wurst; shoppers use either for both.
    ['wurst', 'wuerstchen'],
    ['frankfurter', 'wiener'],
  ],
  everyday: {
    // "Hack" is how the counter says Hackfleisch; "Gehacktes" and "Faschiertes" are regional names for it. One way
    // only: "gehackte Tomaten" are chopped tomatoes, not mince.
    hack: ['hackfleisch'],
    gehacktes: ['hackfleisch'],
    faschiertes: ['hackfleisch'],
    spueli: ['spuelmittel'],
    tempo: ['taschentuecher'],
    tempotaschentuecher: ['taschentuecher'],
    zewa: ['kuechenrolle'],
    tesa: ['klebeband'],
    tesafilm: ['klebeband'],
    labello: ['lippenpflege'],
    coke: ['cola'],
    sprudel: ['mineralwasser'],
    sprudelwasser: ['mineralwasser'],
    hotdog: ['wuerstchen'],
    bockwurst: ['wuerstchen'],
  },
  phrases: [],
};
