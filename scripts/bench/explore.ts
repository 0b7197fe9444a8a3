/**
 * The explore page in headless Chromium on localhost (needs a built site: npm run build):
 * bytes loaded before and after DuckDB, time to DuckDB ready and to the first result (cold:
 * fresh browser profile each time; warm: reload with cache), for the page as it opens (its
 * opening query answered in the HTML) and for a link to another query (answered by DuckDB), and
 * each example query's time.
 * Prints a table and writes bench-results/explore.json. SITE_DIR measures another build than dist/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { serveStatic } from '../static-server.ts';
import { shapedLink } from './shaped-link.ts';
import { openChromium } from '../chromium.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });
const { server, url } = await serveStatic(process.env.SITE_DIR ?? 'dist');
/** The same slow network, shaped as a link shapes the bytes (see shaped-link.ts), in front of the same server. */
const shaped = await shapedLink({ host: new URL(url).hostname, port: Number(new URL(url).port) }, { rttMs: 150, downBitsPerSecond: 9e6 });
const shapedUrl = `http://127.0.0.1:${shaped.port}/`;
const launch = async () => {
  const context = await openChromium();
  await context.addInitScript(recordShown, SHOWN);
  return context;
};

/** A slow network, as Chromium's DevTools throttle it: 150 ms round trip, 9 Mbit/s down. */
const SLOW = { offline: false, latency: 150, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };

/** The page as it opens (its opening query answered in the HTML), and a shared link to another query (answered by DuckDB). */
const OPENING = 'en/explore/';
const LINKED = `en/explore/?sql=${encodeURIComponent("SELECT year, standard, poor_rate FROM poverty WHERE level = 'district' ORDER BY year")}`;

/**
 * What the page shows, and when: records in the page, by its own clock (milliseconds since the
 * navigation started), the moment each of these first appears. Playwright's waitFor polls with
 * pauses of up to half a second, which would be added to a time it measured itself.
 */
const SHOWN = {
  ready: '[data-status][data-state="ready"]',
  // A linked query's result is DuckDB's; the opening query's is in the page.
  opening: '[data-output] [data-summary]',
  linked: '[data-output]:not([data-prepared]) [data-summary]',
};
function recordShown(selectors: Record<string, string>) {
  const seen: Record<string, number> = {};
  (window as unknown as { shownAt: Record<string, number> }).shownAt = seen;
  const look = () => {
    for (const [name, selector] of Object.entries(selectors))
      if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', look);
}

type Network = 'local' | 'devtools' | 'shaped';
/** Loads the explore page; returns the time to DuckDB ready and to the first result, and what was fetched. */
async function load(context: BrowserContext, reload: boolean, network: Network = 'local', path = OPENING) {
  const files: { url: string; bytes: number; phase: 'page' | 'duckdb' }[] = [];
  // DuckDB's part: its module, wasm and worker, and the tables it loads; the rest is the page.
  const phaseOf = (u: string) => (/duckdb|\.wasm|\.arrow/.test(new URL(u).pathname) ? 'duckdb' : 'page');
  const onFinished = async (r: import('playwright-core').Request) => {
    const sizes = await r.sizes().catch(() => null);
    files.push({ url: r.url(), bytes: sizes?.responseBodySize ?? 0, phase: phaseOf(r.url()) });
  };
  context.on('requestfinished', onFinished);
  const page = context.pages()[0] ?? (await context.newPage());
  if (network === 'devtools') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
  }
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(`${network === 'shaped' ? shapedUrl : url}${path}`, { waitUntil: 'commit' });
  const answer = path === OPENING ? SHOWN.opening : SHOWN.linked;
  await page.locator(answer).waitFor({ timeout: 120_000 });
  await page.locator(SHOWN.ready).waitFor({ timeout: 120_000 });
  const shown = await page.evaluate(() => (window as unknown as { shownAt: Record<string, number> }).shownAt);
  await page.waitForTimeout(300);
  context.off('requestfinished', onFinished);
  return { ready: shown.ready, first: path === OPENING ? shown.opening : shown.linked, files };
}

/** Cold loads, a fresh browser profile each. */
async function coldLoads(runs: number, network: Network, path: string) {
  const loads: Awaited<ReturnType<typeof load>>[] = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await launch();
    loads.push(await load(context, false, network, path));
    await context.close();
  }
  return loads;
}
const cold = await coldLoads(RUNS, 'local', OPENING);
const coldLinked = await coldLoads(RUNS, 'local', LINKED);
// On a slow network: fewer runs, each takes seconds.
const slow = await coldLoads(Math.min(RUNS, 3), 'devtools', OPENING);
const slowLinked = await coldLoads(Math.min(RUNS, 3), 'devtools', LINKED);
const shapedLinked = await coldLoads(Math.min(RUNS, 3), 'shaped', LINKED);
const context = await launch();
await load(context, false);
const warm: Awaited<ReturnType<typeof load>>[] = [];
for (let i = 0; i < RUNS; i += 1) warm.push(await load(context, true));

