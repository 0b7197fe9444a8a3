import { type AuditRegion, auditOneRow, impliedByTerms, impliedRoom, type LinearRow } from './audit-region.ts';
import { componentsOf, positionsOf } from './linear-components.ts';
import { solveEach, solveInWorker } from './lp-pool.ts';
import { type PackedRows, packRows, rowWriter } from './lp-transport.ts';
import { forEachRelation, type Relation, type RelationVisitor, type Relations, termCount } from './relations.ts';

/** What a reader sees of a cell: its value, a band of small counts, or nothing. */
export const PUBLISHED = 0;
export const BANDED = 1;
export const WITHHELD = 2;
/** A count nobody publishes but anyone can work out where its parts are published (households not ethnic-minority). */
export const DERIVED = 3;
/** A count published rounded to a multiple of the base: the true count is less than a base away. */
export const ROUNDED = 4;

/** What the audit knows before the published values of the rounded cells: all but their values. */
export interface AuditSetup {
  /** PUBLISHED, BANDED, WITHHELD or DERIVED for each cell; a DERIVED cell is unknown but need not be protected. */
  state: Uint8Array;
  /** Σ coef·cell = 0. */
  equalities: Relations;
  /** Σ coef·cell ≥ 0: a bound a reader knows (a part is at most its whole, a stock at least its flows out). */
  inequalities: Relations;
  /** The band a small count is published as, [1, threshold − 1]. */
  band: [number, number];
  /** The base ROUNDED cells are rounded to. */
  base?: number;
  /**
   * A point that satisfies every constraint, the true counts: the first evidence of how wide each
   * cell is. A published cell's is the value published.
   */
  witness: number[];
  /** The narrowest interval (max − min, in whole households) any unpublished cell may have. */
  width: number;
  /**
   * Equalities that join many otherwise separate blocks of cells (a real published total over
   * every commune). A block is audited with a few of the blocks it shares them with, the rest held
   * at the witness: every point found is still feasible, so a cell proven wide is wide.
   */
  linking?: Relation[];
}

export type AuditInput = Omit<AuditSetup, 'witness'> & {
  values: number[];
  /** By default the values, which are true where nothing is rounded. */
  witness?: number[];
};

/**
 * With `exactLimit`, a component with more cells left unproven by the feasible points than that
 * reports them as narrow without solving each (their intervals are then only what was seen):
 * cheap rounds while protection is still being added.
 */

export interface AuditResult {
  /** Unpublished cells checked. */
  checked: number;
  /**
   * Cells whose interval is narrower than the width, with the interval a reader can work out and
   * the constraints that hold it (equalities numbered first, then inequalities).
   */
  narrow: { cell: number; min: number; max: number; binding: number[] }[];
  /** No unpublished cell's interval is narrower than this (in whole households), beside those in `bounded`. */
  narrowestWidth: number;
  /** Cells a real published total already bounds more tightly than the width (each needs only that range). */
  bounded: number;
  /** Linear programmes solved. */
  solves: number;
}

interface Known {
  lo: Float64Array;
  hi: Float64Array;
}
interface Region {
  /** The blocks solved together. */
  region: Set<number>;
  exact: boolean;
}
/** How many chains each stage's regions are dealt into (see auditIntervals). */
const CHAINS = 2;

/** Any count in a province is far below this: a withheld cell bounded by nothing else is bounded here. */
const CAP = 1e7;
const EPS = 1e-6;

/** A constraint over the unknowns, lower ≤ Σ coef·unknown ≤ upper; `source` numbers it for the report. */
interface Row extends LinearRow {
  source: number;
  cols: number[];
  coefs: number[];
}

interface RowsOverUnknowns {
  /** Every constraint but the linking ones, packed (a national audit has millions), each tagged with its source. */
  local: PackedRows;
  /** For each local row, 1 where a published cell was substituted into it: it says what we publish, not what a reader knew before. */
  published: Uint8Array;
  linking: Row[];
}

