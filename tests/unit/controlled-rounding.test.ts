import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundControlled } from '../../src/pipeline/controlled-rounding.ts';
import { auditIntervals, DERIVED, ROUNDED } from '../../src/pipeline/interval-audit.ts';
import { highs } from '../../src/pipeline/linear-components.ts';
import { type RoundingGroup, roundGroup, roundOneRow } from '../../src/pipeline/rounding-group.ts';

const draws = (n: number, u = 0.5) => new Float64Array(n).fill(u);
const holds = (values: number[], rel: { cells: number[]; coefs: number[] }) =>
  rel.cells.reduce((s, c, i) => s + rel.coefs[i] * values[c], 0);

describe('controlled random rounding', () => {
  it('rounds each count to a neighbouring multiple, up when its draw is below remainder / base, and keeps multiples', async () => {
    const values = [0, 1, 4, 5, 12, 13];
    expect(await roundControlled({ values, equalities: [], inequalities: [], base: 5, draws: draws(6, 0.5) })).toEqual([
      0, 0, 5, 5, 10, 15,
    ]);
    expect(await roundControlled({ values, equalities: [], inequalities: [], base: 5, draws: draws(6, 0.1) })).toEqual([
      0, 5, 5, 5, 15, 15,
    ]);
  });

  it('keeps a stock equal to its start less exits plus entries, across a chain of years', async () => {
    // end = start − exited + new; next year's start is this year's end (cell 3 used twice).
    const values = [3, 1, 2, 4, 2, 1, 3];
    const equalities = [
      { cells: [3, 0, 1, 2], coefs: [1, -1, 1, -1] },
      { cells: [6, 3, 4, 5], coefs: [1, -1, 1, -1] },
    ];
    for (const u of [0, 0.3, 0.7, 0.99]) {
      const out = await roundControlled({ values, equalities, inequalities: [], base: 5, draws: draws(7, u) });
      for (const e of equalities) expect(holds(out, e)).toBe(0);
      out.forEach((v, i) => {
        expect(v % 5).toBe(0);
        expect(Math.abs(v - values[i])).toBeLessThan(5);
      });
    }
  });

  it('keeps every identity for any counts and any draws, and each count less than a base from the truth', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 24, maxLength: 24 }),
        async (rows, us) => {
          // Per row: a, b, a + b, and a total of the a column over the rows.
          const values: number[] = [];
          const equalities = [];
          for (const [a, b] of rows) {
            values.push(a, b, a + b);
            equalities.push({ cells: [values.length - 1, values.length - 3, values.length - 2], coefs: [1, -1, -1] });
          }
          const out = await roundControlled({
            values,
            equalities,
            inequalities: [],
            base: 3,
            draws: Float64Array.from(values, (_, i) => us[i % 24]),
          });
          for (const e of equalities) expect(holds(out, e)).toBe(0);
          for (const [i, v] of out.entries()) expect(Math.abs(v - values[i])).toBeLessThan(3);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('breaks as few identities as it must where no rounding keeps them all', async () => {
    // Three equal parts of 2 and their total 6: the parts go to 0 or 5 together, so their sum is
    // 0 or 15, and the total can only be 5 or 10.
    const values = [2, 2, 2, 6];
    const equalities = [
      { cells: [0, 1], coefs: [1, -1] },
      { cells: [1, 2], coefs: [1, -1] },
      { cells: [3, 0, 1, 2], coefs: [1, -1, -1, -1] },
    ];
    const out = await roundControlled({ values, equalities, inequalities: [], base: 5, draws: draws(4) });
    out.forEach((v, i) => {
      expect(v % 5).toBe(0);
      expect(Math.abs(v - values[i])).toBeLessThan(5);
    });
    expect(equalities.filter((e) => holds(out, e) !== 0)).toHaveLength(1);
  });

  it('keeps a bound where it can: a part never rounds above its whole', async () => {
    // whole − part ≥ 0, both 3. The whole's draw says down, the part's says up more surely: the
    // part going up alone would break the bound, so both go up.
    const values = [3, 3];
    const inequalities = [{ cells: [0, 1], coefs: [1, -1] }];
    const u = Float64Array.from([0.9, 0.1]);
    expect(await roundControlled({ values, equalities: [], inequalities, base: 5, draws: u })).toEqual([5, 5]);
    expect(await roundControlled({ values, equalities: [], inequalities: [], base: 5, draws: u })).toEqual([0, 5]);
  });

  it('leaves a reader who knows the base an interval at least base − 1 wide for every count', async () => {
    const values = [4, 1, 3, 9];
    const equalities = [{ cells: [0, 1, 2], coefs: [1, -1, -1] }];
    const rounded = await roundControlled({ values, equalities, inequalities: [], base: 5, draws: draws(4, 0.4) });
    const r = await auditIntervals({
      values: rounded,
      witness: values,
      state: Uint8Array.from([DERIVED, ROUNDED, ROUNDED, ROUNDED]),
      equalities,
      inequalities: [],
      band: [1, 4],
      base: 5,
      width: 4,
    });
    expect(r.narrow).toEqual([]);
    expect(r.checked).toBe(3);
  });

  it('rounds a one-row group (a total and its parts, or a bound) directly, at least as cheaply as the solver', async () => {
    const solver = await highs();
    // What the solver minimises: each count's lean if it goes up, and a high price per unit a bound is broken.
    const cost = (group: RoundingGroup, up: boolean[]) => {
      const [row] = group.rows;
      const cols = Array.from(group.cols);
      const sum = Array.from(row.cols).reduce((s, c, i) => s + row.coefs[i] * (up[cols.indexOf(c)] ? 1 : 0), 0);
      const broken = Math.max(0, row.lower - sum, sum - row.upper);
      return up.reduce((s, u, j) => s + (u ? group.lean[j] : 0), 0) + 1e4 * broken;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(1, -1), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: -4, max: 4 }),
        fc.boolean(),
        (cells, target, soft) => {
          const group: RoundingGroup = {
            cols: cells.map((_, j) => j * 3),
            rows: [
              {
                cols: cells.map((_, j) => j * 3),
                coefs: cells.map(([c]) => c),
                lower: target,
                upper: soft ? Number.POSITIVE_INFINITY : target,
                soft,
              },
            ],
            lean: cells.map(([, lean]) => lean),
          };
          const direct = roundOneRow(group);
          const possible = soft || (target <= cells.filter(([c]) => c === 1).length && -target <= cells.filter(([c]) => c === -1).length);
          expect(direct === null).toBe(!possible);
          // At least as cheap as the solver's, which stops within its tolerances.
          if (direct) expect(cost(group, direct)).toBeLessThanOrEqual(cost(group, roundGroup(solver, group)) + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
    // Anything else is left to the solver.
    const two = {
      cols: [0, 1],
      lean: [0.1, -0.1],
      rows: [0, 1].map(() => ({ cols: [0, 1], coefs: [1, 1], lower: 1, upper: 1, soft: false })),
    };
    expect(roundOneRow(two)).toBeNull();
    expect(roundOneRow({ ...two, rows: [{ ...two.rows[0], coefs: [1, 2] }] })).toBeNull();
  });
});
