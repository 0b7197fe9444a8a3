/**
 * The attack the disclosure control must survive, run on the published files: for every count a
 * commune row shows, the range a reader can work out by linear programming from everything
 * published (each count lies less than a base from its rounded value), the real published
 * figures, and every identity and bound. No count may be narrower than the protection width.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { COUNT_DIMS } from '../../src/pipeline/count-facts.ts';
import { factKey } from '../../src/pipeline/facts.ts';
import { auditIntervals, ROUNDED } from '../../src/pipeline/interval-audit.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { readerModel } from '../../src/pipeline/protect-counts.ts';
import { scratchDir } from '../scratch-dir.ts';

/** The published column of a count, where its name differs. */
const COLUMN: Record<string, string> = { uncovered: 'gap' };

async function publishedAttack(dir: string) {
  const out = join(scratchDir('atlas-audit'), 'data');
  const { manifest } = await buildData(dir, out);
  const conn = await (await DuckDBInstance.create()).connect();
  const published = new Map<string, Record<string, unknown>>();
  for (const [table, dims] of Object.entries(COUNT_DIMS)) {
    const rows = (
      await conn.runAndReadAll(`SELECT * FROM '${join(out, 'parquet', `${table}.parquet`)}' WHERE level = 'commune'`)
    ).getRowObjectsJS();
    for (const r of rows) {
      const values = Object.fromEntries(dims.map((d) => [d, String(r[d])]));
      published.set(factKey({ table, level: 'commune', code: String(r.unit_code), year: Number(r.year), dims: values }), r);
    }
  }
  const { dataset } = await loadDataset(dir);
  const model = readerModel(dataset!);
  const { state } = model.audit;
  const { cells } = model.communes.system;
  const shown = cells.fact.map((fact, c) => {
    const measure = cells.measure[c];
    if (state[c] !== ROUNDED) return 0;
    const v = published.get(factKey(fact))?.[COLUMN[measure] ?? measure];
    return typeof v === 'number' ? v : Number.NaN;
  });
  return { manifest: manifest!, shown, input: { ...model.audit, values: model.published(shown) }, cells };
}

describe.each(['data/quang-ninh', 'data/nui-may'])('the published counts of %s under an interval attack', (dir) => {
  it('shows every count rounded to a multiple of the threshold, and leaves none narrower than the protection width', async () => {
    const { manifest, shown, input, cells } = await publishedAttack(dir);
    const base = manifest.disclosure.base;
    const bad = shown.flatMap((v, c) =>
      input.state[c] === ROUNDED && !(v % base === 0) ? [`${cells.fact[c].code} ${cells.measure[c]}: ${v}`] : [],
    );
    expect(bad).toEqual([]);
    const result = await auditIntervals(input);
    expect(result.checked).toBeGreaterThan(1000);
    expect(result.narrow).toEqual([]);
    expect(result.narrowestWidth).toBeGreaterThanOrEqual(input.width);
    expect(manifest.disclosure).toMatchObject({ checked: result.checked, width: input.width });
  }, 300_000);
});
