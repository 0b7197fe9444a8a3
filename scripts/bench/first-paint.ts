/**
 * When the chart is painted on a slow phone network, for the overview and the map, side by side
 * with a floor page in the same run: the overview's own chart SVG in a bare HTML page, with no
 * stylesheet and no script. Chromium over CDP throttled to Slow 4G (562 ms round trip,
 * 1,47 Mbit/s), served compressed by the project's own server, cold profile each load, median
 * of RUNS (default 7). Needs a built site (npm run build). Writes bench-results/first-paint.json.
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
const results: Record<string, { paint_ms: number; bytes: number; requests: number }> = {};
try {
  for (const [name, path] of Object.entries(pages)) {
    const paints: number[] = [];
    let bytes = 0;
    let requests = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await openChromium();
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      let transferred = 0;
      let count = 0;
      cdp.on('Network.loadingFinished', (e) => {
        transferred += e.encodedDataLength;
        count += 1;
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
      paints.push(paint);
      bytes = transferred;
      requests = count;
      await context.close();
    }
    results[name] = { paint_ms: Math.round(median(paints)), bytes, requests };
  }
} finally {
  server.close();
  rmSync('dist/bench-floor.html', { force: true });
}
const floor = results.floor.paint_ms;
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(9)} first paint ${r.paint_ms} ms (${(r.paint_ms / floor).toFixed(2)}× floor), ${(r.bytes / 1024).toFixed(1)} KB in ${r.requests} requests`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/first-paint.json',
  `${JSON.stringify({ date: new Date().toISOString(), network: 'Slow 4G: 562 ms RTT, 1,47 Mbit/s (CDP)', runs: RUNS, results }, null, 2)}\n`,
);
