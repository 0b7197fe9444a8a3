import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOf, openSite, visit, type Site } from './browser.ts';
import { builtFiles, emptySections } from './pages.ts';
import { scratchDir } from '../scratch-dir.ts';

/**
 * A province with no districts at all, as every province's units are after 1 July 2025: the
 * template's communes with their district columns empty, and no boundaries.
 */
const OUT = 'dist-no-districts';
let site: Site;

beforeAll(async () => {
  const dataset = join(scratchDir('atlas-no-districts'), 'province');
  cpSync('data/template', dataset, { recursive: true });
  rmSync(join(dataset, 'boundaries'), { recursive: true });
  const [header, ...rows] = readFileSync(join(dataset, 'units.csv'), 'utf8').trimEnd().split('\n');
  const district = ['district_code', 'district_name', 'district_type'].map((c) => header.split(',').indexOf(c));
  const emptied = rows.map((r) =>
    r
      .split(',')
      .map((cell, i) => (district.includes(i) ? '' : cell))
      .join(','),
  );
  writeFileSync(join(dataset, 'units.csv'), `${[header, ...emptied].join('\n')}\n`);
  await buildSiteOf(dataset, OUT);
  site = await openSite(OUT);
}, 240_000);
afterAll(async () => site?.close());

describe('a province without districts', () => {
  it('lists its communes and draws its map without promising or naming a district', async () => {
    const { page, errors } = await visit(site, 'communes/');
    expect(await page.locator('h1').textContent()).toBe('Xã, phường');
    expect(await page.locator('header nav').textContent()).toContain('Xã, phường');
    expect(await page.locator('[data-unit-list] li').count()).toBe(4);
    expect(await page.locator('[data-unit-list] h2').count()).toBe(0);
    const map = (await visit(site, 'map/commune/poor_rate/2022-national/')).page;
    const figure = (await map.locator('#map').locator('xpath=ancestor::figure').textContent()) ?? '';
    expect(figure).toContain('mỗi ô vuông là một xã; vị trí');
    expect(figure).not.toContain('huyện');
    expect(await map.locator('#map rect[data-code]').count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it('builds no district page, links to none, and leaves no list or table empty', () => {
    const files = builtFiles(OUT, /\.html$/);
    expect(files.filter((f) => f.includes('/districts/'))).toEqual([]);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('/districts/'))).toEqual([]);
    expect(emptySections(OUT)).toEqual([]);
  });
});
