import { createHash } from 'node:crypto';
import { roundControlled } from './controlled-rounding.ts';
import { keyedDraws } from './keyed-draws.ts';
import { type Fact, factKey } from './facts.ts';
import { type AuditSetup, auditReady, DERIVED, PUBLISHED, ROUNDED, unknownsOf } from './interval-audit.ts';
import { stopLpWorkers } from './lp-pool.ts';
import type { Dataset } from './load-dataset.ts';
import { readerKnowledge, type UnitLineage } from './reader-knowledge.ts';
import { packRelations, type Relation } from './relations.ts';
import {
  COUNT_DIMS,
  type CommuneCountFacts,
  type CountFacts,
  communeCountFacts,
  countSystem,
  summedCountFacts,
  UNPUBLISHED_MEASURES,
} from './count-facts.ts';
import type { CellSystem } from './disclosure-facts.ts';
import { minRateBase } from '../lib/rate-bases.ts';

/** What the disclosure control did, for the manifest and the methodology page. */
export interface ProtectionSummary {
  method: 'controlled_rounding';
  /** Every count is published as a multiple of this. */
  base: number;
  /** Counts rounded and then audited (at commune level; every sum above is a sum of them), with the narrowest range a reader can work out for any of them. */
  checked: number;
  narrowest: number;
  /** The narrowest range allowed (metadata `disclosure_protection_width`). */
  width: number;
  /** Roundings drawn until one passed the audit. */
  draws: number;
  /** The published tables whose counts are rounded (every count in them, at every level). */
  tables: string[];
  /** A rate is published only where its base (a rounded count) is at least this (src/lib/rate-bases.ts). */
  min_rate_base: number;
}

/**
 * The key the rounding draws from. A province sets ATLAS_ROUNDING_KEY and keeps it secret and the
 * same from release to release (a reader who knows the key learns which way each count went; a
 * count rounded afresh in every release can be narrowed by comparing them). Without it the key is
 * a digest of the counts of the dataset's first year, which no reader has: a release that adds a
 * year, or revises a later one, keeps it, and so rounds nearly every count it leaves alone as the
 * release before did (only those rounded together with what changed may move). A digest of all
 * the counts re-drew every count at every release, and releases compared showed which way each
 * had gone, and so its remainder. A revision of the first year still re-draws them all.
 */
export function roundingKey(dataset: Dataset, secret = process.env.ATLAS_ROUNDING_KEY): string {
  if (secret) return secret;
  const tables = Object.keys(COUNT_DIMS).map((table) => dataset.tables[table] ?? []);
  let first = Number.POSITIVE_INFINITY;
  for (const rows of tables) for (const row of rows) first = Math.min(first, Number(row.year));
  // The digest of the first year's rows of the three tables as JSON, one line each, made a few
  // thousand rows at a time: whole, a national dataset's year is a JSON string of 60 MB.
  const digest = createHash('sha256');
  tables.forEach((all, i) => {
    const rows = all.filter((row) => Number(row.year) === first);
    digest.update(i === 0 ? '[' : '\n[');
    for (let from = 0; from < rows.length; from += ROWS_A_DIGEST) {
      digest.update(
        (from > 0 ? ',' : '') +
          rows
            .slice(from, from + ROWS_A_DIGEST)
            .map((row) => JSON.stringify(row))
            .join(','),
      );
    }
    digest.update(']');
  });
  return digest.digest('hex');
}

const ROWS_A_DIGEST = 10_000;

/** Writes each cell's rounded value into its commune fact, in place of the collected count. */
function writeRounded({ facts, byMeasure }: Pick<CellSystem, 'facts' | 'byMeasure'>, rounded: number[]) {
  facts.forEach((fact, i) => {
    for (const measure in byMeasure[i]) fact.values[measure] = rounded[byMeasure[i][measure]];
  });
}

/**
 * The real published figures (province and district poor and near-poor counts) that equal the
 * sum of the collected commune counts: a reader knows these sums exactly. Each becomes a cell
 * appended after the commune cells, and an equality with the communes it sums.
 */
