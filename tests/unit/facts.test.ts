import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communeFacts, dimsKey, factKey, withSums } from '../../src/pipeline/facts.ts';
import type { TypedRow } from '../../src/pipeline/validate-columns.ts';

const units = ['A', 'B', 'C'].map((unit_code) => ({ unit_code, district_code: 'D', valid_from: '2020-01-01', valid_to: null }));
const row = (unit_code: string, year: number, standard: string, indicator: string, households_deprived: number, line = 2): TypedRow => ({
  _line: line,
  unit_code,
  year,
  standard,
  indicator,
  households_deprived,
});
const dimensions = ['standard', 'indicator'];

describe('commune facts', () => {
  it('adds up rows with the same key, and gives facts with the same dimensions one object of them', () => {
    const facts = communeFacts(
      'deprivation',
      [row('A', 2023, 'national', 'health', 3), row('A', 2023, 'national', 'health', 4), row('B', 2023, 'national', 'health', 5)],
      dimensions,
      ['households_deprived'],
      units,
    );
    expect(facts.map((f) => [f.code, f.values.households_deprived])).toEqual([
      ['A', 7],
      ['B', 5],
    ]);
    expect(facts[0].dims).toEqual({ standard: 'national', indicator: 'health' });
    expect(facts[0].dims).toBe(facts[1].dims);
  });

  it('keys each fact by its dimensions in their order, as a fact made by hand is keyed', () => {
    const text = fc.string({ minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 2021, max: 2025 }), text, text), { maxLength: 30 }),
        (rows) => {
          const facts = communeFacts(
            'deprivation',
            rows.map(([code, year, standard, indicator]) => row(code, year, standard, indicator, 1)),
            dimensions,
            ['households_deprived'],
            units,
          );
          const byHand = new Set(
            rows.map(([code, year, standard, indicator]) => `deprivation|commune|${code}|${year}|${standard}|${indicator}`),
          );
          expect(new Set(facts.map(factKey))).toEqual(byHand);
          for (const f of facts) expect(dimsKey(f.dims)).toBe(Object.values({ ...f.dims }).join('|'));
          // Every sum shares its parts' dimensions, so it is keyed by them too.
          for (const sum of withSums(facts, ['households_deprived'], 'P'))
            expect(dimsKey(sum.dims)).toBe(`${sum.dims.standard}|${sum.dims.indicator}`);
        },
      ),
    );
  });
});
