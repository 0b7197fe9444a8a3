/**
 * Screenshots of one page of every kind, in both languages, at 360 px and 1280 px, into
 * screenshots/ (git-ignored), to look at before a release: npm run screenshots (after npm run build).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pageKinds } from './page-kinds.ts';
import { serveStatic } from './static-server.ts';
import { openChromium } from './chromium.ts';

const OUT = 'screenshots';
mkdirSync(OUT, { recursive: true });
const { server, url } = await serveStatic('dist');
const context = await openChromium();
const page = await context.newPage();
let count = 0;
for (const path of pageKinds().flatMap((p) => [p, `en/${p}`])) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.goto(url + path, { waitUntil: 'load' });
    await page.screenshot({
      path: join(OUT, `${(path || 'home').replace(/\/$/, '').replaceAll('/', '_') || 'home'}-${width}.png`),
      fullPage: true,
    });
    count += 1;
  }
}
await context.close();
server.close();
console.log(`${count} screenshots in ${OUT}/`);
