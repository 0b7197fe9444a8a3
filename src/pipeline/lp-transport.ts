import type { AuditRegion, AuditRegionResult, LinearRow } from './audit-region.ts';
import type { RoundingGroup, RoundingRow } from './rounding-group.ts';

/**
 * Rows lower ≤ Σ coef·cell ≤ upper as typed arrays, each with a number of its own (`tag`). A
 * structured clone copies a typed array whole, and an array of row objects value by value: posting
 * them was 11 s of the main thread's profile of a national run, and 5 s of each worker's.
 */
export interface PackedRows {
  starts: Int32Array;
  cols: Int32Array;
  coefs: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  tag: Int32Array;
}

/** Typed arrays in memory this thread keeps, or in memory every worker they are posted to shares (not a copy each). */
const arrays = (shared: boolean) => {
  const bytes = (length: number, size: number) => (shared ? new SharedArrayBuffer(length * size) : new ArrayBuffer(length * size));
  return {
    int32: (length: number) => new Int32Array(bytes(length, 4)),
    float64: (length: number) => new Float64Array(bytes(length, 8)),
    uint8: (length: number) => new Uint8Array(bytes(length, 1)),
  };
};
const sharedArray = arrays(true);

/** Room for `rowCount` rows of `entries` terms in all, every row's start but the first still to be written. */
export function emptyRows(rowCount: number, entries: number, shared = false): PackedRows {
  const array = arrays(shared);
  return {
    starts: array.int32(rowCount + 1),
    cols: array.int32(entries),
    coefs: array.float64(entries),
    lower: array.float64(rowCount),
    upper: array.float64(rowCount),
    tag: array.int32(rowCount),
  };
}

/**
 * Rows packed as they come, in room for at most `rowRoom` rows of `entryRoom` terms in all (what
 * they may take, so that nothing is copied as they are written): `done` gives views of what was
 * written.
 */
export function rowWriter(rowRoom: number, entryRoom: number) {
  const rows = emptyRows(rowRoom, entryRoom);
  let [count, entries] = [0, 0];
  return {
    /** Writes the row of the first `terms` of `cols` and `coefs`, and gives its number. */
    add(cols: ArrayLike<number>, coefs: ArrayLike<number>, terms: number, lower: number, upper: number, tag: number): number {
      if (count === rowRoom || entries + terms > entryRoom) throw new Error('rowWriter: more rows than the room made for them');
      for (let i = 0; i < terms; i++) {
        rows.cols[entries + i] = cols[i];
        rows.coefs[entries + i] = coefs[i];
      }
      entries += terms;
      rows.starts[count + 1] = entries;
      rows.lower[count] = lower;
      rows.upper[count] = upper;
      rows.tag[count] = tag;
      return count++;
    },
    done: (): PackedRows => ({
      starts: rows.starts.subarray(0, count + 1),
      cols: rows.cols.subarray(0, entries),
      coefs: rows.coefs.subarray(0, entries),
      lower: rows.lower.subarray(0, count),
      upper: rows.upper.subarray(0, count),
      tag: rows.tag.subarray(0, count),
    }),
  };
}

/** Rows as objects packed all at once. */
export function packRows<R extends LinearRow>(rows: R[], tag: (row: R) => number): PackedRows {
  const writer = rowWriter(
    rows.length,
    rows.reduce((n, r) => n + r.cols.length, 0),
  );
  for (const r of rows) writer.add(r.cols, r.coefs, r.cols.length, r.lower, r.upper, tag(r));
  return writer.done();
}

/**
 * Every rounding group that needs a solver, in memory the workers share: each takes the next
 * group not yet taken (`next`) and writes which of its counts round up into `up`, so that this
 * thread, once it has posted them, has nothing to do until they are all done.
 */
export interface SharedGroups {
  /** Group g's columns are cols[colStarts[g]…colStarts[g + 1]], with their leans beside them. */
  colStarts: Int32Array;
  cols: Int32Array;
  lean: Float64Array;
  /** Group g's rows are the rows numbered rowIndex[rowStarts[g]…rowStarts[g + 1] − 1]; a row's tag is 1 if it is soft. */
  rowStarts: Int32Array;
  rowIndex: Int32Array;
  /** Every row of the rounding, as it wrote them (in shared memory, so that no worker gets a copy). */
  rows: PackedRows;
  /** 1 where a column rounds up, written by the worker that solved its group. */
  up: Uint8Array;
  /** The next group no worker has taken yet. */
  next: Int32Array;
}

/** A group of the rounding as the main thread holds it: its columns, their leans, and its rows' numbers in a packed set. */
export interface GroupOfRows {
  cols: number[];
  lean: number[];
  rows: number[];
}

/**
 * Row `i` of a packed set, as the rounding reads it (a tag of 1 is a soft row): its terms are
 * views, not copies (copying them a row at a time was seconds of each worker's time).
 */