function knownSums(
  dataset: Dataset,
  { cells, values }: Pick<CellSystem, 'cells' | 'values'>,
): { values: number[]; equalities: Relation[] } {
  const out = { values: [] as number[], equalities: [] as Relation[] };
  const figures = dataset.tables.published_figures ?? [];
  // The poverty cells by what a figure names (indicator, year, standard), found in one pass: a
  // pass over every cell for each figure was millions of steps for a large province's figures.
  const named = (measure: unknown, year: unknown, standard: unknown) => `${measure}|${year}|${standard}`;
  const cellsNamed = new Map<string, number[]>();
  if (figures.length > 0) {
    cells.fact.forEach((fact, c) => {
      if (fact.table !== 'poverty') return;
      const name = named(cells.measure[c], fact.year, fact.dims.standard);
      const list = cellsNamed.get(name);
      if (list) list.push(c);
      else cellsNamed.set(name, [c]);
    });
  }
  for (const f of figures) {
    const area = String(f.area_code);
    const members = (cellsNamed.get(named(f.indicator, f.year, f.standard ?? 'national')) ?? []).filter(
      (c) => area === dataset.meta.province.code || cells.fact[c].district_code === area,
    );
    const sum = members.reduce((s, c) => s + values[c], 0);
    if (members.length === 0 || sum !== f.value) continue;
    const cell = values.length + out.values.length;
    out.values.push(sum);
    out.equalities.push({ cells: [cell, ...members], coefs: [1, ...members.map(() => -1)] });
  }
  return out;
}

/** The narrowest range a reader may work out for a count: metadata, else threshold − 2. */
export const protectionWidth = ({ meta }: Dataset) => meta.disclosure_protection_width ?? meta.disclosure_threshold - 2;

/**
 * The collected counts as a reader attacks them, given the rounded values published for them:
 * each lies less than a base from its rounded value, the real published figures are exact sums
 * of them, and every identity and bound holds. `audit` is all of it but the rounded values, which
 * `published(rounded)` gives.
 */
export function readerModel(dataset: Dataset, collected: CommuneCountFacts = communeCountFacts(dataset)) {
  const base = dataset.meta.disclosure_threshold;
  // The system's relations are the audit's equalities below, and held nowhere else: roundAndAudit lets them go.
  const { relations, ...system } = countSystem(dataset, collected);
  const communes = { ...collected, system };
  const knowledge = readerKnowledge(system, dataset.meta, dataset.tables.units as unknown as UnitLineage[]);
  const known = knownSums(dataset, system);
  const equalities = packRelations(relations, knowledge.equalities);
  // Spread, not written in place: the large arrays the spreads leave set off a full collection
  // before the audit, whose peak is then 0,4 GB lower at national scale (2,05 GB against 2,45).
  const state = Uint8Array.from([
    ...system.cells.measure.map((measure) => (UNPUBLISHED_MEASURES.has(measure) ? DERIVED : ROUNDED)),
    ...known.values.map(() => PUBLISHED),
  ]);
  const audit: AuditSetup = {
    witness: [...system.values, ...known.values],
    state,
    equalities,
    inequalities: knowledge.inequalities,
    linking: known.equalities,
    band: [1, base - 1],
    base,
    width: protectionWidth(dataset),
  };
  return {
    communes,
    audit,
    published: (rounded: number[]) => [...rounded, ...known.values],
  };
}

/** The published tables made of count facts (src/sql/publish.sql). */
const ROUNDED_TABLES = ['poverty', 'deprivation', 'coverage', 'poverty_2025_units'];

/** How many times the rounding is drawn again when a draw leaves some count too narrow. */
const DRAWS = 5;

/**
 * Rounds every collected count (controlled random rounding to a multiple of the disclosure
 * threshold), then audits the result as a reader would attack it (`readerModel`). If any count
 * can be narrowed below the protection width, the rounding is drawn again. Returns the facts to
 * publish, every sum computed from the rounded counts. Takes the dataset's count tables: their
 * rows are emptied once they are facts (a caller that needs their shape takes it before).
 */
