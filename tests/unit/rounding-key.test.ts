import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/pipeline/load-dataset.ts';
import { roundingKey } from '../../src/pipeline/protect-counts.ts';

type Row = { unit_code: string; unit_name: string; table: string; year: number; poor: number };
/** `n` rows of a table, the years from `first` on in turn. */
const rows = (n: number, table: string, first = 2021, years = 1): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    unit_code: String(i).padStart(5, '0'),
    unit_name: `Xã Đồng Tâm ${i} 🏔`,
    table,
    year: first + (i % years),
    poor: i % 7,
  }));
const datasetOf = (tables: Record<string, Row[]>) => ({ tables }) as unknown as Dataset;
/** The key as defined: a digest of the first year's rows of the three tables as JSON, one line each. */
const defined = (tables: Record<string, Row[]>) => {
  const first = Math.min(...Object.values(tables).flatMap((rows) => rows.map((r) => r.year)));
  return createHash('sha256')
    .update(['poverty', 'deprivation', 'coverage'].map((t) => JSON.stringify((tables[t] ?? []).filter((r) => r.year === first))).join('\n'))
    .digest('hex');
};

describe('the rounding key without a secret', () => {
  it("is the digest of the first year's counts as JSON, however many rows it is made from at a time", () => {
    const cases: Record<string, Row[]>[] = [
      {},
      { poverty: rows(1, 'poverty') },
      { poverty: rows(25_001, 'poverty', 2021, 3), deprivation: rows(10_000, 'deprivation', 2020, 5), coverage: rows(3, 'coverage') },
    ];
    for (const tables of cases) {
      expect(roundingKey(datasetOf(tables), '')).toBe(defined(tables));
    }
  });

  it('stays the same when a release adds a year or revises a later one, and changes when the first year is revised', () => {
    const release = { poverty: rows(900, 'poverty', 2021, 3), coverage: rows(30, 'coverage', 2021, 3) };
    const key = roundingKey(datasetOf(release), '');
    const next = { ...release, poverty: [...release.poverty, ...rows(300, 'poverty', 2024)] };
    expect(roundingKey(datasetOf(next), '')).toBe(key);
    const revised = (year: number) => ({
      ...release,
      poverty: release.poverty.map((r, i) => (i === 4 ? { ...r, year, poor: r.poor + 1 } : r)),
    });
    expect(release.poverty[4].year).toBe(2022);
    expect(roundingKey(datasetOf(revised(2022)), '')).toBe(key);
    expect(roundingKey(datasetOf(revised(2021)), '')).not.toBe(key);
  });

  it('is the secret where one is set', () => {
    expect(roundingKey(datasetOf({ poverty: rows(2, 'poverty') }), 'a secret')).toBe('a secret');
  });
});
