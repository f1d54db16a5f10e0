/**
 * npm run -s nlu:eval -- --locale <en-US|de-DE> --utterances <file.jsonl> [--halves]
 *
 * Understands every line `{"utterance": "...", ...}` offline, as the console does, and writes one JSON line per
 * input line to stdout, in order: `{"utterance", "intent", "slots", "exact"}` (`exact`: the utterance is, word for
 * word, a sample of the generated Alexa model). A line that is not a JSON object with an "utterance" string gets
 * `{"line": <n>, "error": "<why>"}` in its place; the other lines are still answered, and the exit code is 1.
 *
 * Lines labelled with "intent" and/or "product" are scored on stderr: intent accuracy per intent, the confusion
 * pairs, product-slot word F1 (lambda/nlu/evaluation.ts defines it) and the share of exact samples, with the time
 * training and each understanding took. --halves also scores each half of the lines apart (split by a hash of the
 * utterance): tune on half A, report half B as held out.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { evaluationHalf, percentile } from '../../skill/core/catalog/evaluation/search-metrics';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { NluError } from '../nlu/errors';
import { evaluate, formatFigures, type Labels, type Scored } from '../nlu/evaluation';
import { createUnderstanding } from '../nlu/index';
import { CliError, readText } from './catalog-files';

const USAGE = [
  'usage: npm run -s nlu:eval -- --locale <en-US|de-DE> --utterances <file.jsonl> [--halves]',
  '',
  '  stdin is not read; each line of the file is {"utterance": "...", "intent"?: "...", "product"?: "..."}',
  '  stdout: one JSON line per input line, in order: {"utterance", "intent", "slots", "exact"};',
  '          a bad line (empty, not JSON, no "utterance" string) gives {"line": n, "error": "..."} instead,',
  '          the other lines are still answered, and the exit code is 1',
  '  stderr: with labels, intent accuracy per intent, confusions, product-slot word F1 and the exact-sample share',
  '  --halves  also score the two halves of the lines (by a hash of the utterance): A to tune on, B held out',
].join('\n');

interface Arguments {
  locale: Locale;
  utterances: string;
  halves: boolean;
}

function readArguments(argv: string[]): Arguments | 'help' {
  let values: { locale?: string; utterances?: string; halves?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { locale: { type: 'string' }, utterances: { type: 'string' }, halves: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return 'help';
  const missing = (['locale', 'utterances'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new CliError(`missing --${missing.join(', --')}\n${USAGE}`);
  const locale = values.locale as Locale;
  if (!LOCALES.includes(locale)) throw new CliError(`--locale must be one of ${LOCALES.join(', ')}, not "${values.locale}"`);
  return { locale, utterances: values.utterances!, halves: values.halves === true };
}

type Line = { utterance: string; labels: Labels } | { error: string };

function parseLine(text: string): Line {
  if (text.trim() === '') return { error: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  if (typeof record.utterance !== 'string') return { error: 'no "utterance" string' };
  const labels: Labels = {};
  if (typeof record.intent === 'string') labels.intent = record.intent;
  if (typeof record.product === 'string') labels.product = record.product;
  return { utterance: record.utterance, labels };
}

async function main(): Promise<number> {
  const args = readArguments(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  // A byte order mark (editors on Windows write one) is no part of the first line's JSON.
  const text = readText(args.utterances, 'utterances').replace(/^\uFEFF/, '');
  // The newline that ends the last line does not start another one.
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();

  const trainStart = performance.now();
  const trainCpu = process.cpuUsage();
  const understanding = await createUnderstanding(args.locale);
  const trainMs = performance.now() - trainStart;
  const { user, system } = process.cpuUsage(trainCpu);

  const scored: Array<Scored & { utterance: string }> = [];
  const times: number[] = [];
  let bad = 0;
  for (const [index, raw] of lines.entries()) {
    const line = parseLine(raw);
    if ('error' in line) {
      bad += 1;
      console.error(`nlu:eval: ${args.utterances} line ${index + 1}: ${line.error}`);
      process.stdout.write(`${JSON.stringify({ line: index + 1, error: line.error })}\n`);
      continue;
    }
    const start = performance.now();
    const understood = await understanding.understand(line.utterance);
    times.push(performance.now() - start);
    process.stdout.write(`${JSON.stringify({ utterance: line.utterance, intent: understood.intent, slots: understood.slots, exact: understood.exact })}\n`);
    scored.push({ utterance: line.utterance, labels: line.labels, understood });
  }

  const labelled = scored.some(({ labels }) => labels.intent !== undefined || labels.product !== undefined);
  if (labelled) {
    const report = formatFigures(evaluate(scored, args.locale), `nlu:eval ${args.locale}, all`);
    if (args.halves) {
      for (const [half, name] of [['A', 'half A (tuning)'], ['B', 'half B (held out)']] as const) {
        report.push(...formatFigures(evaluate(scored.filter(({ utterance }) => evaluationHalf(utterance) === half), args.locale), `nlu:eval ${args.locale}, ${name}`));
      }
    }
    console.error(report.join('\n'));
  }
  const ms = (value: number) => value.toFixed(2);
  // CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
  console.error(`training ${trainMs.toFixed(0)} ms (${((user + system) / 1000).toFixed(0)} ms CPU); understand median ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, max ${ms(Math.max(0, ...times))} ms`);
  if (bad > 0) console.error(`nlu:eval: ${bad} of ${lines.length} lines could not be read (answered with an error object)`);
  return bad > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError || error instanceof NluError) {
      console.error(`nlu:eval: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
