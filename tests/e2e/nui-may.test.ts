import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/format.ts';
import { buildSiteOf, openSite, visit, type Site } from './browser.ts';
import { otherLanguage } from './language.ts';
import { readEveryKind } from './phone-reading.ts';
import { builtFiles, emptySections, unlabelledIllustrative, pageKinds } from './pages.ts';

/**
 * Núi Mây (data/nui-may) is a made-up province unlike Quảng Ninh in every dimension: high poverty,
 * one standard, its own plan, years and villages, no boundaries, no crosswalk and none of the
 * optional tables or columns. Its whole site is built and read here as a reader would.
 */
const DATASET = 'data/nui-may';
const OUT = 'dist-nui-may';
let site: Site;

type Row = Record<string, string>;
const input = (table: string): Row[] => parse(readFileSync(join(DATASET, `${table}.csv`)), { columns: true, bom: true });
const villages = input('villages');
const targets = input('targets');
const years = [...new Set(input('poverty').map((r) => Number(r.year)))].sort();
/** Its commune counts as published (rounded): every total on the site is their sum. */
let poverty: Record<string, unknown>[] = [];
const sum = (year: number, column: string) => poverty.filter((r) => Number(r.year) === year).reduce((a, r) => a + Number(r[column]), 0);

beforeAll(async () => {
  await buildSiteOf(DATASET, OUT);
  site = await openSite(OUT);
  const conn = await (await DuckDBInstance.create()).connect();
  const file = join(OUT, 'data', 'parquet', 'poverty.parquet');
  poverty = (await conn.runAndReadAll(`SELECT * FROM '${file}' WHERE level = 'commune'`)).getRowObjectsJS();
}, 300_000);
afterAll(async () => site?.close());

