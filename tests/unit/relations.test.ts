import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachRelation, packRelations, type Relation, termCount, unpackRelations } from '../../src/pipeline/relations.ts';

const relation = fc.record({
  cells: fc.array(fc.nat(10_000), { minLength: 1, maxLength: 8 }),
  coefs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
});
// Each relation's coefficients as many as its cells.
const relations = fc
  .array(relation, { maxLength: 60 })
  .map((list) => list.map((r) => ({ cells: r.cells, coefs: r.coefs.slice(0, r.cells.length) })));

describe('packed relations', () => {
  it('give back every relation, in order, whether packed from objects or from packed lists', () => {
    fc.assert(
      fc.property(relations, relations, (a, b) => {
        const packed = packRelations(a, packRelations(b));
        expect(packed.length).toBe(a.length + b.length);
        expect(termCount(packed)).toBe(termCount(a) + termCount(b));
        expect(unpackRelations(packed)).toEqual([...a, ...b]);
      }),
    );
  });

  it('grow past the room they start with (a national system has millions)', () => {
    const many: Relation[] = Array.from({ length: 5000 }, (_, i) => ({ cells: [i, i + 1, i + 2], coefs: [1, -1, -1] }));
    const packed = packRelations(many);
    expect(packed.length).toBe(5000);
    expect(packed.cells.length).toBe(15_000);
    expect(unpackRelations(packed)).toEqual(many);
  });

  it('are visited with their number and the range of their terms', () => {
    const seen: string[] = [];
    forEachRelation(
      packRelations([
        { cells: [4, 5], coefs: [1, -1] },
        { cells: [6], coefs: [2] },
      ]),
      (cells, coefs, from, to, index) => {
        for (let t = from; t < to; t++) seen.push(`${index}:${coefs[t]}·${cells[t]}`);
      },
    );
    expect(seen).toEqual(['0:1·4', '0:-1·5', '1:2·6']);
  });
});
