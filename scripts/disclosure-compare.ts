/**
 * npm run compare:disclosure [-- DIR] [--exact N]: three ways to protect a dataset's small counts,
 * compared on the same data with the same interval audit (HiGHS linear programming over every
 * published value, identity, bound and real published figure): cell suppression, small counts
 * published as a band (1 to threshold − 1) with the same complementary suppression, and the
 * controlled random rounding the pipeline uses. For each: counts a reader can pin exactly or
 * narrow below the protection width, the narrowest range, the share of 2022 commune poverty
 * rates a reader sees (as a value or a band) and the error on district poor counts. A component
 * with more than --exact unproven cells (default 0) reports them as narrow without solving each,
 * so suppression's figures are upper bounds.
 */
import { parseArgs } from 'node:util';
import { countFacts, countSystem, UNPUBLISHED_MEASURES } from '../src/pipeline/count-facts.ts';
import { applySuppression } from '../src/pipeline/disclosure-facts.ts';
import { type AuditResult, auditIntervals, BANDED, DERIVED, PUBLISHED, WITHHELD } from '../src/pipeline/interval-audit.ts';
import { loadDataset } from '../src/pipeline/load-dataset.ts';
import { protectCounts, protectionWidth } from '../src/pipeline/protect-counts.ts';
import { readerKnowledge, type UnitLineage } from '../src/pipeline/reader-knowledge.ts';
import { packRelations } from '../src/pipeline/relations.ts';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { exact: { type: 'string', default: '0' } } });
const exact = Number(options.exact);
if (!Number.isInteger(exact) || exact < 0) throw new Error(`--exact must be a whole number ≥ 0, not "${options.exact}"`);
const dir = positionals[0] ?? process.env.DATASET ?? 'data/quang-ninh';
const { dataset, issues } = await loadDataset(dir);
if (!dataset) throw new Error(`${dir}: ${issues.map((i) => i.message).join('; ')}`);
const threshold = dataset.meta.disclosure_threshold;
const width = protectionWidth(dataset);

interface Row {
  method: string;
  result: AuditResult;
  visible: number;
  bias: { mean: number; max: number };
  seconds: number;
}
const rows: Row[] = [];
const isRate2022 = (f: { table: string; level: string; year: number; dims: Record<string, string> }) =>
  f.table === 'poverty' && f.level === 'commune' && f.year === 2022 && f.dims.standard === 'national';

for (const banded of [false, true]) {
  const started = performance.now();
  const facts = countFacts(dataset);
  const { poverty } = facts;
  const system = countSystem(dataset, facts);
  const { withheld: hidden } = applySuppression(system, threshold);
  const knowledge = readerKnowledge(system, dataset.meta, dataset.tables.units as unknown as UnitLineage[]);
  const small = (v: number) => v > 0 && v < threshold;
  const state = Uint8Array.from(system.cells.measure, (measure, c) => {
    const withheld = hidden[c];
    if (UNPUBLISHED_MEASURES.has(measure)) return withheld && small(system.values[c]) ? WITHHELD : DERIVED;
    if (!withheld) return PUBLISHED;
    return banded && small(system.values[c]) ? BANDED : WITHHELD;
  });
  const result = await auditIntervals(
    {
      values: system.values,
      state,
      equalities: packRelations(system.relations, knowledge.equalities),
      inequalities: knowledge.inequalities,
      band: [1, threshold - 1],
      width,
    },
    exact,
  );
  const cellsOf = new Map(system.facts.map((f, i) => [f, system.byMeasure[i]]));
  const seen = (measure: string, f: (typeof poverty)[number]) =>
    !hidden[cellsOf.get(f)![measure]] || (banded && small(f.values[measure] ?? 0) && measure !== 'households');
  const communes = poverty.filter(isRate2022);
  rows.push({
    method: banded ? `bands (1–${threshold - 1}) with complementary suppression` : 'cell suppression',
    result,
    visible: communes.filter((f) => seen('poor', f) && seen('households', f)).length / communes.length,
    bias: { mean: 0, max: 0 },
    seconds: (performance.now() - started) / 1000,
  });
}

{
  const started = performance.now();
  const truth = countFacts(dataset);
  const { facts, summary } = await protectCounts(dataset);
  const errors = truth.poverty.flatMap((f, i) =>
    f.level === 'district' && f.values.poor != null ? [(facts.poverty[i].values.poor ?? 0) - f.values.poor] : [],
  );
  rows.push({
    method: `controlled random rounding to base ${summary.base}`,
    result: { checked: summary.checked, narrow: [], narrowestWidth: summary.narrowest, bounded: 0, solves: 0 },
    visible: 1,
    bias: { mean: errors.reduce((a, b) => a + b, 0) / errors.length, max: Math.max(...errors.map(Math.abs)) },
    seconds: (performance.now() - started) / 1000,
  });
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
console.log(`${dir}, protection width ${width} households\n`);
console.log(
  '| method | counts audited | pinned exactly | narrower than the width | narrowest range | 2022 commune poverty rates a reader sees | district poor counts: mean error, largest | time |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const pinned = r.result.narrow.filter((n) => n.min === n.max).length;
  console.log(
    `| ${r.method} | ${r.result.checked} | ${pinned} | ${r.result.narrow.length} | ${r.result.narrowestWidth} | ${pct(r.visible)} | ${r.bias.mean.toFixed(1)}, ${r.bias.max} | ${r.seconds.toFixed(0)} s |`,
  );
}