describe('a made-up high-poverty province, built from its folder alone', () => {
  it('shows its province totals for every year as the sums of its published commune counts', async () => {
    const { page, errors } = await visit(site, '');
    expect(await page.locator('header').textContent()).toContain('Núi Mây');
    for (const year of years) {
      const row = page.locator(`tr[data-year="${year}"][data-standard="national"]`);
      expect(await row.locator('[data-col="poor"]').textContent(), String(year)).toBe(formatNumber('vi', sum(year, 'poor')));
      expect(await row.locator('[data-col="households"]').textContent(), String(year)).toBe(formatNumber('vi', sum(year, 'households')));
    }
    expect(errors).toEqual([]);
  });

  it('judges each of its own targets from its own input', async () => {
    const { page, errors } = await visit(site, 'targets/');
    expect(await page.locator('main').textContent()).toContain('45/KH-UBND');
    for (const target of targets) {
      const year = Number(target.year);
      const actual =
        target.indicator === 'villages_exited'
          ? villages.filter((v) => v.exit_year && Number(v.exit_year) <= year).length
          : target.indicator === 'poor_reduction'
            ? sum(year, 'poor_start') - sum(year, 'poor')
            : (100 * (sum(year, 'poor_start') - sum(year, 'poor'))) / sum(year, 'households');
      const card = page.locator(`[data-card][data-target="${target.target_id}"]`);
      expect(Number(await card.locator('[data-actual]').getAttribute('data-actual')), target.target_id).toBeCloseTo(actual, 3);
      expect(await card.getAttribute('data-status'), target.target_id).toBe(actual >= Number(target.value) ? 'met' : 'not_met');
    }
    expect(errors).toEqual([]);
  });

  it("reports each year's targets on a page of their own, the latest year's at targets/report/, each one A4 page", async () => {
    const targetYears = [...new Set(targets.map((x) => Number(x.year)))].sort();
    expect(targetYears.length).toBeGreaterThan(1);
    const latest = targetYears.at(-1)!;
    for (const prefix of ['', 'en/']) {
      for (const year of targetYears) {
        const path = `${prefix}targets/report/${year === latest ? '' : `${year}/`}`;
        const { page, errors } = await visit(site, path);
        const rows = await page
          .locator('[data-targets-table] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-target')));
        expect(rows.sort(), path).toEqual(
          targets
            .filter((x) => Number(x.year) === year)
            .map((x) => x.target_id)
            .sort(),
        );
        expect(await page.locator('h1').textContent(), path).toContain(String(year));
        // Every year's report is a link away, this one marked as the page shown.
        const links = page.locator('[data-report-years] a');
        expect(await links.allTextContents(), path).toEqual(targetYears.map(String));
        expect(await page.locator('[data-report-years] a[aria-current="page"]').textContent(), path).toBe(String(year));
        expect(await links.first().getAttribute('href')).toBe(`/${prefix}targets/report/${targetYears[0]}/`);
        const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
        expect(pdf.match(/\/Type\s*\/Page[^s]/g), path).toHaveLength(1);
        expect(errors, path).toEqual([]);
        await page.close();
      }
      expect(await (await visit(site, `${prefix}targets/`)).page.locator(`a[href="/${prefix}targets/report/"]`).count()).toBe(1);
    }
  });

  it('counts its villages out of the list by its own target year, with their real names', async () => {
    const { page, errors } = await visit(site, 'program-135/');
    const out2025 = villages.filter((v) => v.exit_year && Number(v.exit_year) <= 2025).length;
    expect(Number(await page.locator('[data-exited]').getAttribute('data-exited'))).toBe(out2025);
    expect(await page.locator('[data-exited]').textContent()).toContain(`${out2025}/${villages.length}`);
    expect(await page.locator('tr[data-village]').count()).toBe(villages.length);
    expect(await page.locator('main').textContent()).toContain(villages[0].village_name);
    expect(errors).toEqual([]);
  });

  it('says "not collected" for the optional columns it leaves out, and draws no map of them', async () => {
    const { page, errors } = await visit(site, 'explore/');
    const marked = await page.locator('[data-schema="poverty"] [data-not-collected]').count();
    expect(marked).toBeGreaterThanOrEqual(8);
    expect(existsSync(join(OUT, 'map/commune/em_share_of_poor'))).toBe(false);
    // A commune's page says the province does not collect deprivation, not that the commune has no households.
    const commune = input('poverty')[0].unit_code;
    const { page: unit } = await visit(site, `communes/${commune}/`);
    expect(await unit.locator('main').textContent()).toContain('Bộ dữ liệu của tỉnh không thu thập số hộ thiếu hụt');
    expect(existsSync(join(OUT, 'map/commune/poor_rate'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("speaks each reader's language on every kind of its pages, words from its own data included", async () => {
    const problems = [];
    for (const path of pageKinds(OUT)) problems.push(...(await otherLanguage(site, path)));
    expect(problems).toEqual([]);
  });

  it('shows no table without rows and no empty list on any page: a section without its data is left out', () => {
    expect(emptySections(OUT)).toEqual([]);
  });

  // Its poverty counts are generated and it has no coverage table: its targets' results are generated all the same.
  it('says at the top of every page that shows a generated value that its figures are illustrative, its targets and their reports too', () => {
    expect(unlabelledIllustrative(OUT)).toEqual([]);
  });

  it('says nothing of Quảng Ninh, its plan, places, figures or boundaries anywhere in its built site', () => {
    const files = (dir: string) => builtFiles(dir, /\.(html|svg|csv|json|txt)$/);
    const words = [
      'Quảng Ninh',
      'Quang Ninh',
      'Hạ Long',
      'Bình Liêu',
      'Ba Chẽ',
      'Móng Cái',
      '228/KH',
      '612/QĐ',
      '12/12',
      '13/2023',
      'chuẩn tỉnh',
      'provincial standard',
      'geoBoundaries',
      'OCHA',
      '30/6/2025',
      '1/7/2025',
      '1/11/2024',
      '0,067',
      '258 hộ',
      '177 xã',
      'Sáu nội dung',
      'six areas',
      'Tên thôn là tên tạm',
      'names are placeholders',
    ];
    const found = files(OUT).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return words.filter((w) => text.includes(w)).map((w) => `${f}: ${w}`);
    });
    expect(found).toEqual([]);
    for (const page of ['plan', 'deprivation', 'national', 'map/units2025']) expect(existsSync(join(OUT, page)), page).toBe(false);
  });
});

describe('its pages on a 360-px phone, and at 1280 px', () => {
  // Its own words and names (longer sources, other plans) in the layouts made for Quảng Ninh's.
  it('every page kind, both languages, reads at 12 px or more, taps at 24 px or more, and fits the screen', async () => {
    expect(await readEveryKind(site, OUT)).toEqual([]);
  }, 300_000);
});
