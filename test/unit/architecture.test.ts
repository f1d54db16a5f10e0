/**
 * The rooms of the design, checked rather than only written down: the core decides and imports no SDK, no
 * database client, no express and no outer room; platforms translate and never reach into the store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? match[2]!);
}

function violations(dir: string, forbidden: RegExp[]): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden.some((rule) => rule.test(specifier)))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

describe('architecture rooms', () => {
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
