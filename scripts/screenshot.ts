/** Dev helper: node scripts/screenshot.ts PATH OUT.png [width] — screenshots a page of dist/ in Debian's Chromium. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.ts';

const [path = '', out = '/tmp/shot.png', width = '1200'] = process.argv.slice(2);
const { server, url } = await serveStatic('dist');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shot-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: Number(width), height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await context.newPage();
if (process.env.DARK) await page.emulateMedia({ colorScheme: 'dark' });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url + path);
await page.waitForTimeout(Number(process.env.WAIT ?? 300));
await page.screenshot({ path: out, fullPage: true });
await context.close();
server.close();
