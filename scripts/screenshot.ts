/** Dev helper: node scripts/screenshot.ts PATH OUT.png [width] — screenshots a page of dist/ in Debian's Chromium. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const [path = '', out = '/tmp/shot.png', width = '1200'] = process.argv.slice(2);
const { server, url } = await serveStatic('dist');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: Number(width), height: 900 },
  args: CHROMIUM_ARGS,
});
const page = await context.newPage();
if (process.env.DARK) await page.emulateMedia({ colorScheme: 'dark' });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url + path);
await page.waitForTimeout(Number(process.env.WAIT ?? 300));
await page.screenshot({ path: out, fullPage: true });
await context.close();
server.close();
