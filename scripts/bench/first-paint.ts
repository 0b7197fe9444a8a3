/**
 * When the chart is painted on a slow phone network, for the overview and the map, side by side
 * with a floor page in the same run: the overview's own chart SVG in a bare HTML page, with no
 * stylesheet and no script. Chromium over CDP throttled to Slow 4G (562 ms round trip,
 * 1,47 Mbit/s), served compressed by the project's own server, cold profile each load, RUNS turns
 * (default 7) of one load of each page; each page's paint is divided by its turn's floor, and the
 * median of those ratios is its figure. Needs a built site (npm run build). Writes
 * bench-results/first-paint.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { openChromium } from '../chromium.ts';
import { serveStatic } from '../static-server.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const SLOW_4G = { offline: false, latency: 562, downloadThroughput: 1.47e6 / 8, uploadThroughput: 0.675e6 / 8 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const overview = readFileSync('dist/index.html', 'utf8');
const chart = overview.match(/<svg[\s\S]*?<\/svg>/)?.[0];
if (!chart) throw new Error('dist/index.html has no inline chart: build the site first');
writeFileSync('dist/bench-floor.html', `<!doctype html><html lang="vi"><meta charset="utf-8"><title>floor</title>${chart}</html>`);

const { server, url } = await serveStatic('dist');
const pages = { floor: 'bench-floor.html', overview: '', map: 'map/' };
type Load = { paint: number; bytes: number; requests: number };

/** One cold load of a page at Slow 4G: when it first painted, and what it transferred. */
async function coldLoad(path: string): Promise<Load> {
  const context = await openChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests += 1;
    });
    await page.goto(url + path, { waitUntil: 'load' });
    // A small page can fire load before it paints: wait for the paint entry itself.
    const paint = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
    return { paint, bytes, requests };
  } finally {
    await context.close();
  }
}

// The pages are loaded in turns, floor, overview, map, then again in another order: the machine's
// speed drifts by a third within minutes here, and a page's loads all made in one block of time
// compared it with the floor of another minute (the same pages measured 1,03× and 1,28× the floor
// in two runs minutes apart). Each turn's page is divided by that turn's floor.
const names = Object.keys(pages) as (keyof typeof pages)[];
const loads = Object.fromEntries(names.map((n) => [n, [] as Load[]])) as Record<keyof typeof pages, Load[]>;
try {
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      loads[name].push(await coldLoad(pages[name]));
    }
  }
} finally {
  server.close();
  rmSync('dist/bench-floor.html', { force: true });
}
const results = Object.fromEntries(
  names.map((name) => {
    const runs = loads[name];
    const ratios = runs.map((r, i) => r.paint / loads.floor[i].paint);
    const last = runs[runs.length - 1];
    return [
      name,
      {
        paint_ms: Math.round(median(runs.map((r) => r.paint))),
        floor_ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
        bytes: last.bytes,
        requests: last.requests,
      },
    ];
  }),
);
for (const [name, r] of Object.entries(results)) {
  const { median: m, min, max } = r.floor_ratio;
  console.log(
    `${name.padEnd(9)} first paint ${r.paint_ms} ms, ${m.toFixed(2)}× the floor (${min.toFixed(2)}–${max.toFixed(2)} by turn), ${(r.bytes / 1024).toFixed(1)} KB in ${r.requests} requests`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/first-paint.json',
  `${JSON.stringify({ date: new Date().toISOString(), network: 'Slow 4G: 562 ms RTT, 1,47 Mbit/s (CDP)', runs: RUNS, results }, null, 2)}\n`,
);
