import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLING, cdkEsbuildArgs, esbuildOptions } from '../../infra/bundling/options';

const root = resolve(import.meta.dirname, '..', '..');

describe('Lambda bundling options', () => {
  it('leave google-auth-library and what it drags in out of the Dialogflow webhook', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'vocart-bundle-')), 'google.mjs');
    const result = await build({ ...esbuildOptions(root, 'lambda/google.ts', outfile), metafile: true, sourcemap: false });
    const inputs = Object.keys(result.metafile.inputs);
    for (const heavy of ['google-auth-library', 'node-forge', 'gaxios', 'node-fetch', 'whatwg-url', 'tr46']) {
      expect(inputs.filter((input) => input.includes(`node_modules/${heavy}/`)), heavy).toEqual([]);
    }
    expect(inputs).toContain('infra/bundling/google-auth-library-stub.ts');
  }, 60_000);

  it.each(['lambda/alexa.ts', 'lambda/google.ts', 'lambda/replenish.ts'])(
    'keep the full zod and its non-English locales out of %s (zod/mini on the cold path)',
    async (entry) => {
      const outfile = join(mkdtempSync(join(tmpdir(), 'vocart-bundle-')), 'fn.mjs');
      const result = await build({ ...esbuildOptions(root, entry, outfile), metafile: true, sourcemap: false });
      const output = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined)!;
      const zodInputs = Object.entries(output.inputs).filter(([input]) => input.includes('node_modules/zod/'));
      // The full build (v4/classic, about 440 KB minified with every locale) must not come back through a stray `from 'zod'`.
      expect(zodInputs.map(([input]) => input).filter((input) => /\/v4\/classic\/|\/v4\/locales\/(?!en\.js|index\.js)/.test(input))).toEqual([]);
      const zodBytes = zodInputs.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
      expect(zodBytes).toBeLessThan(60 * 1024);
    },
    60_000,
  );

  it('hand CDK the same choices the benchmark uses', () => {
    // keepNames stays off: it costs about a third more CPU per warm turn (see options.ts).
    expect(BUNDLING.keepNames).toBe(false);
    expect(cdkEsbuildArgs()['--alias']).toEqual(['google-auth-library=./infra/bundling/google-auth-library-stub.ts']);
  });
});
