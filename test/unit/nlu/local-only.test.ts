/**
 * Offline understanding is for the local tools only: NLP.js and the trained models must never reach a Lambda bundle.
 * The bundles start at lambda/{alexa,google,replenish}.ts and reach into skill/; neither may import lambda/nlu.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('lambda/nlu', () => {
  it('is imported by no Lambda entry point and nothing under skill/', () => {
    const files = [...['alexa.ts', 'google.ts', 'replenish.ts'].map((name) => join(root, 'lambda', name)), ...sourceFiles(join(root, 'skill'))];
    const importers = files.filter((file) => /from\s+['"][^'"]*\/nlu(\/[^'"]*)?['"]|@nlpjs\//.test(readFileSync(file, 'utf8')));
    expect(importers.map((file) => relative(root, file))).toEqual([]);
  });
});
