/**
 * Cell suppression for published counts. Cells are numbered; a relation says that
 * Σ coef·value = 0 holds among published cells (relations.ts). Pure: no I/O.
 */
import type { Relation } from './relations.ts';

export const NOT_SUPPRESSED = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

const EPSILON = 1e-9;

/**
 * The suppressed cells whose exact value follows from the published cells through the relations
 * (by any linear combination, not only by one subtraction): an attacker's best differencing.
 */
export function recoverableCells(relations: Relation[], suppressed: Uint8Array): number[] {
  const pivots = new Map<number, Map<number, number>>();
  const rowsWithColumn = new Map<number, Set<number>>();
  const index = (pivot: number, row: Map<number, number>) => {
    for (const c of row.keys()) {
      let set = rowsWithColumn.get(c);
      if (!set) {
        set = new Set();
        rowsWithColumn.set(c, set);
      }
      set.add(pivot);
    }
  };
  for (const rel of relations) {
    let row = new Map<number, number>();
    rel.cells.forEach((c, i) => {
      if (suppressed[c]) row.set(c, (row.get(c) ?? 0) + rel.coefs[i]);
    });
    for (const c of [...row.keys()]) {
      const p = pivots.get(c);
      const factor = row.get(c);
      if (!p || factor == null) continue;
      for (const [pc, pv] of p) {
        const v = (row.get(pc) ?? 0) - factor * pv;
        if (Math.abs(v) < EPSILON) row.delete(pc);
        else row.set(pc, v);
      }
    }
    if (row.size === 0) continue;
    const pivot = Math.min(...row.keys());
    const scale = row.get(pivot)!;
    row = new Map([...row].map(([c, v]) => [c, v / scale]));
    for (const other of [...(rowsWithColumn.get(pivot) ?? [])]) {
      const orow = pivots.get(other)!;
      const factor = orow.get(pivot)!;
      for (const [c, v] of row) {
        const nv = (orow.get(c) ?? 0) - factor * v;
        if (Math.abs(nv) < EPSILON) {
          orow.delete(c);
          rowsWithColumn.get(c)?.delete(other);
        } else {
          if (!orow.has(c)) index(other, new Map([[c, nv]]));
          orow.set(c, nv);
        }
      }
    }
    pivots.set(pivot, row);
    index(pivot, row);
  }
  return [...pivots]
    .filter(([, row]) => row.size === 1)
    .map(([c]) => c)
    .sort((a, b) => a - b);
}

/**
 * Groups the relations that share withheld cells: differencing can only combine relations
 * within a group, so each group can be checked on its own.
 */
function groupsOfRelations(relations: Relation[], state: Uint8Array, cells: number): Map<number, number[]> {
  const parent = new Int32Array(cells).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const r of relations) {
    let first = -1;
    for (const c of r.cells) {
      if (!state[c]) continue;
      if (first < 0) first = find(c);
      else parent[find(c)] = first;
    }
  }
  const groups = new Map<number, number[]>();
  relations.forEach((r, ri) => {
    const c = r.cells.find((x) => state[x]);
    if (c == null) return;
    const root = find(c);
    const group = groups.get(root);
    if (group) group.push(ri);
    else groups.set(root, [ri]);
  });
  return groups;
}

/**
 * Suppresses every cell from 1 to threshold − 1 (zero stays zero), then enough other cells that
 * none of them can be recovered from the published ones. Cells withheld on the way that turn out
 * to be determined by the published ones are published again, so every withheld cell is unknown.
 */
export function suppressCells(
  values: number[],
  relations: Relation[],
  threshold: number,
  cost: number[] = values.map(() => 1),
): Uint8Array {
  const state = new Uint8Array(values.length);
  // A cell that cannot be withheld (its cost is infinite) is a copy whose original is protected elsewhere.
  values.forEach((v, i) => {
    if (v > 0 && v < threshold && cost[i] !== Number.POSITIVE_INFINITY) state[i] = PRIMARY;
  });
  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((r, ri) => {
    for (const c of r.cells) relationsOf[c].push(ri);
  });
  const count = relations.map((r) => r.cells.filter((c) => state[c]).length);
  const queue = count.flatMap((n, ri) => (n === 1 ? [ri] : []));

  // The cell to give up: the one readers lose least by, then the smallest. A zero or small count
  // protects little (non-negativity pins one side of it), so it counts as twice as costly.
  const weight = (c: number) => (values[c] >= threshold ? cost[c] : 2 * cost[c]);
  const better = (a: number, b: number) => (weight(a) !== weight(b) ? weight(a) < weight(b) : values[a] < values[b]);
  const candidate = (ri: number) => {
    let best = -1;
    for (const c of relations[ri].cells) {
      if (state[c] || cost[c] === Number.POSITIVE_INFINITY) continue;
      if (best < 0 || better(c, best)) best = c;
    }
    return best;
  };
  let hiddenThisRound: number[] = [];
  const hide = (c: number) => {
    state[c] = SECONDARY;
    hiddenThisRound.push(c);
    for (const ri of relationsOf[c]) if (++count[ri] === 1) queue.push(ri);
  };
  // A cell can be pinned down through a chain of relations whose own members are all hidden;
  // then the cell to give up is in the nearest relation along that chain that still has one.
  const nearestRelationWithCandidate = (start: number): number | null => {
    const seenCells = new Set([start]);
    const seenRelations = new Set<number>();
    const queueCells = [start];
    while (queueCells.length > 0) {
      const c = queueCells.shift()!;
      for (const ri of relationsOf[c]) {
        if (seenRelations.has(ri)) continue;
        seenRelations.add(ri);
        if (candidate(ri) >= 0) return ri;
        for (const next of relations[ri].cells) {
          if (!seenCells.has(next)) {
            seenCells.add(next);
            queueCells.push(next);
          }
        }
      }
    }
    return null;
  };
  const peel = () => {
    while (queue.length > 0) {
      const ri = queue.pop()!;
      if (count[ri] !== 1) continue;
      const c = candidate(ri);
      if (c >= 0) hide(c);
    }
  };
  peel();
  // Only the groups that changed since the last check can have become recoverable.
  const exposedSmallCells = (groups: number[][]) =>
    groups
      .flatMap((g) =>
        recoverableCells(
          g.map((ri) => relations[ri]),
          state,
        ),
      )
      .filter((c) => state[c] === PRIMARY);
  let groups = [...groupsOfRelations(relations, state, values.length).values()];
  for (let found = exposedSmallCells(groups); found.length > 0; found = exposedSmallCells(groups)) {
    hiddenThisRound = [];
    for (const cell of found) {
      const ri = nearestRelationWithCandidate(cell);
      const c = ri == null ? -1 : candidate(ri);
      if (c >= 0) hide(c);
    }
    if (hiddenThisRound.length === 0) throw new Error(`disclosure control cannot protect cells ${found.slice(0, 5).join(', ')}`);
    peel();
    const touched = new Set(hiddenThisRound.flatMap((c) => relationsOf[c]));
    groups = [...groupsOfRelations(relations, state, values.length).values()].filter((g) => g.some((ri) => touched.has(ri)));
  }
  // A withheld cell that the published ones determine anyway protects nothing: publish it.
  for (const c of recoverableCells(relations, state)) state[c] = NOT_SUPPRESSED;
  return state;
}
