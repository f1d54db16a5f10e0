/**
 * The rooms of the design, checked rather than only written down: the core decides and imports no SDK, no
 * database client, no express and no outer room; platforms translate and never reach into the store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  // from-imports and re-exports, dynamic imports, and bare side-effect imports (`import './x'`).
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

function violations(dir: string, forbidden: RegExp[]): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden.some((rule) => rule.test(specifier)))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

/** Relative imports of a file, resolved to the .ts files they name (index files included). */
function localImports(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .flatMap((specifier) => {
      const base = resolve(dirname(file), specifier);
      const candidate = [`${base}.ts`, join(base, 'index.ts')].find((path) => {
        try {
          return statSync(path).isFile();
        } catch {
          return false;
        }
      });
      return candidate ? [candidate] : [];
    });
}

/** Every import circle among the files below `dir`, each written as a path a → b → … → a. */
function importCircles(dir: string): string[] {
  const files = sourceFiles(join(root, dir));
  const inside = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of localImports(file).filter((path) => inside.has(path))) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].map((path) => relative(root, path)).join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return circles;
}

describe('architecture rooms', () => {
  it('has no import circles in skill/core', () => {
    expect(importCircles('skill/core')).toEqual([]);
  });

  it('keeps dialogue handlers from importing each other: what they share lives below them in steps/', () => {
    const handlers = join(root, 'skill/core/conversation/handlers');
    const crossings = sourceFiles(handlers).flatMap((file) =>
      localImports(file)
        .filter((target) => dirname(target) === handlers)
        .map((target) => `${relative(root, file)} imports ${relative(root, target)}`),
    );
    expect(crossings).toEqual([]);
  });

  it('keeps offline evaluation, training and index building out of the code that runs per request: only they import their own folders', () => {
    const offline = (path: string) => /\/(evaluation|offline|build)\//.test(path);
    const crossings = sourceFiles(join(root, 'skill')).flatMap((file) =>
      offline(file) ? [] : localImports(file).filter(offline).map((target) => `${relative(root, file)} imports ${relative(root, target)}`),
    );
    expect(crossings).toEqual([]);
    expect(sourceFiles(join(root, 'skill/core/catalog/evaluation')).length).toBeGreaterThan(0);
    expect(sourceFiles(join(root, 'skill/core/replenishment/offline')).length).toBeGreaterThan(0);
    expect(sourceFiles(join(root, 'skill/core/catalog/build')).length).toBeGreaterThan(0);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    // engine → question-table → handlers never leads back to the engine, but the check must see real edges.
    expect(localImports(join(root, 'skill/core/conversation/question-table.ts')).map((path) => relative(root, path))).toContain('skill/core/conversation/handlers/checkout.ts');
  });

  it('keeps skill/core free of SDKs, database clients, express and the outer rooms', () => {
    expect(
      violations('skill/core', [/^ask-sdk/, /^actions-on-google/, /^@aws-sdk\//, /^aws-sdk/, /^dynamoose/, /^express/, /\/platforms\//, /\/store\//, /\/payments\//, /\/lambda\//, /(^|\/)app$/, /\/config$/]),
    ).toEqual([]);
  });

  it('keeps platforms from importing the store', () => {
    expect(violations('skill/platforms', [/\/store(\/|$)/, /^dynamoose/, /^@aws-sdk\/client-dynamodb/])).toEqual([]);
  });

  it('keeps the store and payments free of platform SDKs', () => {
    expect(violations('skill/store', [/^ask-sdk/, /^actions-on-google/, /^express/, /\/platforms\//])).toEqual([]);
    expect(violations('skill/payments', [/^ask-sdk/, /^actions-on-google/, /^express/, /\/platforms\//])).toEqual([]);
  });

  it('detects a forbidden import (the check itself works)', () => {
    expect(importsOf(join(root, 'skill/store/table.ts'))).toContain('dynamoose');
  });
});

describe('ports', () => {
  it('keeps skill/core/ports.ts to interfaces and types: nothing in it runs, so it owns no constant or function', () => {
    const text = readFileSync(join(root, 'skill/core/ports.ts'), 'utf8');
    expect(text.match(/^export (?!interface |type ).*$/gm) ?? []).toEqual([]);
    expect(text.match(/^(?:const|let|var|function|class|enum) .*$/gm) ?? []).toEqual([]);
    expect(text.match(/^import (?!type ).*$/gm) ?? []).toEqual([]);
  });
});

describe('adapters as mirror images', () => {
  /** The roles every platform adapter has, under the same file name, so a change on one side has an obvious twin. */
  const MIRRORED_ROLES = ['request-to-turn', 'reply-to-response', 'session', 'ssml', 'express', 'lambda-handler'];
  const ADAPTERS = ['skill/platforms/alexa', 'skill/platforms/google'];
  /** Names the Dialogflow adapter used before it took the mirrored ones; they must not come back beside them. */
  const RETIRED = ['to-turn', 'to-response', 'session-context', 'http', 'speech'];

  it.each(ADAPTERS)('%s has a file for every mirrored role and none under a retired name', (adapter) => {
    const names = readdirSync(join(root, adapter)).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
    expect(MIRRORED_ROLES.filter((role) => !names.includes(role))).toEqual([]);
    expect(RETIRED.filter((name) => names.includes(name))).toEqual([]);
  });

  it('gives each Lambda entry point a one-line job: the platform\'s lambda-handler builds the handler', () => {
    for (const platform of ['alexa', 'google']) {
      expect(importsOf(join(root, `lambda/${platform}.ts`))).toContain(`../skill/platforms/${platform}/lambda-handler`);
    }
  });

  it('keeps one session schema for both platforms: each session.ts reads state through the shared one', () => {
    for (const adapter of ADAPTERS) expect(importsOf(join(root, adapter, 'session.ts'))).toContain('../session-state');
  });
});

describe('error names', () => {
  it('every error class names itself in a string, so minified bundles still log which error it was', () => {
    const unnamed = ['skill', 'lambda'].flatMap((dir) =>
      sourceFiles(join(root, dir)).flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(/class (\w+) extends \w*Error\b[^{]*\{/g)]
          .filter((match) => !text.slice(match.index!, match.index! + 600).includes(`name = '${match[1]}'`))
          .map((match) => `${relative(root, file)}: ${match[1]}`);
      }),
    );
    expect(unnamed).toEqual([]);
  });
});
