/**
 * The Lambdas only read the prebuilt index and only resolve tokens, check PINs and redeem link codes: building and
 * writing the index, issuing codes, linking tokens and setting PINs are the tools' work. Static and instance methods
 * are never tree-shaken, so these live in modules of their own, and no Lambda bundle may pull one in (the 300 KB
 * goal of issue 10 has no room for code that never runs there).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../../../infra/bundling/options';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const toolsOnly = /^(skill\/core\/catalog\/build\/|skill\/store\/account-setup\.ts$|skill\/store\/link-code-issue\.ts$)/;

async function bundledFiles(entry: string): Promise<string[]> {
  const result = await build({ ...esbuildOptions(root, entry, resolve(root, 'cdk.out', 'unused.mjs')), metafile: true, sourcemap: false, write: false });
  return Object.keys(result.metafile.inputs);
}

describe('index building and account setup stay off the skill path', () => {
  it.each(['lambda/alexa.ts', 'lambda/google.ts', 'lambda/replenish.ts'])(
    '%s bundles none of them',
    async (entry) => {
      const inputs = await bundledFiles(entry);
      expect(inputs).toContain('skill/store/keys.ts');
      expect(inputs.filter((input) => toolsOnly.test(input))).toEqual([]);
    },
    60_000,
  );

  it('sees them where the tools use them (the check itself works)', async () => {
    expect((await bundledFiles('lambda/cli/build-index.ts')).filter((input) => toolsOnly.test(input))).toContain('skill/core/catalog/build/catalog-builder.ts');
    expect((await bundledFiles('lambda/cli/link-code.ts')).filter((input) => toolsOnly.test(input))).toContain('skill/store/link-code-issue.ts');
  }, 60_000);
});
