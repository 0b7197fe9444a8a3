/**
 * Property-based fuzzing of the pipeline with fast-check: valid datasets mutated the ways files get
 * damaged (byte flips, truncation, swapped or duplicated headers, random Unicode, lost or doubled
 * lines). The pipeline must never crash: every failure is a list of issues that locate it. And
 * whatever it accepts, it must publish as written: every cell read equals the cell in the file,
 * and every published count is the input's, rounded to a neighbouring multiple of the threshold.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { tableSpec } from '../../src/pipeline/input-schema.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { scratchDir } from '../scratch-dir.ts';

const FILES = ['units.csv', 'poverty.csv', 'coverage.csv', 'metadata.json'] as const;
type Files = Record<(typeof FILES)[number], Uint8Array>;
const original = Object.fromEntries(FILES.map((f) => [f, new Uint8Array(readFileSync(join('data/template', f)))])) as Files;

type Mutation = (files: Files) => Files;
const file = fc.constantFrom(...FILES);
const onFile =
  (f: (typeof FILES)[number], change: (bytes: Uint8Array) => Uint8Array): Mutation =>
  (files) => ({ ...files, [f]: change(files[f]) });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);
const lines = (bytes: Uint8Array) => text(bytes).split('\n');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(file, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([f, at, value]) =>
    onFile(f, (b) => {
      const copy = b.slice();
      copy[at % copy.length] = value;
      return copy;
    }),
  ),
  fc.tuple(file, fc.nat()).map(([f, at]) => onFile(f, (b) => b.slice(0, at % (b.length + 1)))),
  fc.tuple(fc.constantFrom('units.csv', 'poverty.csv', 'coverage.csv' as const), fc.nat(), fc.nat()).map(([f, i, j]) =>
    onFile(f, (b) => {
      const [head, ...rest] = lines(b);
      const cols = head.split(',');
      [cols[i % cols.length], cols[j % cols.length]] = [cols[j % cols.length], cols[i % cols.length]];
      return bytesOf([cols.join(','), ...rest].join('\n'));
    }),
  ),
  fc.tuple(fc.constantFrom('units.csv', 'poverty.csv', 'coverage.csv' as const), fc.nat(), fc.nat()).map(([f, i, j]) =>
    onFile(f, (b) => {
      const [head, ...rest] = lines(b);
      const cols = head.split(',');
      cols[i % cols.length] = cols[j % cols.length];
      return bytesOf([cols.join(','), ...rest].join('\n'));
    }),
  ),
  fc.tuple(file, fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([f, at, inserted]) =>
    onFile(f, (b) => {
      const s = text(b);
      const k = at % (s.length + 1);
      return bytesOf(s.slice(0, k) + inserted + s.slice(k));
    }),
  ),
  fc.tuple(fc.constantFrom('units.csv', 'poverty.csv', 'coverage.csv' as const), fc.nat(), fc.boolean()).map(([f, at, twice]) =>
    onFile(f, (b) => {
      const all = lines(b);
      const k = 1 + (at % Math.max(1, all.length - 1));
      return bytesOf(
        (twice ? [...all.slice(0, k + 1), all[k], ...all.slice(k + 1)] : [...all.slice(0, k), ...all.slice(k + 1)]).join('\n'),
      );
    }),
  ),
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

const dir = scratchDir('fuzz');
cpSync('data/template', dir, { recursive: true });
/** What the folder holds: a run writes only the files its mutations made anew (a file written costs more than its check). */
let onDisk: Files = original;
const writeDataset = (files: Files) => {
  for (const f of FILES) if (files[f] !== onDisk[f]) writeFileSync(join(dir, f), files[f]);
  onDisk = files;
};
const restore = () => writeDataset(original);

/** The cells of a CSV as a reader of the file sees them: header → trimmed text, NFC. */
const cellsOf = (bytes: Uint8Array) => {
  const records = parse(text(bytes).replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true }) as string[][];
  const header = records[0].map((h) => h.trim());
  return records
    .slice(1)
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim().normalize('NFC')])));
};

const accepted: Files[] = [];

describe('fuzzing: mutated datasets never crash the pipeline, and what it accepts it publishes as written', () => {
  it('10.000 mutated datasets: a located issue list or the input values', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (changes) => {
        const files = changes.reduce((f, change) => change(f), original);
        writeDataset(files);
        const { dataset, issues } = await loadDataset(dir);
        for (const i of issues) {
          expect(typeof i.file === 'string' && i.file.length > 0).toBe(true);
          expect(Number.isInteger(i.row) && i.row >= 0).toBe(true);
          expect(i.rule.length).toBeGreaterThan(2);
          expect(i.message.length).toBeGreaterThan(10);
        }
        expect(dataset == null).toBe(issues.some((i) => i.severity === 'error'));
        if (!dataset) return;
        accepted.push(files);
        for (const name of ['units', 'poverty', 'coverage'] as const) {
          const spec = tableSpec(name);
          const cells = cellsOf(files[`${name}.csv`]);
          expect(dataset.tables[name]).toHaveLength(cells.length);
          dataset.tables[name].forEach((row, k) => {
            for (const c of spec.columns) {
              const written = cells[k][c.name] ?? '';
              const read = row[c.name];
              expect(read == null ? '' : typeof read === 'boolean' ? (read ? 'yes' : 'no') : String(read), `${name} ${c.name}`).toBe(
                written,
              );
            }
          });
        }
      }),
      { numRuns: 10_000, seed: 20261202 },
    );
    restore();
    expect(accepted.length).toBeGreaterThan(50);
  }, 300_000);

  it('accepted mutations publish every count as written, rounded to a neighbouring multiple of the threshold', async () => {
    const conn = await (await DuckDBInstance.create()).connect();
    const out = join(scratchDir('fuzz-out'), 'data');
    // A sample of the accepted ones, spread over the run: a full publish takes a quarter of a second.
    const sample = accepted.filter((_, k) => k % Math.ceil(accepted.length / 25) === 0);
    for (const files of sample) {
      writeDataset(files);
      const { manifest } = await buildData(dir, out);
      expect(manifest).not.toBeNull();
      const published = (
        await conn.runAndReadAll(`SELECT * FROM '${join(out, 'parquet', 'poverty.parquet')}' WHERE level = 'commune'`)
      ).getRowObjectsJS();
      const input = cellsOf(files['poverty.csv']);
      for (const row of input) {
        const p = published.find((r) => r.unit_code === row.unit_code && String(r.year) === row.year && r.standard === row.standard);
        expect(p, JSON.stringify(row)).toBeDefined();
        for (const measure of tableSpec('poverty').columns.filter((c) => c.type === 'integer')) {
          if (row[measure.name] === '') continue;
          const [written, shown] = [Number(row[measure.name]), p![measure.name] as number];
          expect(shown % manifest!.disclosure.base, measure.name).toBe(0);
          expect(Math.abs(shown - written), `${measure.name}: ${written} → ${shown}`).toBeLessThan(manifest!.disclosure.base);
        }
      }
    }
    restore();
    rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