/** The most terms any relation of the lists has. */
function widestRelation(...lists: Relations[]): number {
  let widest = 0;
  for (const list of lists) {
    forEachRelation(list, (_cells, _coefs, from, to) => {
      widest = Math.max(widest, to - from);
    });
  }
  return widest;
}

/** Substitutes published values into each constraint; keeps those that still involve an unknown. */
function rowsOverUnknowns(input: AuditSetup, column: Int32Array): RowsOverUnknowns {
  const rowRoom = input.equalities.length + input.inequalities.length;
  const local = rowWriter(rowRoom, termCount(input.equalities) + termCount(input.inequalities));
  const out = { published: new Uint8Array(rowRoom), linking: [] as Row[] };
  // One row's terms at a time, a cell named twice summed into one term, in arrays made once: each
  // of a national audit's two million rows emptying and refilling a pair of arrays, and a Set of
  // the rows published cells went into, took 1,8–2,9 s of this thread instead of 0,6–0,8 s.
  const widest = widestRelation(input.equalities, input.inequalities, input.linking ?? []);
  const cols = new Int32Array(widest);
  const coefs = new Float64Array(widest);
  const add =
    (kind: 'equality' | 'inequality' | 'linking', firstSource: number): RelationVisitor =>
    (cells, termCoefs, from, to, index) => {
      const source = firstSource + index;
      let constant = 0;
      let substituted = false;
      let terms = 0;
      for (let t = from; t < to; t++) {
        const j = column[cells[t]];
        if (j < 0) {
          constant += termCoefs[t] * input.witness[cells[t]];
          substituted = true;
          continue;
        }
        let at = 0;
        while (at < terms && cols[at] !== j) at++;
        if (at < terms) coefs[at] += termCoefs[t];
        else {
          cols[terms] = j;
          coefs[terms] = termCoefs[t];
          terms += 1;
        }
      }
      if (terms === 0) return;
      // 0 − constant: a row with nothing substituted is bounded by 0, not −0.
      const [lower, upper] = [0 - constant, kind === 'inequality' ? Number.POSITIVE_INFINITY : 0 - constant];
      if (kind === 'linking')
        out.linking.push({ source, cols: Array.from(cols.subarray(0, terms)), coefs: Array.from(coefs.subarray(0, terms)), lower, upper });
      else {
        const k = local.add(cols, coefs, terms, lower, upper, source);
        if (substituted) out.published[k] = 1;
      }
    };
  const [e, i] = [input.equalities.length, input.inequalities.length];
  forEachRelation(input.equalities, add('equality', 0));
  forEachRelation(input.inequalities, add('inequality', e));
  forEachRelation(input.linking ?? [], add('linking', e + i));
  return { ...out, local: local.done() };
}

/**
 * The range of each unknown from the constraints alone (non-negative, otherwise unbounded), by
 * propagating bounds through every row until nothing tightens: wider than or equal to the true
 * range, so a requirement capped by it is never weaker than it should be. The rows are those of
 * each packed set in turn, but for those `skip` holds.
 */
