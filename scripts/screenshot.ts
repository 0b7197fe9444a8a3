/** Dev helper: node scripts/screenshot.ts PATH OUT.png [width] — screenshots a page of dist/ in Debian's Chromium. */
import { serveStatic } from './static-server.ts';
import { openChromium } from './chromium.ts';

const [path = '', out = '/tmp/shot.png', width = '1200'] = process.argv.slice(2);
const { server, url } = await serveStatic('dist');
const context = await openChromium({ viewport: { width: Number(width), height: 900 } });
const page = await context.newPage();
if (process.env.DARK) await page.emulateMedia({ colorScheme: 'dark' });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url + path);
await page.waitForTimeout(Number(process.env.WAIT ?? 300));
await page.screenshot({ path: out, fullPage: true });
await context.close();
server.close();