export async function protectCounts(
  dataset: Dataset,
  key = roundingKey(dataset),
): Promise<{ facts: CountFacts; summary: ProtectionSummary }> {
  const { communes, summary } = await roundAndAudit(dataset, key);
  await stopLpWorkers();
  // The reader's model is out of reach by now, but for the commune facts: at national scale it is
  // gigabytes of memory that the facts at every level need not be built beside.
  const facts = summedCountFacts(dataset, communes);
  releaseFreedHeap();
  return { facts, summary };
}

/**
 * Gives back to the system the heap pages the reader's model took: V8 keeps the pages it frees
 * for its own reuse, a gigabyte at national scale that DuckDB and the export would otherwise add
 * to (3,1 GB at peak instead of 3,6; about a second of this thread). A collection of every
 * kind of garbage is the one that also lets them go; Node offers it with `--expose-gc`, which
 * `npm run data` sets, and without it nothing is done.
 */
function releaseFreedHeap() {
  globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** The commune facts with their counts rounded, from the first draw the audit passes. */
async function roundAndAudit(dataset: Dataset, key: string): Promise<{ communes: CommuneCountFacts; summary: ProtectionSummary }> {
  const base = dataset.meta.disclosure_threshold;
  const collected = communeCountFacts(dataset);
  // The collected rows are facts now, and the export took their shape before: at national scale
  // 0,2 GB of objects that the reader's model, the rounding and the audit would otherwise be made
  // and run beside.
  for (const table of Object.keys(COUNT_DIMS)) dataset.tables[table] = [];
  const model = readerModel(dataset, collected);
  const { system } = model.communes;
  // Each cell is named by its fact and measure (`key|measure`), not its number, so that a count
  // draws the same in every build whatever other counts come and go. A fact's cells come one after
  // another: its key is made once for them.
  let [fact, factName] = [null as Fact | null, ''];
  const factOf = (c: number) => {
    if (system.cells.fact[c] !== fact) {
      fact = system.cells.fact[c];
      factName = `${factKey(fact)}|`;
    }
    return factName;
  };
  const measureOf = (c: number) => system.cells.measure[c];
  // A later draw makes the relations again from the collected facts (their values are the
  // collected counts until a draw passes), the first draw having let them go. Not held in a
  // variable of this function, which would keep them while the audit is checked.
  const relationsOf = (attempt: number) => {
    const { equalities, inequalities } = attempt === 0 ? model.audit : readerModel(dataset, model.communes).audit;
    return { equalities, inequalities };
  };
  let narrow = 0;
  let audit: ReturnType<typeof auditReady> | null = null;
  for (let attempt = 0; attempt < DRAWS; attempt++) {
    const draws = keyedDraws(attempt === 0 ? key : `${key}#${attempt}`, system.values.length, measureOf, factOf);
    const rounding = roundControlled({ values: system.values, ...relationsOf(attempt), base, draws });
    // Its failure is thrown where it is awaited, below: if making the audit ready fails first, the
    // process must end with that error, not with this one unhandled.
    rounding.catch(() => {});
    // Made ready while the workers round (roundControlled returns as soon as they have the work).
    if (!audit) {
      const unknowns = unknownsOf(model.audit);
      // The relations are the rounding's and the audit's own rows by now: 0,09 GB of typed arrays
      // at national scale, that the rest of the audit would otherwise be made and run beside.
      model.audit.equalities = [];
      model.audit.inequalities = [];
      model.audit.linking = [];
      audit = auditReady(model.audit, unknowns);
    }
    const rounded = await rounding;
    const result = await audit.check(model.published(rounded));
    narrow = result.narrow.length;
    if (narrow > 0) continue;
    writeRounded(system, rounded);
    const { poverty, deprivation, coverage } = model.communes;
    return {
      communes: { poverty, deprivation, coverage },
      summary: {
        method: 'controlled_rounding',
        base,
        checked: result.checked,
        narrowest: result.narrowestWidth,
        width: model.audit.width,
        draws: attempt + 1,
        tables: ROUNDED_TABLES,
        min_rate_base: minRateBase(base),
      },
    };
  }
  throw new Error(
    `disclosure control: after ${DRAWS} draws of the rounding, ${narrow} counts can still be narrowed below the protection width; raise disclosure_threshold or lower disclosure_protection_width in metadata.json`,
  );
}
