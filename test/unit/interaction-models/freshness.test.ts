/** The committed generated models must be exactly what the generator makes from the current source. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../interaction-models/generator/catalog-source';
import { buildModels, GENERATED_DIRS } from '../../../interaction-models/generator/index';

const modelsDir = fileURLToPath(new URL('../../../interaction-models/', import.meta.url));
const catalog = readCatalog(fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url)));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('generated interaction models', () => {
  const generated = buildModels(catalog);

  it('are committed exactly as the generator writes them', () => {
    const stale = generated
      .filter((file) => {
        const target = join(modelsDir, file.path);
        return !existsSync(target) || readFileSync(target, 'utf8') !== file.content;
      })
      .map((file) => file.path);
    expect(stale, `stale or missing model files: run npm run models:build`).toEqual([]);
  });

  it('contain no file the generator no longer writes', () => {
    const wanted = new Set(generated.map((file) => file.path));
    const leftovers = GENERATED_DIRS.flatMap((dir) => filesUnder(join(modelsDir, dir)))
      .map((path) => relative(modelsDir, path).split(sep).join('/'))
      .filter((path) => !wanted.has(path));
    expect(leftovers, 'files without a source: run npm run models:build').toEqual([]);
  });

  it('come out byte-identical on a second build (no clock, no random ids, stable order)', () => {
    const again = buildModels(catalog);
    expect(again.map((file) => file.path)).toEqual(generated.map((file) => file.path));
    expect(again.map((file) => file.content)).toEqual(generated.map((file) => file.content));
    expect([...generated.map((file) => file.path)].sort()).toEqual(generated.map((file) => file.path));
    for (const file of generated) expect(file.content.endsWith('}\n') || file.content.endsWith(']\n'), file.path).toBe(true);
  });
});
