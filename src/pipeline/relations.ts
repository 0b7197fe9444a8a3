/**
 * Linear relations among numbered cells, Σ coef·value = 0 (or ≥ 0 for a bound): a total and its
 * parts, a stock and its flows, last year's end and this year's start. Pure: no I/O.
 */
export interface Relation {
  cells: number[];
  coefs: number[];
}

/**
 * Relations packed into typed arrays: relation r is Σ coefs[t]·cells[t] over t from starts[r] to
 * starts[r + 1]. A national system has two million relations: as objects they held 0,3 GB of the
 * heap and gave the collector millions of arrays to trace.
 */
export interface PackedRelations {
  length: number;
  starts: Int32Array;
  cells: Int32Array;
  coefs: Float64Array;
}

/** Relations as objects (a few, written by hand) or packed (as many as a country has). */
export type Relations = Relation[] | PackedRelations;

/** Packs relations as they come, growing its arrays as needed; `done` gives them trimmed to what was written. */
export function relationWriter() {
  let [count, entries] = [0, 0];
  let starts = new Int32Array(1024);
  let cells = new Int32Array(4096);
  let coefs = new Float64Array(4096);
  const grown = <A extends Int32Array | Float64Array>(array: A, needed: number): A => {
    if (needed <= array.length) return array;
    const larger = new (array.constructor as new (n: number) => A)(Math.max(needed, 2 * array.length));
    larger.set(array);
    return larger;
  };
  return {
    /** Writes Σ coefs[i]·cells[i] over i from `from` to `to` (by default every term given). */
    add(termCells: ArrayLike<number>, termCoefs: ArrayLike<number>, from = 0, to = termCells.length) {
      starts = grown(starts, count + 2);
      cells = grown(cells, entries + to - from);
      coefs = grown(coefs, entries + to - from);
      for (let i = from; i < to; i++, entries++) {
        cells[entries] = termCells[i];
        coefs[entries] = termCoefs[i];
      }
      starts[++count] = entries;
    },
    done: (): PackedRelations => ({
      length: count,
      starts: starts.slice(0, count + 1),
      cells: cells.slice(0, entries),
      coefs: coefs.slice(0, entries),
    }),
  };
}

const isPacked = (relations: Relations): relations is PackedRelations => !Array.isArray(relations);

/**
 * What visits a relation: its terms are cells[t] and coefs[t] for t from `from` to `to` (the packed
 * arrays, or the relation's own), and `index` is its number.
 */
export type RelationVisitor = (cells: ArrayLike<number>, coefs: ArrayLike<number>, from: number, to: number, index: number) => void;

/** Visits each relation in order, without making an object or array of it. */
export function forEachRelation(relations: Relations, visit: RelationVisitor) {
  if (isPacked(relations)) {
    const { starts, cells, coefs } = relations;
    for (let r = 0; r < relations.length; r++) visit(cells, coefs, starts[r], starts[r + 1], r);
  } else {
    for (const [index, r] of relations.entries()) visit(r.cells, r.coefs, 0, r.cells.length, index);
  }
}

/** How many terms the relations have in all. */
export const termCount = (relations: Relations): number =>
  isPacked(relations) ? relations.cells.length : relations.reduce((n, r) => n + r.cells.length, 0);

/** The relations of each list in turn, packed into one. */
export function packRelations(...lists: Relations[]): PackedRelations {
  const writer = relationWriter();
  for (const list of lists) {
    forEachRelation(list, (cells, coefs, from, to) => {
      writer.add(cells, coefs, from, to);
    });
  }
  return writer.done();
}

/** Each relation as an object: for the methods that work on a few thousand (cell suppression) and for reading them. */
export function unpackRelations(relations: Relations): Relation[] {
  const out: Relation[] = [];
  forEachRelation(relations, (cells, coefs, from, to) => {
    out.push({
      cells: Array.prototype.slice.call(cells, from, to) as number[],
      coefs: Array.prototype.slice.call(coefs, from, to) as number[],
    });
  });
  return out;
}
