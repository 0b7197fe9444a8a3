import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromWire,
  type GroupOfRows,
  packRows,
  resultFromWire,
  resultToWire,
  roundSharedGroups,
  rowWriter,
  shareGroups,
  sharedAnswers,
  toWire,
} from '../../src/pipeline/lp-transport.ts';
import type { RoundingGroup } from '../../src/pipeline/rounding-group.ts';

const bound = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.NEGATIVE_INFINITY));
const row = fc.record({
  cols: fc.array(fc.nat(40), { maxLength: 6 }),
  lower: fc.integer({ min: -50, max: 50 }),
  upper: bound,
  tag: fc.nat(1000),
});
const withCoefs = <R extends { cols: number[] }>(r: R) => ({ ...r, coefs: r.cols.map((c) => (c % 3) - 1.5) });
/** A rounding group with its numbers in plain arrays, as the main thread makes them. */
type PlainGroup = { cols: number[]; lean: number[]; rows: (RoundingGroup['rows'][number] & { cols: number[]; coefs: number[] })[] };
const group = fc.array(row, { maxLength: 6 }).map(
  (rows): PlainGroup => ({
    cols: rows.map((r) => r.tag),
    lean: rows.map((r) => r.lower / 7),
    rows: rows.map(({ tag, ...r }) => withCoefs({ ...r, soft: tag % 2 === 1 })),
  }),
);

describe('rows packed as they come', () => {
  it('are the rows written, as packing them all at once gives, and no more than they were given room for', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const writer = rowWriter(
          rows.length + 2,
          rows.reduce((n, r) => n + r.cols.length, 3),
        );
        const numbers = rows.map((r) => {
          const { cols, coefs } = withCoefs(r);
          // Longer arrays than the row: only its first terms are written.
          return writer.add([...cols, 7], [...coefs, 9], cols.length, r.lower, r.upper, r.tag);
        });
        expect(numbers).toEqual(rows.map((_, i) => i));
        expect(writer.done()).toEqual(packRows(rows.map(withCoefs), (r) => r.tag));
        expect(() => writer.add([1, 2, 3, 4], [1, 1, 1, 1], 4, 0, 0, 0)).toThrow(/room/);
      }),
    );
  });
});

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
        const arrived = fromWire(structuredClone(toWire(region)));
        // A worker reads each row's terms as views of what was posted: compared here as plain arrays.
        const rowsArrived = arrived.rows.map((r) => ({ ...r, cols: Array.from(r.cols), coefs: Array.from(r.coefs) }));
        expect({ ...arrived, rows: rowsArrived }).toEqual(region);
      }),
    );
  });

  it('send their answers back as they were found', () => {
    const ranges = { lo: [0, -2.5], hi: [4, 1e7], binding: [[1, [3, 4]]] as [number, number[]][], solves: 6 };
    expect(resultFromWire(structuredClone(resultToWire(ranges)))).toEqual(ranges);
  });
});

describe('rounding groups shared among workers', () => {
  const answer = (g: RoundingGroup) => Array.from(g.lean, (l, i) => l < 0 !== (i % 2 === 0));
  /** A group as a worker reads it (its numbers views into the shared memory), in plain arrays. */
  const plain = (g: RoundingGroup): PlainGroup => ({
    cols: Array.from(g.cols),
    lean: Array.from(g.lean),
    rows: g.rows.map((r) => ({ ...r, cols: Array.from(r.cols), coefs: Array.from(r.coefs) })),
  });
  /** The groups' rows packed as the rounding holds them, in reverse (a group's rows need not be side by side), and the groups by their rows' numbers. */
  const packed = (groups: PlainGroup[]) => {
    const all = groups.flatMap((g) => g.rows).reverse();
    const rows = packRows(all, (r) => (r.soft ? 1 : 0));
    return { rows, numbered: groups.map((g): GroupOfRows => ({ cols: g.cols, lean: g.lean, rows: g.rows.map((r) => all.indexOf(r)) })) };
  };

  it('reach a worker as they were sent, and what it answers is read for each group', () => {
    fc.assert(
      fc.property(fc.array(group, { maxLength: 12 }), (groups) => {
        const { rows, numbered } = packed(groups);
        const shared = shareGroups(rows, numbered);
        const taken: PlainGroup[] = [];
        // Posting shares the memory, not a copy: what the worker writes is read here.
        roundSharedGroups(structuredClone(shared), (g) => {
          taken.push(plain(g));
          return answer(g);
        });
        expect(taken).toEqual(groups);
        expect(sharedAnswers(shared)).toEqual(groups.map(answer));
      }),
    );
  });

  it('are each taken once by workers taking at the same time', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 12 }), (groups) => {
        const { rows, numbered } = packed(groups);
        const shared = shareGroups(rows, numbered);
        const [one, other] = [structuredClone(shared), structuredClone(shared)];
        const takenBy = { one: [] as PlainGroup[], other: [] as PlainGroup[] };
        // While the first worker solves its first group, the other takes all that are left.
        roundSharedGroups(one, (g) => {
          if (takenBy.one.length === 0)
            roundSharedGroups(other, (h) => {
              takenBy.other.push(plain(h));
              return answer(h);
            });
          takenBy.one.push(plain(g));
          return answer(g);
        });
        expect(takenBy.one).toEqual(groups.slice(0, 1));
        expect(takenBy.other).toEqual(groups.slice(1));
        expect(sharedAnswers(shared)).toEqual(groups.map(answer));
      }),
    );
  });
});
