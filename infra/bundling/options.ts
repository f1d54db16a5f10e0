/**
 * How vocart's Lambda functions are bundled, in one place: the CDK construct (skill-function.ts) hands these
 * options to NodejsFunction, and the cold-start benchmark (test/bench/cold.bench.ts) hands the same ones to
 * esbuild's API, so what is measured is what is deployed.
 */
import type { BuildOptions } from 'esbuild';

export const NODE_TARGET = 'node22';

/**
 * The bundle is an ES module (the project is "type": "module", and ESM keeps import.meta and top-level
 * await working). CommonJS dependencies bundled into it (ask-sdk-core, actions-on-google) still
 * call require() for Node built-ins and for the external @aws-sdk packages, which an ES module lacks: the
 * banner gives the module a real require, __filename and __dirname.
 */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as vocartCreateRequire } from 'node:module';",
  "import { fileURLToPath as vocartFileURLToPath } from 'node:url';",
  "import { dirname as vocartDirname } from 'node:path';",
  'const require = vocartCreateRequire(import.meta.url);',
  'const __filename = vocartFileURLToPath(import.meta.url);',
  'const __dirname = vocartDirname(__filename);',
].join(' ');

/**
 * The Node.js 22 runtime ships AWS SDK v3 (client-dynamodb, util-dynamodb: what the repositories use) and the
 * @smithy packages under it; bundling our own @smithy next to the runtime's @aws-sdk risks a mismatch.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@smithy/*'];

/**
 * Packages replaced at bundling time, by paths relative to the project root (esbuild resolves an alias
 * from its working directory, which CDK sets to the project root). Each stub says why its package is not needed:
 * google-auth-library-stub.ts (about 700 KB of the Google bundle), ask-sdk-model-stub.ts (61 KB of the Alexa
 * bundle: ask-sdk-core requires it for service clients vocart never asks for; its types are still used).
 */
export const MODULE_ALIASES: Readonly<Record<string, string>> = {
  'google-auth-library': './infra/bundling/google-auth-library-stub.ts',
  'ask-sdk-model': './infra/bundling/ask-sdk-model-stub.ts',
};

/**
 * Minified and tree-shaken, with line-only source maps (stack traces point at the TypeScript sources;
 * embedding the sources would roughly double the map). No keepNames: it wraps every named function,
 * closures in the search loop included, in a naming call, which cost about a third more CPU per warm turn.
 * Typed errors therefore set their `name` as a string literal, not from the (minified) class name.
 */
export const BUNDLING = {
  target: NODE_TARGET,
  minify: true,
  keepNames: false,
  sourceMap: true,
  sourcesContent: false,
  treeShaking: true,
} as const;

/** The same bundle through esbuild's API (what `cdk synth` runs through esbuild's command line). */
export function esbuildOptions(projectRoot: string, entry: string, outfile: string): BuildOptions {
  return {
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    keepNames: BUNDLING.keepNames,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    treeShaking: BUNDLING.treeShaking,
    external: EXTERNAL_MODULES,
    alias: { ...MODULE_ALIASES },
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'warning',
  };
}

/** esbuild arguments NodejsFunction has no property for, in its `esbuildArgs` shape. */
export function cdkEsbuildArgs(): Record<string, string | boolean | string[]> {
  return {
    '--tree-shaking': String(BUNDLING.treeShaking),
    '--alias': Object.entries(MODULE_ALIASES).map(([name, path]) => `${name}=${path}`),
  };
}
