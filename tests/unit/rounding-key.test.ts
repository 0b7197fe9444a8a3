import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/pipeline/load-dataset.ts';
import { roundingKey } from '../../src/pipeline/protect-counts.ts';

const rows = (n: number, table: string) =>
  Array.from({ length: n }, (_, i) => ({ unit_code: String(i).padStart(5, '0'), unit_name: `Xã Đồng Tâm ${i} 🏔`, table, poor: i % 7 }));
const datasetOf = (tables: Record<string, unknown[]>) => ({ tables }) as unknown as Dataset;
/** The key as defined: a digest of the three tables as JSON, one line each. */
const defined = (tables: Record<string, unknown[]>) =>
  createHash('sha256')
    .update(['poverty', 'deprivation', 'coverage'].map((t) => JSON.stringify(tables[t] ?? [])).join('\n'))
    .digest('hex');

describe('the rounding key without a secret', () => {
  it('is the digest of the counts as JSON, however many rows it is made from at a time', () => {
    const cases: Record<string, unknown[]>[] = [
      {},
      { poverty: rows(1, 'poverty') },
      { poverty: rows(25_001, 'poverty'), deprivation: rows(10_000, 'deprivation'), coverage: rows(3, 'coverage') },
    ];
    for (const tables of cases) {
      expect(roundingKey(datasetOf(tables), '')).toBe(defined(tables));
    }
  });

  it('is the secret where one is set', () => {
    expect(roundingKey(datasetOf({ poverty: rows(2, 'poverty') }), 'a secret')).toBe('a secret');
  });
});
