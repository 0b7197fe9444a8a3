import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { openSite, visit, type Site } from './browser.ts';

const OUT = 'dist-template';
let site: Site;

beforeAll(async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'atlas-template-')), 'data');
  const { manifest } = await buildData('data/template', data);
  expect(manifest).not.toBeNull();
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, DATA_DIR: data, OUT_DIR: OUT, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  site = await openSite(OUT);
}, 240_000);
afterAll(async () => site?.close());

describe('another province is a folder, not a code change', () => {
  it('builds the whole site from the template dataset, with its own units, names and figures', async () => {
    const { page, errors } = await visit(site, 'en/');
    expect(await page.locator('header').textContent()).toContain('Template Province');
    expect(await page.locator('tr[data-year="2022"][data-standard="national"] [data-col="poor"]').textContent()).toBe('40');
    const commune = (await visit(site, 'communes/90003/')).page;
    expect(await commune.locator('h1').textContent()).toBe('Xã Ba');
    const map = (await visit(site, 'map/')).page;
    expect(await map.locator('main').textContent()).toContain('không có ranh giới huyện');
    expect(await map.locator('#map rect[data-code]').count()).toBe(2);
    const communes = (await visit(site, 'en/map/commune/poor_rate/2022-national/')).page;
    expect(await communes.locator('#map path[data-code]').count()).toBe(4);
    expect(await communes.locator('main').textContent()).toContain('Commune boundaries supplied by the dataset');
    expect(await communes.locator('figcaption').textContent()).toContain('made-up squares');
    const downloads = (await visit(site, 'downloads/')).page;
    const csv = await downloads.locator('tr[data-table="poverty"] a[href$=".csv"]').getAttribute('href');
    expect((await downloads.request.get(new URL(csv!, site.origin).href)).status()).toBe(200);
    const links = await page.locator('header a, footer a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links.filter((h) => h.startsWith(site.origin))) expect((await page.request.get(href)).status(), href).toBe(200);
    expect(links.some((h) => h.includes('/national/'))).toBe(false);
    expect(errors).toEqual([]);
    expect(site.failed).toEqual([]);
  });
});
