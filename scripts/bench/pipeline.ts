/**
 * npm run bench: the data pipeline on the default dataset and on synthetic datasets 10× and
 * national scale (≈ 10.600 communes × 5 years). Prints a table and writes bench-results/pipeline.json.
 * Each figure is the median of RUNS runs (default 3) with its range; the national scale, which
 * takes minutes, runs once.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { dataCommand } from './data-command.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const bytesOf = (dir: string, filter = (_: string) => true) =>
  (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && filter(f))
    .reduce((a, f) => a + statSync(f).size, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const datasets: { name: string; dir: string; runs: number }[] = [{ name: 'Quảng Ninh (default)', dir: 'data/quang-ninh', runs: RUNS }];
for (const [name, scale, runs] of [
  ['10× Quảng Ninh', '10x', RUNS],
  ['national scale', 'national', 1],
] as const) {
  const dir = join(work, scale);
  const gen = spawnSync(process.execPath, ['scripts/generate-illustrative.ts', '--scale', scale, dir], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(gen.stderr);
  datasets.push({ name, dir, runs });
}

const pipeline = dataCommand();
const results = datasets.map(({ name, dir, runs }) => {
  const times: number[] = [];
  const rss: number[] = [];
  let outBytes = 0;
  let summary = '';
  for (let i = 0; i < runs; i += 1) {
    const out = join(work, `out-${i}`);
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [...pipeline.options, '--import', './scripts/bench/report-rss.ts', pipeline.script, dir, '--out', out],
      {
        encoding: 'utf8',
      },
    );
    times.push((performance.now() - t0) / 1000);
    if (run.status !== 0) throw new Error(`${name}: ${run.stderr.slice(-2000)}`);
    rss.push(Number(run.stderr.match(/maxrss_kb (\d+)/)![1]) / 1024);
    outBytes = bytesOf(out);
    summary = run.stdout.trim().split('\n')[0];
    rmSync(out, { recursive: true, force: true });
  }
  return {
    dataset: name,
    input_csv_bytes: bytesOf(dir, (f) => f.endsWith('.csv')),
    output_bytes: outBytes,
    seconds: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
    peak_mb: { median: median(rss), min: Math.min(...rss), max: Math.max(...rss) },
    summary,
  };
});

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  runs: RUNS,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/pipeline.json', `${JSON.stringify({ machine, results }, null, 2)}\n`);
const mb = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(`Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memory_gb} GB, Node ${machine.node}; median of ${RUNS} runs (min–max)\n`);
console.log('| dataset | input CSV | output (Parquet+CSV+Arrow) | wall time | peak memory |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.dataset} | ${mb(r.input_csv_bytes)} MB | ${mb(r.output_bytes)} MB | ${r.seconds.median.toFixed(1)} s (${r.seconds.min.toFixed(1)}–${r.seconds.max.toFixed(1)}) | ${r.peak_mb.median.toFixed(0)} MB (${r.peak_mb.min.toFixed(0)}–${r.peak_mb.max.toFixed(0)}) |`,
  );
}
for (const r of results) console.log(`\n${r.dataset}: ${r.summary}`);
rmSync(work, { recursive: true, force: true });
