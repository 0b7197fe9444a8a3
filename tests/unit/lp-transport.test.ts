import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWire, resultFromWire, resultToWire, toWire } from '../../src/pipeline/lp-transport.ts';

const bound = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.NEGATIVE_INFINITY));
const row = fc.record({
  cols: fc.array(fc.nat(40), { maxLength: 6 }),
  lower: fc.integer({ min: -50, max: 50 }),
  upper: bound,
  tag: fc.nat(1000),
});
const withCoefs = <R extends { cols: number[] }>(r: R) => ({ ...r, coefs: r.cols.map((c) => (c % 3) - 1.5) });

describe('the programmes as they are posted to a worker', () => {
  it('arrive as they were sent: every row, bound and cell, in order, Infinity included', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(bound, { minLength: 5, maxLength: 5 }), fc.boolean(), (rows, cell, exact) => {
        const region = {
          rows: rows.map(({ tag, ...r }) => withCoefs({ ...r, source: tag })),
          colLower: [cell[0]],
          colUpper: [cell[1]],
          lo: [cell[2]],
          hi: [cell[3]],
          need: [cell[4]],
          exact,
          exactLimit: 3,
        };
        expect(fromWire(structuredClone(toWire({ kind: 'audit', region })))).toEqual({ kind: 'audit', region });
        const group = {
          cols: rows.map((r) => r.tag),
          lean: rows.map((r) => r.lower / 7),
          rows: rows.map(({ tag, ...r }) => withCoefs({ ...r, soft: tag % 2 === 1 })),
        };
        expect(fromWire(structuredClone(toWire({ kind: 'round', group })))).toEqual({ kind: 'round', group });
      }),
    );
  });

  it('send their answers back as they were found', () => {
    const directions = [true, false, false, true];
    expect(resultFromWire(structuredClone(resultToWire(directions)))).toEqual(directions);
    const ranges = { lo: [0, -2.5], hi: [4, 1e7], binding: [[1, [3, 4]]] as [number, number[]][], solves: 6 };
    expect(resultFromWire(structuredClone(resultToWire(ranges)))).toEqual(ranges);
  });
});