function priorWidths(sets: PackedRows[], skip: (set: number, row: number) => boolean, columns: number): Float64Array {
  const lo = new Float64Array(columns);
  const hi = new Float64Array(columns).fill(CAP);
  // A row is looked at again only if a bound on one of its cells moved when or after it was last
  // looked at: otherwise it would imply what it implied then, which moved nothing. The same bounds
  // come out as from looking at every row in every pass, in a fraction of the time.
  const moved = new Float64Array(columns);
  const firstRow = sets.map((_, k) => sets.slice(0, k).reduce((n, p) => n + p.lower.length, 0));
  const looked = new Float64Array(sets.reduce((n, p) => n + p.lower.length, 0)).fill(-1);
  let widest = 0;
  for (const { starts } of sets) for (let r = 0; r + 1 < starts.length; r++) widest = Math.max(widest, starts[r + 1] - starts[r]);
  const room = impliedRoom(widest);
  let step = 0;
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false;
    sets.forEach((rows, set) => {
      const { starts, cols } = rows;
      for (let r = 0; r < rows.lower.length; r++) {
        if (skip(set, r)) continue;
        const k = firstRow[set] + r;
        const [from, to] = [starts[r], starts[r + 1]];
        let stale = true;
        for (let t = from; t < to && stale; t++) stale = moved[cols[t]] < looked[k];
        if (stale) continue;
        looked[k] = ++step;
        const implied = impliedByTerms(rows, from, to, rows.lower[r], rows.upper[r], lo, hi, room);
        for (let t = from, i = 0; t < to; t++, i++) {
          const j = cols[t];
          if (implied.max[i] < hi[j] - EPS) {
            hi[j] = Math.max(lo[j], implied.max[i]);
            moved[j] = step;
            changed = true;
          }
          if (implied.min[i] > lo[j] + EPS) {
            lo[j] = Math.min(hi[j], implied.min[i]);
            moved[j] = step;
            changed = true;
          }
        }
      }
    });
  }
  return hi.map((h, j) => Math.floor(h + EPS) - Math.ceil(lo[j] - EPS));
}

/**
 * Widens the known ranges of a block's cells by the feasible points on the line from `from`
 * (a feasible point: the witness) towards `to` (the values published), as far as every bound and
 * row of the block allows either way. The rounding keeps every identity, so the line keeps the
 * block's equalities and only its bounds and inequalities end it: one pass over its rows proves
 * many cells wide before any programme is solved (33.126 programmes instead of 35.028 for the
 * national dataset, 287 instead of 337 for Núi Mây). Gives the stretch of the line taken, as
 * multiples of `to` − `from` (null where `from` is not within the block's bounds and rows).
 */
export function widenAlong(
  rows: PackedRows,
  block: { cols: number[]; rows: number[] },
  from: (j: number) => number,
  to: (j: number) => number,
  lowerOf: (j: number) => number,
  upperOf: (j: number) => number,
  { lo, hi }: Known,
): [number, number] | null {
  let [least, most] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const within = (at: number, slope: number, lower: number, upper: number) => {
    if (Math.abs(slope) < EPS * EPS) return;
    const [a, b] = [(lower - at) / slope, (upper - at) / slope];
    least = Math.max(least, Math.min(a, b));
    most = Math.min(most, Math.max(a, b));
  };
  for (const j of block.cols) within(from(j), to(j) - from(j), lowerOf(j), upperOf(j));
  const { starts, cols, coefs, lower, upper } = rows;
  for (const r of block.rows) {
    let [at, slope] = [0, 0];
    for (let t = starts[r]; t < starts[r + 1]; t++) {
      at += coefs[t] * from(cols[t]);
      slope += coefs[t] * (to(cols[t]) - from(cols[t]));
    }
    within(at, slope, lower[r], upper[r]);
  }
  if (!(least <= 0 && most >= 0)) return null;
  // Short of the ends by a hair, so that rounding in the sums never takes a point past a bound.
  const [back, ahead] = [Math.max(least, -CAP) * (1 - 1e-9), Math.min(most, CAP) * (1 - 1e-9)];
  for (const j of block.cols) {
    const step = to(j) - from(j);
    const [a, b] = [from(j) + back * step, from(j) + ahead * step];
    lo[j] = Math.min(lo[j], a, b);
    hi[j] = Math.max(hi[j], a, b);
  }
  return [back, ahead];
}

/**
 * The interval a reader can work out for every banded or withheld cell from everything published,
 * every identity and every bound: min and max by linear programming (HiGHS). Feasible points found
 * on the way widen each cell's known range; a cell still narrower than the width gets its own
 * exact min and max. Integrality is used only to round the bounds inward.
 */
