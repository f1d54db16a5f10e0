/**
 * `npm run models:build`: regenerates the Alexa skill-package and the Dialogflow agent from the neutral
 * source and the demo catalog, and removes generated files that no longer have a source.
 * `npm run models:build -- --catalog <file>` builds from another catalog file (a committed version of it, say).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalog } from './generator/catalog-source';
import { buildModels, GENERATED_DIRS } from './generator/index';

const modelsDir = dirname(fileURLToPath(import.meta.url));
const catalogFlag = process.argv.indexOf('--catalog');
const catalogPath = catalogFlag >= 0 && process.argv[catalogFlag + 1] ? process.argv[catalogFlag + 1]! : join(modelsDir, '..', 'skill', 'data', 'demo-catalog.json');

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function main(): void {
  const files = buildModels(readCatalog(catalogPath));
  const wanted = new Set(files.map((file) => file.path));
  let removed = 0;
  for (const dir of GENERATED_DIRS) {
    for (const existing of filesUnder(join(modelsDir, dir))) {
      if (!wanted.has(relative(modelsDir, existing).split(sep).join('/'))) {
        rmSync(existing);
        removed += 1;
      }
    }
  }
  for (const file of files) {
    const target = join(modelsDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(`Wrote ${files.length} model files under interaction-models/ (${removed} stale removed).`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