function roundingRow(p: PackedRows, i: number): RoundingGroup['rows'][number] {
  const [from, to] = [p.starts[i], p.starts[i + 1]];
  return { cols: p.cols.subarray(from, to), coefs: p.coefs.subarray(from, to), lower: p.lower[i], upper: p.upper[i], soft: p.tag[i] === 1 };
}

/** A group with its rows themselves. */
export const withRows = (rows: PackedRows, group: GroupOfRows): RoundingGroup => ({
  cols: group.cols,
  lean: group.lean,
  rows: group.rows.map((i) => roundingRow(rows, i)),
});

export function shareGroups(rows: PackedRows, groups: GroupOfRows[]): SharedGroups {
  const colStarts = sharedArray.int32(groups.length + 1);
  const rowStarts = sharedArray.int32(groups.length + 1);
  groups.forEach((g, i) => {
    colStarts[i + 1] = colStarts[i] + g.cols.length;
    rowStarts[i + 1] = rowStarts[i] + g.rows.length;
  });
  const cols = sharedArray.int32(colStarts[groups.length]);
  const lean = sharedArray.float64(colStarts[groups.length]);
  const rowIndex = sharedArray.int32(rowStarts[groups.length]);
  groups.forEach((g, i) => {
    cols.set(g.cols, colStarts[i]);
    lean.set(g.lean, colStarts[i]);
    rowIndex.set(g.rows, rowStarts[i]);
  });
  return { colStarts, cols, lean, rowStarts, rowIndex, rows, up: sharedArray.uint8(colStarts[groups.length]), next: sharedArray.int32(1) };
}

/**
 * Takes group after group until none is left, rounding each with `round` (on a worker, HiGHS):
 * several workers may take from the same groups at once, each group is taken once.
 */
export function roundSharedGroups(shared: SharedGroups, round: (group: RoundingGroup) => boolean[]) {
  const count = shared.colStarts.length - 1;
  for (let g = Atomics.add(shared.next, 0, 1); g < count; g = Atomics.add(shared.next, 0, 1)) {
    const [from, to] = [shared.colStarts[g], shared.colStarts[g + 1]];
    const rows: RoundingRow[] = [];
    for (let k = shared.rowStarts[g]; k < shared.rowStarts[g + 1]; k++) rows.push(roundingRow(shared.rows, shared.rowIndex[k]));
    const up = round({ cols: shared.cols.subarray(from, to), lean: shared.lean.subarray(from, to), rows });
    up.forEach((u, i) => {
      shared.up[from + i] = u ? 1 : 0;
    });
  }
}

/** Which counts of each shared group round up, once every group is done. */
export const sharedAnswers = (shared: SharedGroups): boolean[][] =>
  Array.from({ length: shared.colStarts.length - 1 }, (_, g) =>
    Array.from(shared.up.subarray(shared.colStarts[g], shared.colStarts[g + 1]), (u) => u === 1),
  );

/** A region of the audit as it is posted to a worker: every array of numbers typed. */
type AuditWire = {
  kind: 'audit';
  rows: PackedRows;
  columns: Float64Array[];
  exact: boolean;
  exactLimit: number;
};

/** A task as it is posted to a worker. */
export type WireTask = { kind: 'round'; groups: SharedGroups } | AuditWire;

/** The per-cell arrays of an audit region, in this order on the wire. */
const AUDIT_COLUMNS = ['colLower', 'colUpper', 'lo', 'hi', 'need'] as const;

export function toWire(region: AuditRegion): AuditWire {
  return {
    kind: 'audit',
    rows: packRows(region.rows, (r) => r.source),
    columns: AUDIT_COLUMNS.map((c) => new Float64Array(region[c])),
    exact: region.exact,
    exactLimit: region.exactLimit,
  };
}

/** A region as a worker reads it: its rows' terms are views of what was posted, not copies. */
export function fromWire(task: AuditWire): AuditRegion {
  const { starts, cols, coefs, lower, upper, tag } = task.rows;
  return {
    rows: Array.from(lower, (_, i) => ({
      cols: cols.subarray(starts[i], starts[i + 1]),
      coefs: coefs.subarray(starts[i], starts[i + 1]),
      lower: lower[i],
      upper: upper[i],
      source: tag[i],
    })),
    ...(Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, Array.from(task.columns[i])])) as Record<
      (typeof AUDIT_COLUMNS)[number],
      number[]
    >),
    exact: task.exact,
    exactLimit: task.exactLimit,
  };
}

/** An audit's answer as it is posted back, its arrays typed (a rounding's answers are in its shared memory). */
type AuditAnswer = Omit<AuditRegionResult, 'lo' | 'hi'> & { lo: Float64Array; hi: Float64Array };
export type WireResult = AuditAnswer | null;

export const resultToWire = (result: AuditRegionResult): AuditAnswer => ({
  ...result,
  lo: Float64Array.from(result.lo),
  hi: Float64Array.from(result.hi),
});

export const resultFromWire = (result: AuditAnswer): AuditRegionResult => ({
  ...result,
  lo: Array.from(result.lo),
  hi: Array.from(result.hi),
});