export const auditIntervals = (input: AuditInput, exactLimit = Number.POSITIVE_INFINITY): Promise<AuditResult> =>
  prepareAudit({ ...input, witness: input.witness ?? input.values }).check(input.values, exactLimit);

/**
 * The audit made ready for the values published: the unknowns, the rows over them, the blocks
 * they fall into and the width each must reach, none of which a rounded value changes. At
 * national scale that is seconds of this thread, which it spends while the workers round the
 * counts, and once however many roundings are drawn.
 */
export const prepareAudit = (setup: AuditSetup) => auditReady(setup, unknownsOf(setup));

/** The cells a reader does not see (numbered in the order of the cells) and every constraint over them. */
export function unknownsOf(setup: AuditSetup) {
  const column = new Int32Array(setup.witness.length).fill(-1);
  const cells: number[] = [];
  setup.state.forEach((s, c) => {
    if (s !== PUBLISHED) {
      column[c] = cells.length;
      cells.push(c);
    }
  });
  return { cells, ...rowsOverUnknowns(setup, column) };
}

/**
 * prepareAudit in two steps, so that a caller can let the setup's relations go once the rows over
 * the unknowns are made, before the rest is made beside them.
 */
export function auditReady(setup: Omit<AuditSetup, 'equalities' | 'inequalities' | 'linking'>, unknowns: ReturnType<typeof unknownsOf>) {
  const { state, witness, band, base, width } = setup;
  const { cells, local: localRows, published, linking } = unknowns;
  const blocks = componentsOf(localRows, cells.length);
  const blockOf = new Int32Array(cells.length);
  blocks.forEach((b, i) => {
    for (const j of b.cols) blockOf[j] = i;
  });
  const linksOf = new Map<number, Row[]>();
  for (const r of linking) {
    for (const b of new Set(r.cols.map((j) => blockOf[j]))) linksOf.set(b, [...(linksOf.get(b) ?? []), r]);
  }
  /**
   * Some blocks together: their cells, their local rows (by number) and the linking totals among
   * them, each held at the witness for the cells outside them.
   */
  const regionOf = (chosen: Set<number>): { cols: number[]; rows: number[]; held: Row[] } => {
    const cols = [...chosen].flatMap((o) => blocks[o].cols);
    const inRegion = new Set(cols);
    const held = [...new Set([...chosen].flatMap((o) => linksOf.get(o) ?? []))].map((r) => {
      let fixed = 0;
      const keep = { ...r, cols: [] as number[], coefs: [] as number[] };
      r.cols.forEach((j, i) => {
        if (inRegion.has(j)) {
          keep.cols.push(j);
          keep.coefs.push(r.coefs[i]);
        } else fixed += r.coefs[i] * witness[cells[j]];
      });
      return { ...keep, lower: r.lower - fixed, upper: r.upper - fixed };
    });
    return { cols, rows: [...chosen].flatMap((o) => blocks[o].rows), held };
  };
  /**
   * A block that shares real totals, with, for each total, the smallest blocks that hold more of
   * it than the width (counts above zero), so the total can move between them. Blocks already
   * taken for another total count towards it: each giver adds a whole system of cells to every
   * programme of the region. Solving each block with its own givers is faster than solving many
   * such blocks together.
   */
  const withGivers = (block: number): Set<number> => {
    const region = new Set([block]);
    for (const r of linksOf.get(block) ?? []) {
      const givers = r.cols
        .filter((j) => witness[cells[j]] > 0 && !region.has(blockOf[j]))
        .sort((a, b) => blocks[blockOf[a]].cols.length - blocks[blockOf[b]].cols.length);
      let given = r.cols.reduce((s, j) => (blockOf[j] !== block && region.has(blockOf[j]) ? s + witness[cells[j]] : s), 0);
      for (const j of givers) {
        if (given > width) break;
        region.add(blockOf[j]);
        given += witness[cells[j]];
      }
    }
    return region;
  };

  const alone = blocks.map((_, b) => ({ region: new Set([b]), exact: !linksOf.has(b) }));

  // What a reader knows without our counts (the real totals, every identity and bound) may already
  // pin a cell (a province total of zero pins every commune): what is published cannot be asked
  // to hide more than that. Bound propagation gives a range at least as wide as that knowledge.
  const required = priorWidths(
    [localRows, packRows(linking, (r) => r.source)],
    (set, r) => set === 0 && published[r] === 1,
    cells.length,
  ).map((w) => Math.min(width, w));

  /** The audit of one set of values (a rounded cell's is the multiple of the base published). */
  const check = async (values: number[], exactLimit = Number.POSITIVE_INFINITY): Promise<AuditResult> => {
    // The range each cell is known to take: from the witness, widened by every feasible point found.
    // In a loop: Float64Array.from an array through a function took half a second at national scale, with the workers idle.
    const lo = new Float64Array(cells.length);
    for (let j = 0; j < cells.length; j++) lo[j] = witness[cells[j]];
    const hi = Float64Array.from(lo);
    const known: Known = { lo, hi };
    const binding = new Map<number, Set<number>>();
    const reach = (base ?? 1) - 1;
    const lowerOf = (j: number) => {
      const s = state[cells[j]];
      return s === BANDED ? band[0] : s === ROUNDED ? Math.max(0, values[cells[j]] - reach) : 0;
    };
    const upperOf = (j: number) => {
      const s = state[cells[j]];
      return s === BANDED ? band[1] : s === ROUNDED ? values[cells[j]] + reach : CAP;
    };
    const widthOf = (j: number, { lo, hi } = known) => Math.floor(hi[j] + EPS) - Math.ceil(lo[j] - EPS);
    let solves = 0;
    const [witnessOf, publishedOf] = [(j: number) => witness[cells[j]], (j: number) => values[cells[j]]];
    // Not a block with real totals: the line towards the rounded values would leave them.
    blocks.forEach((block, b) => {
      if (!linksOf.has(b)) widenAlong(localRows, block, witnessOf, publishedOf, lowerOf, upperOf, known);
    });
    const open = (cols: number[], at = known) => cols.filter((j) => state[cells[j]] !== DERIVED && widthOf(j, at) < required[j]);

    // Each block is first tried alone (a real total held where the witness has it); the blocks a
    // total leaves narrow are then tried again with blocks that can give it some of the total, with
    // exact solves last.
    const stages = [
      alone,
      () => blocks.flatMap((blk, b) => (linksOf.has(b) && open(blk.cols).length > 0 ? [{ region: withGivers(b), exact: true }] : [])),
    ];
    /** The region's cells in its own numbering, with what is known of them, for a worker. */
    const task = (group: ReturnType<typeof regionOf>, exact: boolean, { lo, hi }: Known): AuditRegion => {
      const local = positionsOf(group.cols);
      const { starts, cols, coefs, lower, upper, tag } = localRows;
      // In a loop: Array.from a view through a function was two seconds of a national audit's main thread.
      const localCols = (from: number, to: number) => {
        const out = new Array<number>(to - from);
        for (let t = from; t < to; t++) out[t - from] = local.get(cols[t])!;
        return out;
      };
      return {
        rows: [
          ...group.rows.map((r) => ({
            source: tag[r],
            cols: localCols(starts[r], starts[r + 1]),
            coefs: coefs.subarray(starts[r], starts[r + 1]),
            lower: lower[r],
            upper: upper[r],
          })),
          ...group.held.map((r) => ({ ...r, cols: r.cols.map((c) => local.get(c)!) })),
        ],
        colLower: group.cols.map(lowerOf),
        colUpper: group.cols.map(upperOf),
        lo: group.cols.map((j) => lo[j]),
        hi: group.cols.map((j) => hi[j]),
        need: group.cols.map((j) => (state[cells[j]] === DERIVED ? Number.NEGATIVE_INFINITY : required[j])),
        exact,
        exactLimit,
      };
    };
    /** Solves regions that share no block, side by side, and keeps every range they widen in `at`. */
    const solveApart = (regions: Region[], at: Known) =>
      solveEach(
        regions,
        async ({ region, exact }) => {
          // Looked at when its turn comes, not when its wave is formed: the first wave then starts
          // at once (a national audit's 180.000 regions were a second of this thread, the workers
          // idle), and a region made wide by those before it is passed over all the same.
          if ([...region].every((b) => open(blocks[b].cols, at).length === 0)) return;
          const group = regionOf(region);
          const rowCount = group.rows.length + group.held.length;
          if (rowCount === 0) {
            for (const j of group.cols) {
              at.lo[j] = lowerOf(j);
              at.hi[j] = upperOf(j);
            }
            return;
          }
          const work = task(group, exact, at);
          const result = rowCount === 1 ? auditOneRow(work) : await solveInWorker(work);
          solves += result.solves;
          group.cols.forEach((j, i) => {
            at.lo[j] = Math.min(at.lo[j], result.lo[i]);
            at.hi[j] = Math.max(at.hi[j], result.hi[i]);
          });
          for (const [i, held] of result.binding) binding.set(group.cols[i], new Set([...(binding.get(group.cols[i]) ?? []), ...held]));
        },
        // A region of one row or none needs no solver.
        ({ region }) => region.size === 1 && [...region].every((b) => blocks[b].rows.length + (linksOf.get(b)?.length ?? 0) <= 1),
      );
    /**
     * Regions one after another, each starting from all that those before it found, except that
     * regions sharing no block go side by side.
     */
    const solveInOrder = async (regions: Region[], at: Known) => {
      let pending = regions;
      while (pending.length > 0) {
        const taken = new Set<number>();
        const wave: Region[] = [];
        const later: Region[] = [];
        for (const r of pending) {
          if ([...r.region].some((b) => taken.has(b))) later.push(r);
          else {
            wave.push(r);
            for (const b of r.region) taken.add(b);
          }
        }
        await solveApart(wave, at);
        pending = later;
      }
    };
    for (const stage of stages) {
      // A stage's regions are dealt into a fixed number of chains, solved side by side, each from
      // what the stages before found and then what its own regions find; the ranges are merged at
      // the end. Regions that share givers would otherwise wait for each other, and a fixed number
      // (not the machine's cores) keeps the outcome the same on every machine.
      const regions = typeof stage === 'function' ? stage() : stage;
      const chains = Array.from({ length: CHAINS }, (_, k) => ({
        regions: regions.filter((_, i) => i % CHAINS === k),
        at: { lo: Float64Array.from(lo), hi: Float64Array.from(hi) },
      }));
      await Promise.all(chains.map((c) => solveInOrder(c.regions, c.at)));
      for (const { at } of chains) {
        for (let j = 0; j < cells.length; j++) {
          lo[j] = Math.min(lo[j], at.lo[j]);
          hi[j] = Math.max(hi[j], at.hi[j]);
        }
      }
    }
    const narrow: AuditResult['narrow'] = [];
    let narrowestWidth = Number.POSITIVE_INFINITY;
    let bounded = 0;
    cells.forEach((c, j) => {
      if (state[c] === DERIVED) return;
      const w = widthOf(j);
      if (required[j] < width) bounded += 1;
      else narrowestWidth = Math.min(narrowestWidth, w);
      // + 0: a minimum of −0 reads as 0.
      if (w < required[j])
        narrow.push({ cell: c, min: Math.ceil(lo[j] - EPS) + 0, max: Math.floor(hi[j] + EPS), binding: [...(binding.get(j) ?? [])] });
    });
    return {
      checked: cells.length - cells.filter((c) => state[c] === DERIVED).length,
      narrow,
      narrowestWidth: Number.isFinite(narrowestWidth) ? narrowestWidth : 0,
      bounded,
      solves,
    };
  };
  return { check };
}
