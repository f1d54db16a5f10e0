/**
 * How well understanding lands on labelled utterances: intent accuracy overall and per intent, which intents are
 * taken for which, how much of the product slot comes out right, and how many utterances are a sample of the Alexa
 * model word for word.
 *
 * Product-slot word accuracy is a token-level F1, micro-averaged over the utterances labelled with a product: a word
 * counts as recovered when it is in both the labelled and the understood product (each occurrence once), precision
 * divides the recovered words by the understood ones, recall by the labelled ones. Precision is what punishes
 * carrier words left in the slot ("milk please"), recall what punishes product words lost ("oat" of "oat milk").
 * Words are compared in spoken form (lower case, no punctuation).
 */
import type { Locale } from '../../skill/core/turn';
import { spokenWords } from './spoken-text';
import type { Understood } from './understanding';

export interface Labels {
  intent?: string;
  product?: string;
}

export interface Scored {
  labels: Labels;
  understood: Understood;
}

export interface IntentTally {
  correct: number;
  total: number;
}

export interface Figures {
  utterances: number;
  intent?: { accuracy: number; correct: number; total: number; perIntent: Map<string, IntentTally>; confusions: Array<{ expected: string; understood: string; count: number }> };
  product?: { f1: number; precision: number; recall: number; exactlyRight: number; total: number };
  exact: { share: number; count: number };
}

export function evaluate(results: readonly Scored[], locale: Locale): Figures {
  const figures: Figures = { utterances: results.length, exact: { count: 0, share: 0 } };
  const perIntent = new Map<string, IntentTally>();
  const confusions = new Map<string, number>();
  let intentCorrect = 0;
  let intentTotal = 0;
  let recovered = 0;
  let understoodWords = 0;
  let labelledWords = 0;
  let productsRight = 0;
  let productTotal = 0;
  for (const { labels, understood } of results) {
    if (understood.exact) figures.exact.count += 1;
    if (labels.intent !== undefined) {
      const tally = perIntent.get(labels.intent) ?? { correct: 0, total: 0 };
      tally.total += 1;
      intentTotal += 1;
      if (understood.intent === labels.intent) {
        tally.correct += 1;
        intentCorrect += 1;
      } else {
        const key = `${labels.intent}\u0000${understood.intent}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
      perIntent.set(labels.intent, tally);
    }
    if (labels.product !== undefined) {
      const expected = spokenWords(labels.product, locale);
      const got = spokenWords(understood.slots.product ?? '', locale);
      const match = sharedWords(expected, got);
      recovered += match;
      understoodWords += got.length;
      labelledWords += expected.length;
      productTotal += 1;
      if (match === expected.length && match === got.length) productsRight += 1;
    }
  }
  figures.exact.share = ratio(figures.exact.count, results.length);
  if (intentTotal > 0) {
    figures.intent = {
      accuracy: ratio(intentCorrect, intentTotal),
      correct: intentCorrect,
      total: intentTotal,
      perIntent: new Map([...perIntent].sort(([a], [b]) => a.localeCompare(b))),
      confusions: [...confusions]
        .map(([key, count]) => {
          const [expected, understood] = key.split('\u0000') as [string, string];
          return { expected, understood, count };
        })
        .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
    };
  }
  if (productTotal > 0) {
    const precision = ratio(recovered, understoodWords);
    const recall = ratio(recovered, labelledWords);
    figures.product = {
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      precision,
      recall,
      exactlyRight: productsRight,
      total: productTotal,
    };
  }
  return figures;
}

/** Words in both lists, each occurrence matched once. */
function sharedWords(expected: readonly string[], got: readonly string[]): number {
  const left = new Map<string, number>();
  for (const word of got) left.set(word, (left.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of expected) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      left.set(word, count - 1);
    }
  }
  return shared;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** The figures as the lines nlu:eval prints on stderr. */
export function formatFigures(figures: Figures, title: string): string[] {
  const n = (value: number) => value.toFixed(3);
  const lines = [`${title}: ${figures.utterances} utterances`];
  if (figures.intent) {
    const { accuracy, correct, total, perIntent, confusions } = figures.intent;
    lines.push(`  intent accuracy        ${n(accuracy)} (${correct}/${total})`);
    for (const [intent, tally] of perIntent) lines.push(`    ${intent.padEnd(26)} ${n(ratio(tally.correct, tally.total))} (${tally.correct}/${tally.total})`);
    if (confusions.length > 0) {
      lines.push('  confusions (labelled → understood × count)');
      for (const { expected, understood, count } of confusions) lines.push(`    ${expected} → ${understood} × ${count}`);
    }
  }
  if (figures.product) {
    const { f1, precision, recall, exactlyRight, total } = figures.product;
    lines.push(`  product-slot word F1   ${n(f1)} (precision ${n(precision)}, recall ${n(recall)}; ${exactlyRight}/${total} products word for word)`);
  }
  lines.push(`  exact Alexa sample     ${n(figures.exact.share)} (${figures.exact.count}/${figures.utterances})`);
  return lines;
}
