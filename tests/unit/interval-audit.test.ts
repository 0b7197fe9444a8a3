import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditRegion, auditOneRow, auditRegion } from '../../src/pipeline/audit-region.ts';
import { auditIntervals, BANDED, PUBLISHED, WITHHELD, widenAlong } from '../../src/pipeline/interval-audit.ts';
import { packRows } from '../../src/pipeline/lp-transport.ts';
import { highs } from '../../src/pipeline/linear-components.ts';

// Cells: 0 = a total, 1 and 2 = its parts. The total is published.
const sum = { cells: [0, 1, 2], coefs: [1, -1, -1] };
const audit = (values: number[], state: number[], width: number, inequalities = [] as (typeof sum)[], exactLimit?: number) =>
  auditIntervals({ values, state: Uint8Array.from(state), equalities: [sum], inequalities, band: [1, 4], width }, exactLimit);

describe('interval audit by linear programming', () => {
  it('finds two withheld parts of a published total as wide as the total', async () => {
    const r = await audit([10, 3, 7], [PUBLISHED, WITHHELD, WITHHELD], 3);
    expect(r.checked).toBe(2);
    expect(r.narrow).toEqual([]);
    expect(r.narrowestWidth).toBeGreaterThanOrEqual(3);
  });

  it('finds a withheld part exact when the other part is published, and names the constraint that pins it', async () => {
    const r = await audit([10, 3, 7], [PUBLISHED, WITHHELD, PUBLISHED], 3);
    expect(r.narrow).toEqual([{ cell: 1, min: 3, max: 3, binding: [0] }]);
    expect(r.narrowestWidth).toBe(0);
  });

  it('fails with the reason the solver gives when the published figures contradict each other', async () => {
    // Two bands of at most 4 cannot add up to a published 20.
    await expect(audit([20, 2, 3], [PUBLISHED, BANDED, BANDED], 2)).rejects.toThrow(/admit no solution/);
    // The worker is still there for the next audit.
    expect((await audit([10, 3, 7], [PUBLISHED, WITHHELD, WITHHELD], 3)).narrow).toEqual([]);
  });

  it('narrows two bands whose published sum is small', async () => {
    const r = await audit([3, 2, 1], [PUBLISHED, BANDED, BANDED], 2);
    expect(r.narrow.map((n) => [n.cell, n.min, n.max])).toEqual([
      [1, 1, 2],
      [2, 1, 2],
    ]);
  });

  it('uses bounds as well as equalities: a part at most a published 2 has at most three values', async () => {
    // Cell 3 is published (2) and bounds cell 1 from above: 2 − x ≥ 0.
    const bound = { cells: [3, 1], coefs: [1, -1] };
    const values = [10, 2, 8, 2];
    const state = [PUBLISHED, WITHHELD, WITHHELD, PUBLISHED];
    expect((await audit(values, state, 2, [bound])).narrow).toEqual([]);
    expect((await audit(values, state, 3, [bound])).narrow.map((n) => [n.cell, n.min, n.max])).toEqual([
      [1, 0, 2],
      [2, 8, 10],
    ]);
  });

  it('reads a cell named twice in a relation as one term with the coefficients summed', async () => {
    // 0 = 2·part, written with the part twice; a second relation (over two unknowns, so that a
    // solver is needed) ties the part to another withheld cell: 2·part = part + other.
    const twice = { cells: [0, 1, 1], coefs: [1, -1, -1] };
    const tie = { cells: [1, 2, 1], coefs: [1, -1, 1] };
    const values = [10, 5, 10];
    const state = Uint8Array.from([PUBLISHED, WITHHELD, WITHHELD]);
    const r = await auditIntervals({ values, state, equalities: [twice, tie], inequalities: [], band: [1, 4], width: 3 });
    expect(r.narrow.map((n) => [n.cell, n.min, n.max])).toEqual([
      [1, 5, 5],
      [2, 10, 10],
    ]);
  });

  it('reports cells the feasible points leave unproven without solving each, when asked to', async () => {
    const r = await audit([10, 3, 7], [PUBLISHED, WITHHELD, PUBLISHED], 3, [], 0);
    expect(r.narrow).toEqual([{ cell: 1, min: 3, max: 3, binding: [] }]);
  });

  it('works out a region of one row without the solver, to the same minimum and maximum for every cell', async () => {
    const solver = await highs();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            coef: fc.constantFrom(-2, -1, 1, 2),
            lower: fc.integer({ min: 0, max: 6 }),
            span: fc.integer({ min: 0, max: 8 }),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        (cells, slack) => {
          // A point inside every bound, and a row it satisfies: an identity, or a bound `slack` below it.
          const point = cells.map((c) => c.lower + c.at * c.span);
          const value = cells.reduce((s, c, j) => s + c.coef * point[j], 0);
          const region: AuditRegion = {
            rows: [
              {
                cols: cells.map((_, j) => j),
                coefs: cells.map((c) => c.coef),
                lower: value - (slack ?? 0),
                upper: slack === undefined ? value : Number.POSITIVE_INFINITY,
                source: 7,
              },
            ],
            colLower: cells.map((c) => c.lower),
            colUpper: cells.map((c) => c.lower + c.span),
            lo: point,
            hi: point,
            need: cells.map(() => Number.POSITIVE_INFINITY),
            exact: true,
            exactLimit: Number.POSITIVE_INFINITY,
          };
          const direct = auditOneRow(region);
          const solved = auditRegion(solver, region);
          direct.lo.forEach((lo, j) => {
            expect(lo).toBeCloseTo(solved.lo[j], 6);
            expect(direct.hi[j]).toBeCloseTo(solved.hi[j], 6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('proves a cell wide by one extreme when that suffices, and gives a narrow cell both extremes exactly', async () => {
    const solver = await highs();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            coef: fc.constantFrom(-1, 1, 2),
            lower: fc.integer({ min: 0, max: 6 }),
            span: fc.integer({ min: 0, max: 8 }),
            need: fc.integer({ min: 0, max: 9 }),
          }),
          { minLength: 2, maxLength: 6 },
        ),
        (cells) => {
          // Two rows over the same cells, so that the solver, not auditOneRow, is what answers.
          const point = cells.map((c) => c.lower + c.span / 2);
          const value = cells.reduce((s, c, j) => s + c.coef * point[j], 0);
          const row = { cols: cells.map((_, j) => j), coefs: cells.map((c) => c.coef), lower: value, upper: value };
          const region: AuditRegion = {
            rows: [
              { ...row, source: 1 },
              { ...row, lower: Number.NEGATIVE_INFINITY, upper: value + 100, source: 2 },
            ],
            colLower: cells.map((c) => c.lower),
            colUpper: cells.map((c) => c.lower + c.span),
            lo: point,
            hi: point,
            need: cells.map((c) => c.need),
            exact: true,
            exactLimit: Number.POSITIVE_INFINITY,
          };
          const exact = auditOneRow({ ...region, rows: [region.rows[0]] });
          const solved = auditRegion(solver, region);
          const width = (lo: number, hi: number) => Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6);
          cells.forEach((c, j) => {
            const wide = width(exact.lo[j], exact.hi[j]) >= c.need;
            expect(width(solved.lo[j], solved.hi[j]) >= c.need).toBe(wide);
            if (!wide) {
              expect(solved.lo[j]).toBeCloseTo(exact.lo[j], 6);
              expect(solved.hi[j]).toBeCloseTo(exact.hi[j], 6);
            }
            expect(solved.binding.some(([i]) => i === j)).toBe(!wide);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('feasible points on the line from the true counts towards the rounded ones', () => {
  // Cell 0 is a total of the parts after it (an equality), and at least its first part (an
  // inequality); each cell lies within 4 of its rounded value and is not negative, as a reader knows.
  const reach = 4;
  const block = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -reach, max: reach })), { minLength: 2, maxLength: 5 })
    .chain((parts) =>
      fc.record({ parts: fc.constant(parts), totalMoved: fc.integer({ min: -reach - 2, max: reach + 2 }) }).map(({ parts, totalMoved }) => {
        const truth = [parts.reduce((s, [x]) => s + x, 0), ...parts.map(([x]) => x)];
        const roundedParts = parts.map(([x, moved]) => Math.max(0, x + moved));
        // The rounded total is the sum of the rounded parts; a total moved too far leaves the truth outside its bounds.
        const rounded = [
          roundedParts.reduce((s, x) => s + x, 0) + (totalMoved > reach || totalMoved < -reach ? totalMoved : 0),
          ...roundedParts,
        ];
        return { truth, rounded };
      }),
    );
  const rowsOf = (n: number) => {
    const parts = Array.from({ length: n - 1 }, (_, i) => i + 1);
    return [
      { cols: [0, ...parts], coefs: [1, ...parts.map(() => -1)], lower: 0, upper: 0 },
      { cols: [0, 1], coefs: [1, -1], lower: 0, upper: 1e7 },
    ];
  };
  const feasible = (point: number[], rounded: number[], rows: ReturnType<typeof rowsOf>) =>
    point.every((v, j) => v >= Math.max(0, rounded[j] - reach) - 1e-6 && v <= rounded[j] + reach + 1e-6) &&
    rows.every((r) => {
      const s = r.cols.reduce((a, c, i) => a + r.coefs[i] * point[c], 0);
      return s >= r.lower - 1e-6 && s <= r.upper + 1e-6;
    });

  it('widens each range only to points that keep every bound and row, and at least to the rounded values when they keep them', () => {
    fc.assert(
      fc.property(block, ({ truth, rounded }) => {
        const n = truth.length;
        const rows = rowsOf(n);
        const known = { lo: Float64Array.from(truth), hi: Float64Array.from(truth) };
        const taken = widenAlong(
          packRows(rows, () => 0),
          { cols: truth.map((_, j) => j), rows: rows.map((_, r) => r) },
          (j) => truth[j],
          (j) => rounded[j],
          (j) => Math.max(0, rounded[j] - reach),
          (j) => rounded[j] + reach,
          known,
        );
        if (!feasible(truth, rounded, rows)) {
          expect(taken).toBeNull();
          expect([...known.lo]).toEqual(truth);
          return;
        }
        expect(taken).not.toBeNull();
        const [back, ahead] = taken!;
        const at = (t: number) => truth.map((x, j) => x + t * (rounded[j] - x));
        expect(feasible(at(back), rounded, rows)).toBe(true);
        expect(feasible(at(ahead), rounded, rows)).toBe(true);
        for (let j = 0; j < n; j++) {
          expect(known.lo[j]).toBeCloseTo(Math.min(truth[j], at(back)[j], at(ahead)[j]), 9);
          expect(known.hi[j]).toBeCloseTo(Math.max(truth[j], at(back)[j], at(ahead)[j]), 9);
        }
        if (feasible(rounded, rounded, rows)) expect(ahead).toBeGreaterThan(1 - 1e-6);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
