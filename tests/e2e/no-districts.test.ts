import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOf, editMetadata, openSite, visit, type Site } from './browser.ts';
import { builtFiles, emptySections } from './pages.ts';
import { scratchDir } from '../scratch-dir.ts';

/**
 * A province as a new one is after 1 July 2025: no districts at all and one year of figures (the
 * template's communes with their district columns empty, its 2023 rows only, no boundaries), under
 * a standard of its own that the atlas has no words for (id `chuan_2026`, no short name), all of
 * them official (no table illustrative, so no note on what is).
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
  for (const table of ['poverty.csv', 'coverage.csv']) {
    const lines = readFileSync(join(dataset, table), 'utf8').trimEnd().split('\n');
    const kept = lines.filter((l, i) => i === 0 || l.split(',')[1] === '2023').map((l) => l.replace(',national,', ',chuan_2026,'));
    writeFileSync(join(dataset, table), `${kept.join('\n')}\n`);
  }
  editMetadata(dataset, (metadata) => {
    metadata.years = [2023];
    metadata.standards = [{ ...metadata.standards[0], id: 'chuan_2026', name_vi: 'Chuẩn nghèo năm 2026', years: [2023] }];
    for (const table of Object.values(metadata.tables) as { illustrative: boolean }[]) table.illustrative = false;
    delete metadata.illustrative_note;
  });
  await buildSiteOf(dataset, OUT);
  site = await openSite(OUT);
}, 240_000);
afterAll(async () => site?.close());

describe('a province without districts, with one year of figures', () => {
  it('says its one year once', async () => {
    const { page, errors } = await visit(site, '');
    expect(await page.locator('header').textContent()).toContain('Giảm nghèo bền vững tỉnh Mẫu, 2023');
    expect(await page.locator('#province-poor-trend title').first().textContent()).toBe('Hộ nghèo cuối năm, 2023');
    expect(builtFiles(OUT, /\.(html|svg)$/).filter((f) => readFileSync(f, 'utf8').includes('2023–2023'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("draws its one year as bars with their values written, the values of the year's table", async () => {
    const { page } = await visit(site, '');
    const chart = page.locator('#province-poor-trend');
    expect(await chart.locator('.series').count()).toBe(0);
    const bar = chart.locator('g[data-key="chuan_2026"]');
    const shown = await page.locator('tr[data-year="2023"][data-standard="chuan_2026"] [data-col="poor"]').textContent();
    expect(await bar.locator('text').allTextContents()).toEqual(['Chuẩn nghèo năm 2026, 2023', shown]);
    expect(await bar.getAttribute('data-value')).toBe(shown);
  });

  it('says nothing of illustrative figures where none are: no banner, badge or label, no section on the sources page', async () => {
    for (const path of ['', 'communes/90001/', 'map/', 'sources/', 'explore/', 'downloads/']) {
      const { page } = await visit(site, path);
      expect(await page.locator('[data-illustrative], #illustrative').count(), path).toBe(0);
      expect(await page.locator('main').textContent(), path).not.toMatch(/Số liệu minh họa|minh họa”/);
    }
    expect(await (await visit(site, 'en/explore/')).page.locator('main > p').first().textContent()).not.toContain('illustrative');
  });

  it('does not point to official figures it does not have: its rounded totals may differ from them, and no more is said', async () => {
    expect(await (await visit(site, 'sources/')).page.locator('main').textContent()).not.toContain('mục riêng');
    expect(await (await visit(site, 'en/sources/')).page.locator('main').textContent()).not.toContain('own section');
    const dictionary = JSON.parse(readFileSync(join(OUT, 'data', 'dictionary.json'), 'utf8')) as { table: string; note?: { en: string } }[];
    const note = dictionary.find((t) => t.table === 'poverty')?.note?.en;
    expect(note).toContain('can differ from the official figures.');
    expect(note).not.toContain('published figures');
  });

  it('lists its communes and draws its map without promising or naming a district', async () => {
    const { page, errors } = await visit(site, 'communes/');
    expect(await page.locator('h1').textContent()).toBe('Xã, phường');
    expect(await page.locator('header nav').textContent()).toContain('Xã, phường');
    expect(await page.locator('[data-unit-list] li').count()).toBe(4);
    expect(await page.locator('[data-unit-list] h2').count()).toBe(0);
    const map = (await visit(site, 'map/commune/poor_rate/2023-chuan_2026/')).page;
    const figure = (await map.locator('#map').locator('xpath=ancestor::figure').textContent()) ?? '';
    expect(figure).toContain('mỗi ô vuông là một xã; vị trí');
    expect(figure).not.toContain('huyện');
    expect(await map.locator('#map rect[data-code]').count()).toBe(4);
    // The standard is named by its name wherever a short name would go, never by its id.
    expect(await map.locator('h1').textContent()).toBe('Tỷ lệ hộ nghèo theo xã, 2023, Chuẩn nghèo năm 2026');
    expect(await map.locator('[aria-current="page"]', { hasText: '2023' }).textContent()).toBe('2023, Chuẩn nghèo năm 2026');
    expect(errors).toEqual([]);
  });

  it('offers example questions about its own year, standard and communes', async () => {
    const { page } = await visit(site, 'explore/');
    expect(await page.locator('[data-example-id]').allTextContents()).toEqual(
      expect.arrayContaining(['Mười xã có tỷ lệ hộ nghèo và cận nghèo cao nhất năm 2023', 'Khoảng trống thẻ BHYT theo xã, năm 2023']),
    );
  });

  it('builds no district page, links to none, and leaves no list or table empty', () => {
    const files = builtFiles(OUT, /\.html$/);
    expect(files.filter((f) => f.includes('/districts/'))).toEqual([]);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('/districts/'))).toEqual([]);
    expect(emptySections(OUT)).toEqual([]);
    // Nor a page of targets it has none of.
    expect(files.filter((f) => f.includes('/targets/'))).toEqual([]);
  });
});