const page = context.pages()[0];
const queries: Record<string, ReturnType<typeof spread>> = {};
// The examples the page offers (they depend on the dataset).
const exampleIds = await page.locator('[data-example-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-example-id')!));
for (const id of exampleIds) {
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await page.locator(`[data-example-id="${id}"]`).click();
    const summary = await page.locator('[data-output] [data-summary]').textContent({ timeout: 60_000 });
    times.push(Number(/([\d.,]+) ms/.exec(summary ?? '')?.[1].replace(/[.,]/g, '') ?? NaN));
  }
  queries[id] = spread(times);
}
await context.close();
server.close();
shaped.server.close();

const gzipOf = (u: string) => {
  const path = join(
    process.env.SITE_DIR ?? 'dist',
    decodeURIComponent(new URL(u).pathname).replace(/^\//, '').replace(/\/$/, '/index.html'),
  );
  try {
    return gzipSync(readFileSync(path), { level: 9 }).length;
  } catch {
    return 0;
  }
};
const sample = cold[0].files;
const sum = (phase: string, f: (x: { url: string; bytes: number }) => number) =>
  sample.filter((x) => x.phase === phase).reduce((a, x) => a + f(x), 0);
const result = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, runs: RUNS },
  bytes: {
    page: {
      transferred: sum('page', (x) => x.bytes),
      gzip: sum('page', (x) => gzipOf(x.url)),
      requests: sample.filter((x) => x.phase === 'page').length,
    },
    duckdb: {
      transferred: sum('duckdb', (x) => x.bytes),
      gzip: sum('duckdb', (x) => gzipOf(x.url)),
      requests: sample.filter((x) => x.phase === 'duckdb').length,
    },
  },
  cold_ms: { ready: spread(cold.map((c) => c.ready)), first_result: spread(cold.map((c) => c.first)) },
  cold_linked_query_ms: { ready: spread(coldLinked.map((c) => c.ready)), first_result: spread(coldLinked.map((c) => c.first)) },
  warm_ms: { ready: spread(warm.map((c) => c.ready)), first_result: spread(warm.map((c) => c.first)) },
  slow_network_cold_ms: {
    network: '150 ms RTT, 9 Mbit/s (DevTools throttling; _shaped: a TCP proxy shaping the bytes)',
    ready: spread(slow.map((c) => c.ready)),
    first_result: spread(slow.map((c) => c.first)),
    linked_query_first_result: spread(slowLinked.map((c) => c.first)),
    linked_query_first_result_shaped: spread(shapedLinked.map((c) => c.first)),
  },
  example_query_ms: queries,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/explore.json', `${JSON.stringify(result, null, 2)}\n`);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const ms = (s: ReturnType<typeof spread>) => `${s.median} ms (${s.min}–${s.max})`;
console.log(`Explore page, headless Chromium on 127.0.0.1, ${result.machine.cpus} × ${result.machine.cpu}; median of ${RUNS} (min–max)\n`);
console.log('| what | value |\n|---|---|');
console.log(
  `| page before DuckDB | ${kb(result.bytes.page.transferred)} transferred (as served: brotli), ${kb(result.bytes.page.gzip)} if gzipped, ${result.bytes.page.requests} requests |`,
);
console.log(
  `| DuckDB and tables | ${kb(result.bytes.duckdb.transferred)} transferred (as served: brotli), ${kb(result.bytes.duckdb.gzip)} if gzipped, ${result.bytes.duckdb.requests} requests |`,
);
console.log(`| cold: navigation → DuckDB ready | ${ms(result.cold_ms.ready)} |`);
console.log(`| cold: navigation → first result (the opening query's, in the page) | ${ms(result.cold_ms.first_result)} |`);
console.log(`| cold: navigation to a linked query → its result (DuckDB) | ${ms(result.cold_linked_query_ms.first_result)} |`);
console.log(`| cold at 150 ms / 9 Mbit/s: navigation → first result (in the page) | ${ms(result.slow_network_cold_ms.first_result)} |`);
console.log(
  `| cold at 150 ms / 9 Mbit/s: navigation to a linked query → its result (DuckDB) | ${ms(result.slow_network_cold_ms.linked_query_first_result)} |`,
);
console.log(
  `| the same over a shaped link (150 ms, 9 Mbit/s, TCP proxy) | ${ms(result.slow_network_cold_ms.linked_query_first_result_shaped)} |`,
);
console.log(`| warm: reload → DuckDB ready | ${ms(result.warm_ms.ready)} |`);
console.log(`| warm: reload → first result | ${ms(result.warm_ms.first_result)} |`);
for (const [id, s] of Object.entries(queries)) console.log(`| example "${id}" | ${ms(s)} |`);
