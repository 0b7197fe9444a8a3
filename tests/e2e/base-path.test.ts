import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOf, openSite, visit, type Site } from './browser.ts';

// The smallest dataset with a map: what a sub-path changes is the same on every page of every size.
const DATASET = 'data/template';
const OUT = 'dist-base';
const COMMUNE = '90001';
let site: Site;

beforeAll(async () => {
  await buildSiteOf(DATASET, OUT, { BASE_PATH: '/atlas/', SITE_URL: 'https://atlas.example.org/' });
  site = await openSite(OUT, '/atlas/');
}, 240_000);
afterAll(async () => site?.close());

describe('the site under a sub-path (e.g. GitHub Pages)', () => {
  it('serves every link, asset and data file from under the base path', async () => {
    for (const path of ['', 'en/map/', `communes/${COMMUNE}/`, 'downloads/', 'sources/']) {
      const { page, errors } = await visit(site, path);
      const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(links.filter((h) => !h.startsWith('/atlas/'))).toEqual([]);
      expect(errors).toEqual([]);
    }
    const { page } = await visit(site, 'downloads/');
    const csv = await page.locator('tr[data-table="poverty"] a[href$=".csv"]').getAttribute('href');
    const response = await page.request.get(new URL(csv!, site.origin).href);
    expect(response.status()).toBe(200);
    expect(site.failed).toEqual([]);
    expect(site.external).toEqual([]);
  });

  it('describes every page for search engines and link previews, with absolute addresses under SITE_URL', async () => {
    for (const [path, lang] of [
      ['', 'vi'],
      [`communes/${COMMUNE}/`, 'vi'],
      [`en/communes/${COMMUNE}/`, 'en'],
      ['en/map/', 'en'],
    ] as const) {
      const { page } = await visit(site, path);
      const meta = (selector: string, attribute = 'content') => page.locator(selector).getAttribute(attribute);
      const description = await meta('meta[name="description"]');
      expect(description?.length, path).toBeGreaterThan(40);
      expect(description, path).toContain(lang === 'vi' ? 'nghèo' : 'poverty');
      expect(await meta('link[rel="canonical"]', 'href')).toBe(`https://atlas.example.org/atlas/${path}`);
      const bare = path.replace(/^en\//, '');
      expect(await meta('link[rel="alternate"][hreflang="vi"]', 'href')).toBe(`https://atlas.example.org/atlas/${bare}`);
      expect(await meta('link[rel="alternate"][hreflang="en"]', 'href')).toBe(`https://atlas.example.org/atlas/en/${bare}`);
      expect(await meta('meta[property="og:title"]')).toBeTruthy();
      expect(await meta('meta[property="og:url"]')).toBe(`https://atlas.example.org/atlas/${path}`);
    }
  });

  it("shows the page's main figure, with its title, when a link to it is shared", async () => {
    for (const [path, figure] of [
      ['', 'province/poor-trend'],
      [`en/communes/${COMMUNE}/`, `communes/${COMMUNE}/trend`],
    ] as const) {
      const { page } = await visit(site, path);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      const lang = path.startsWith('en/') ? 'en' : 'vi';
      expect(image).toBe(`https://atlas.example.org/atlas/figures/${lang}/${figure}/share.png`);
      expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
      const title = await page.locator(`[data-figure="${figure}"] caption`).first().textContent();
      expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe(title?.trim());
      const png = await (await page.request.get(new URL(`/atlas/figures/${lang}/${figure}/share.png`, site.origin).href)).body();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  it('starts DuckDB from the sub-path', async () => {
    const { page, errors } = await visit(site, 'explore/');
    await page.locator('[data-status][data-state="ready"]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    expect(site.failed).toEqual([]);
  });
});
