import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPriors, emptyPriors } from '../../../skill/core/replenishment/offline';
import type { CustomerHistory } from '../../../skill/core/replenishment/offline';
import { loadPriorsFile, PriorsFileError } from '../../../skill/store/priors-file';

const dir = mkdtempSync(join(tmpdir(), 'vocart-priors-'));

function history(customerId: string, gapDays: number): CustomerHistory {
  return {
    customerId,
    orders: [0, 1, 2, 3].map((n) => ({
      moment: { orderNumber: n + 1, day: n * gapDays },
      lines: [{ productId: 'coffee', categoryId: 'hot-drinks' }, ...(n % 2 === 0 ? [{ productId: 'filters', categoryId: 'hot-drinks' }] : [])],
    })),
  };
}

describe('the replenishment priors file', () => {
  it('means no priors when no file is configured', () => {
    expect(loadPriorsFile(undefined)).toEqual(emptyPriors());
  });

  it('reads back exactly what the build wrote', () => {
    const priors = buildPriors([history('a', 7), history('b', 14), history('c', 10)]);
    const path = join(dir, 'priors.json');
    writeFileSync(path, JSON.stringify(priors));
    const loaded = loadPriorsFile(path);
    expect(loaded).toEqual(priors);
    expect(loaded.customers).toBe(3);
    expect(loaded.products['coffee']?.buyers).toBe(3);
  });

  it('refuses a missing file and a file of another shape with a message naming it', () => {
    expect(() => loadPriorsFile(join(dir, 'missing.json'))).toThrow(PriorsFileError);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ version: 2, products: [] }));
    expect(() => loadPriorsFile(wrong)).toThrow(/wrong\.json is not a replenishment priors file/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1,');
    expect(() => loadPriorsFile(broken)).toThrow(/Cannot read replenishment priors at .*broken\.json/);
  });
});
