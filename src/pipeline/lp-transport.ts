import type { AuditRegion, AuditRegionResult } from './audit-region.ts';
import type { LpTask } from './lp-pool.ts';
import type { RoundingGroup } from './rounding-group.ts';

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

interface TaggedRow {
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

function packRows<R extends TaggedRow>(rows: R[], tag: (row: R) => number): PackedRows {
  const starts = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) starts[i + 1] = starts[i] + rows[i].cols.length;
  const cols = new Int32Array(starts[rows.length]);
  const coefs = new Float64Array(starts[rows.length]);
  const lower = new Float64Array(rows.length);
  const upper = new Float64Array(rows.length);
  const tags = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let k = 0, at = starts[i]; k < r.cols.length; k++, at++) {
      cols[at] = r.cols[k];
      coefs[at] = r.coefs[k];
    }
    lower[i] = r.lower;
    upper[i] = r.upper;
    tags[i] = tag(r);
  }
  return { starts, cols, coefs, lower, upper, tag: tags };
}

function unpackRows(p: PackedRows): (TaggedRow & { tag: number })[] {
  return Array.from(p.lower, (lower, i) => ({
    cols: Array.from(p.cols.subarray(p.starts[i], p.starts[i + 1])),
    coefs: Array.from(p.coefs.subarray(p.starts[i], p.starts[i + 1])),
    lower,
    upper: p.upper[i],
    tag: p.tag[i],
  }));
}

/** A task as it is posted to a worker: every array of numbers typed. */
export type WireTask =
  | { kind: 'round'; cols: Int32Array; lean: Float64Array; rows: PackedRows }
  | {
      kind: 'audit';
      rows: PackedRows;
      columns: Float64Array[];
      exact: boolean;
      exactLimit: number;
    };

/** The per-cell arrays of an audit region, in this order on the wire. */
const AUDIT_COLUMNS = ['colLower', 'colUpper', 'lo', 'hi', 'need'] as const;

export function toWire(task: LpTask): WireTask {
  if (task.kind === 'round') {
    const { group } = task;
    return {
      kind: 'round',
      cols: new Int32Array(group.cols),
      lean: new Float64Array(group.lean),
      rows: packRows(group.rows, (r) => (r.soft ? 1 : 0)),
    };
  }
  const { region } = task;
  return {
    kind: 'audit',
    rows: packRows(region.rows, (r) => r.source),
    columns: AUDIT_COLUMNS.map((c) => new Float64Array(region[c])),
    exact: region.exact,
    exactLimit: region.exactLimit,
  };
}

export function fromWire(task: WireTask): LpTask {
  if (task.kind === 'round') {
    const group: RoundingGroup = {
      cols: Array.from(task.cols),
      lean: Array.from(task.lean),
      rows: unpackRows(task.rows).map(({ tag, ...r }) => ({ ...r, soft: tag === 1 })),
    };
    return { kind: 'round', group };
  }
  const region: AuditRegion = {
    rows: unpackRows(task.rows).map(({ tag, ...r }) => ({ ...r, source: tag })),
    ...(Object.fromEntries(AUDIT_COLUMNS.map((c, i) => [c, Array.from(task.columns[i])])) as Record<
      (typeof AUDIT_COLUMNS)[number],
      number[]
    >),
    exact: task.exact,
    exactLimit: task.exactLimit,
  };
  return { kind: 'audit', region };
}

/** A result as it is posted back, its arrays typed. */
export type WireResult = Uint8Array | (Omit<AuditRegionResult, 'lo' | 'hi'> & { lo: Float64Array; hi: Float64Array });

export const resultToWire = (result: boolean[] | AuditRegionResult): WireResult =>
  Array.isArray(result)
    ? Uint8Array.from(result, Number)
    : { ...result, lo: Float64Array.from(result.lo), hi: Float64Array.from(result.hi) };

export const resultFromWire = (result: WireResult): boolean[] | AuditRegionResult =>
  result instanceof Uint8Array ? Array.from(result, (up) => up === 1) : { ...result, lo: Array.from(result.lo), hi: Array.from(result.hi) };
