/**
 * nlu:eval's output contract, run as the child process people run: one JSON line per input line, in order, an error
 * object in place of a line it cannot read, figures on stderr, and plain messages (no stack trace) for bad input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function nluEval(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules/.bin/tsx'), ['lambda/cli/nlu-eval.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('nlu:eval', () => {
  it('answers every line in order, an error object where a line cannot be read, and exits 1', async () => {
    const path = file('mixed.jsonl', [
      JSON.stringify({ utterance: 'add two bananas to my cart', intent: 'AddToCartIntent', product: 'bananas', id: 7 }),
      '{"utterance": "not closed',
      JSON.stringify({ text: 'no utterance field' }),
      '',
      JSON.stringify({ utterance: 'blorf zindle quee' }),
      JSON.stringify({ utterance: 'yes', intent: 'YesIntent' }),
    ]);
    const run = await nluEval('--locale', 'en-US', '--utterances', path);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { utterance: 'add two bananas to my cart', intent: 'AddToCartIntent', slots: { quantity: '2', product: 'bananas' }, exact: true },
      { line: 2, error: expect.stringMatching(/^not JSON/) },
      { line: 3, error: 'no "utterance" string' },
      { line: 4, error: 'empty line' },
      { utterance: 'blorf zindle quee', intent: 'FallbackIntent', slots: {}, exact: false },
      { utterance: 'yes', intent: 'YesIntent', slots: {}, exact: true },
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 2: not JSON');
    expect(run.stderr).toContain('3 of 6 lines could not be read');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the figures on stderr when lines are labelled', async () => {
    const path = file('labelled.jsonl', [
      JSON.stringify({ utterance: 'ja bitte', intent: 'YesIntent' }),
      JSON.stringify({ utterance: 'setz milch auf meine einkaufsliste', intent: 'AddToCartIntent', product: 'milch' }),
    ]);
    const run = await nluEval('--locale', 'de-DE', '--utterances', path, '--halves');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/intent accuracy\s+1\.000 \(2\/2\)/);
    expect(run.stderr).toMatch(/product-slot word F1\s+1\.000/);
    expect(run.stderr).toMatch(/exact Alexa sample/);
    expect(run.stderr).toMatch(/half B \(held out\)/);
  });

  it.each([
    [['--locale', 'en-US', '--utterances', '/nonexistent/utterances.jsonl'], /cannot read utterances \/nonexistent\/utterances\.jsonl: ENOENT/],
    [['--locale', 'fr-FR', '--utterances', 'x.jsonl'], /--locale must be one of en-US, de-DE, not "fr-FR"/],
    [['--locale', 'en-US'], /missing --utterances/],
  ])('%j: a plain message and exit code 2', async (args, message) => {
    const run = await nluEval(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('says in --help what a bad line gives', async () => {
    const run = await nluEval('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('{"line": n, "error": "..."}');
  });
});
