import { describe, expect, it } from 'vitest';
import { buildCellSystem } from '../../src/pipeline/disclosure-facts.ts';
import type { Fact } from '../../src/pipeline/facts.ts';
import { readerKnowledge } from '../../src/pipeline/reader-knowledge.ts';
import { unpackRelations } from '../../src/pipeline/relations.ts';

const meta = { standards: [{ id: 'national', years: [2023, 2024] }], eligible_equals_poor_near_poor: [] } as never;
const poverty = (code: string, year: number, values: Record<string, number>): Fact => ({
  table: 'poverty',
  level: 'commune',
  code,
  district_code: '1',
  year,
  dims: { standard: 'national' },
  values,
});
const unit = (unit_code: string, valid_from: string, valid_to: string | null, predecessor_codes: string | null = null) => ({
  unit_code,
  valid_from,
  valid_to,
  predecessor_codes,
});
// A and B merge into A on 1/11/2024: A's 2024 start is what A and B ended 2023 with.
const units = [unit('A', '2020-01-01', '2024-10-31'), unit('B', '2020-01-01', '2024-10-31'), unit('A', '2024-11-01', null, 'A;B')];
const described = (facts: Fact[]) => {
  const system = buildCellSystem(facts, [], []);
  const name = (c: number) => `${system.cells.fact[c].code}${system.cells.fact[c].year}.${system.cells.measure[c]}`;
  const { equalities } = readerKnowledge(system, meta, units);
  return unpackRelations(equalities).map((r) => r.cells.map((c, i) => `${r.coefs[i]}·${name(c)}`).join(' '));
};

describe('what a reader knows about merged communes', () => {
  it('declares a merged commune’s first start equal to the sum of its predecessors’ last ends', () => {
    const facts = [
      poverty('A', 2023, { poor: 3, near_poor: 1 }),
      poverty('B', 2023, { poor: 2, near_poor: 0 }),
      poverty('A', 2024, { poor_start: 5, poor: 4, near_poor_start: 1, near_poor: 2 }),
    ];
    expect(described(facts)).toEqual([
      '1·A2024.poor_start -1·A2023.poor -1·B2023.poor',
      '1·A2024.near_poor_start -1·A2023.near_poor -1·B2023.near_poor',
    ]);
  });

  it('declares nothing where the data do not bear it out (a predecessor was split, or a year is missing)', () => {
    const facts = [
      poverty('A', 2023, { poor: 3, near_poor: 1 }),
      poverty('B', 2023, { poor: 2 }),
      poverty('A', 2024, { poor_start: 4, poor: 4, near_poor_start: 1 }),
    ];
    expect(described(facts)).toEqual([]);
  });

  it('does not carry a formed unit’s start over from the unit that had its code, even where the two happen to be equal', async () => {
    const { communeCountFacts, countSystem } = await import('../../src/pipeline/count-facts.ts');
    const row = (unit_code: string, year: number, poor_start: number, poor: number) => ({
      unit_code,
      year,
      standard: 'national',
      households: 100,
      poor_start,
      poor_exited: 0,
      poor_new: poor - poor_start,
      poor_relapsed: 0,
      poor,
    });
    const dataset = {
      meta: { province: { code: 'P' } },
      tables: {
        units: units.map((u) => ({ ...u, district_code: '1' })),
        // B ended 2023 with 0: A's 2024 start equals A's own 2023 end by coincidence.
        poverty: [row('A', 2023, 3, 3), row('B', 2023, 0, 0), row('A', 2024, 3, 3)],
      },
    } as never;
    const system = countSystem(dataset, communeCountFacts(dataset));
    const carries = unpackRelations(system.relations).filter(
      (r) => r.cells.length === 2 && r.cells.some((c) => system.cells.measure[c] === 'poor_start'),
    );
    expect(carries).toEqual([]);
  });
});
