import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, visit, type Site } from './browser.ts';
import { published } from './published.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const dataValue = async (page: import('playwright-core').Page, selector: string) => {
  const v = await page.locator(selector).getAttribute('data-value');
  return v === '' || v == null ? null : Number(v);
};

describe('the map', () => {
  it('shades every district with the published rate', async () => {
    const rows = await published<{ unit_code: string; poor_rate: number | null }>(
      `SELECT unit_code, poor_rate FROM {poverty} WHERE level = 'district' AND year = 2022 AND standard = 'national'`,
    );
    const { page, errors } = await visit(site, 'map/district/poor_rate/2022-national/');
    for (const r of rows) expect(await dataValue(page, `#map path[data-code="${r.unit_code}"]`)).toBe(r.poor_rate);
    expect(await page.locator('#map > desc').textContent()).toBe(
      'Mỗi huyện được tô màu theo tỷ lệ hộ nghèo; số liệu đầy đủ ở bảng bên dưới.',
    );
    expect(errors).toEqual([]);
  });

  it('shows a rate for every commune in 2022, from rounded counts, and says what a rounded 0 means', async () => {
    const rows = await published<{ unit_code: string; poor_rate: number | null }>(
      `SELECT unit_code, poor_rate FROM {poverty} WHERE level = 'commune' AND year = 2022 AND standard = 'national'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.poor_rate == null)).toEqual([]);
    const { page, errors } = await visit(site, 'map/commune/poor_rate/2022-national/');
    for (const r of rows) expect(await dataValue(page, `#map rect[data-code="${r.unit_code}"]`)).toBe(r.poor_rate);
    expect(await page.locator('main').textContent()).toContain('0 nghĩa là 0–4 hộ');
    expect(errors).toEqual([]);
  });

  it('switches measure, level and year through links that keep the rest of the view', async () => {
    const { page } = await visit(site, 'en/map/');
    await page.getByRole('navigation', { name: 'Choose the map' }).getByRole('link', { name: 'Communes' }).click();
    await page.waitForURL(/\/en\/map\/commune\/poor_rate\/2022-national\/$/);
    await page.getByRole('link', { name: 'Health-insurance card coverage' }).click();
    await page.waitForURL(/\/en\/map\/commune\/coverage_bhyt\/2022\/$/);
    const rows = await published<{ unit_code: string; coverage_rate: number | null }>(
      `SELECT unit_code, coverage_rate FROM {coverage} WHERE level = 'commune' AND year = 2022 AND programme = 'bhyt' ORDER BY unit_code LIMIT 20`,
    );
    for (const r of rows) expect(await dataValue(page, `#map rect[data-code="${r.unit_code}"]`)).toBe(r.coverage_rate);
    expect(await page.locator('h1').textContent()).toBe('Health-insurance card coverage by commune, 2022');
  });

  it('gives no commune a coverage rate from fewer than fifty eligible, and says so on the map, in its table and on the sources page', async () => {
    const rows = await published<{ unit_code: string; unit_name: string; eligible: number; coverage_rate: number | null }>(
      `SELECT unit_code, unit_name, eligible, coverage_rate FROM {coverage} WHERE level = 'commune' AND year = 2022 AND programme = 'bhyt'`,
    );
    const few = rows.filter((r) => r.eligible < 50);
    expect(few.length).toBeGreaterThan(0);
    expect(rows.length - few.length).toBeGreaterThan(0);
    const { page, errors } = await visit(site, 'map/commune/coverage_bhyt/2022/');
    for (const r of rows) {
      const tile = page.locator(`#map rect[data-code="${r.unit_code}"]`);
      expect(await dataValue(page, `#map rect[data-code="${r.unit_code}"]`), r.unit_code).toBe(r.coverage_rate);
      if (r.eligible < 50) {
        expect(await tile.getAttribute('fill')).toBe('url(#map-dots)');
        expect(await tile.locator('title').textContent()).toBe(`${r.unit_name}: dưới 50, không tính tỷ lệ`);
      }
    }
    // The legend has the dotted swatch, named, and the last class of a share is 100 % itself, not "≥ 100 %".
    const legend = page.locator('#map .legend');
    expect(await legend.locator('rect[fill="url(#map-dots)"]').count()).toBe(1);
    expect(await legend.textContent()).toContain('dưới 50, không tính tỷ lệ');
    expect(await legend.textContent()).not.toContain('≥ 100');
    // The chart's table says the same, with the rounded counts it has.
    const cell = page.locator(`[data-figure] tr[data-key="${few[0].unit_code}"] [data-col="coverage_bhyt"]`);
    expect(await cell.textContent()).toBe('dưới 50, không tính tỷ lệ');
    // Why a tile is dotted is said beside the map and in its Excel download.
    expect(await page.locator('[data-figure]').first().textContent()).toContain('Ô chấm: mẫu số dưới 50');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await page.request.get(`${site.url}figures/map/commune/coverage_bhyt/2022/data.xlsx`)).body()) as never);
    const about = JSON.stringify(book.worksheets[1].getSheetValues());
    expect(about).toContain('Ô chấm: mẫu số dưới 50');
    expect(about).toContain('Dotted: a denominator under 50');
    // Its counts are of people eligible and covered, not households.
    expect(await page.locator('[data-figure]').first().textContent()).toContain('Số đối tượng và số được thụ hưởng được làm tròn');
    expect(await page.locator('[data-figure]').first().textContent()).not.toContain('0–4 hộ');
    expect(errors).toEqual([]);
    const sources = await visit(site, 'sources/');
    expect(await sources.page.locator('#rates').textContent()).toContain('từ 50 trở lên');
  });

  it('draws communes as tiles grouped by district, since there are no commune boundaries, and says so', async () => {
    const [{ n, districts }] = await published<{ n: number; districts: number }>(
      `SELECT count(*)::INT AS n, count(DISTINCT district_code)::INT AS districts FROM {poverty} WHERE level = 'commune' AND year = 2022 AND standard = 'national'`,
    );
    const { page } = await visit(site, 'map/commune/poor_rate/2022-national/');
    expect(await page.locator('#map rect[data-code]').count()).toBe(n);
    expect(await page.locator('#map .tile-group').count()).toBe(districts);
    expect(await page.locator('[data-figure] p').first().textContent()).toContain('Không có ranh giới cấp xã');
  });

  it('shows the 2025 units through the crosswalk, flagging those that took part of a split commune', async () => {
    const rows = await published<{ unit_code: string; complete: boolean; poor_rate: number | null }>(
      `SELECT unit_code, complete, poor_rate FROM {poverty_2025_units} WHERE year = 2021 AND standard = 'national'`,
    );
    const { page } = await visit(site, 'en/map/units2025/poor_rate/2021-national/');
    expect(await page.locator('#map rect[data-code][fill="url(#map-hatch)"]').count()).toBe(rows.filter((r) => !r.complete).length);
    for (const r of rows.filter((x) => x.complete))
      expect(await dataValue(page, `#map rect[data-code="${r.unit_code}"]`)).toBe(r.poor_rate);
    const partial = rows.find((r) => !r.complete)!;
    expect(await page.locator(`#map rect[data-code="${partial.unit_code}"] title`).textContent()).toContain('not computable');
  });

  it('shows a tooltip on hover and on keyboard focus without moving the layout, and a click opens the unit', async () => {
    const { page } = await visit(site, 'map/');
    const before = await page.locator('[data-figure]').boundingBox();
    const shape = page.locator('#map a').first();
    await shape.hover();
    const tip = page.locator('.map-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toBe(await shape.getAttribute('aria-label'));
    expect(await page.locator('[data-figure]').boundingBox()).toEqual(before);
    await page.locator('body').hover({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Tab');
    await shape.focus();
    expect(await tip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/districts\/\d+\/$/);
  });
});

describe('from the overview to any commune and back', () => {
  for (const [lang, prefix, map] of [
    ['vi', '', 'Bản đồ'],
    ['en', 'en/', 'Map'],
  ] as const) {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      it(`in ${lang} at ${viewport.width} px`, async () => {
        const { page, errors } = await visit(site, prefix);
        await page.setViewportSize(viewport);
        // A phone is shown the map drawn for its width.
        const mapId = viewport.width < 700 ? '#map-narrow' : '#map';
        await page.getByRole('link', { name: map, exact: true }).first().click();
        await page.locator(mapId).waitFor();
        await page.getByRole('link', { name: lang === 'vi' ? 'Xã' : 'Communes', exact: true }).click();
        await page.locator(`${mapId} rect[data-code]`).first().waitFor();
        const tile = page.locator(`${mapId} a`).nth(5);
        const code = await tile.locator('[data-code]').getAttribute('data-code');
        await tile.click();
        await page.waitForURL(new RegExp(`/communes/${code}/$`));
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.goBack();
        await page.locator(mapId).waitFor();
        await page.goBack();
        await page.goBack();
        expect(new URL(page.url()).pathname).toBe(`/${prefix}`);
        expect(errors).toEqual([]);
      });
    }
  }
});

describe('unit pages and the deprivation view', () => {
  it('writes district names on the district map that is downloaded, clear of the image edge', async () => {
    const { page } = await visit(site, 'map/');
    const svg = await (await page.request.get(`${site.url}figures/vi/map/district/poor_rate/2022-national/chart.svg`)).text();
    const names = [...svg.matchAll(/<text[^>]*aria-hidden="true"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names).toContain('Hạ Long');
    // No shape starts at the very edge of the drawing.
    expect(svg).not.toMatch(/<path d="M0[,.]/);
  });

  it('names the commune or district on its deprivation chart, its embed and its downloads', async () => {
    for (const [path, unit] of [
      ['embed/vi/districts/198/deprivation/', 'Huyện Bình Liêu'],
      ['embed/en/communes/06724/deprivation/', 'Xã Hải Sơn'],
    ] as const) {
      const { page, errors } = await visit(site, path);
      expect(await page.locator('[data-figure-title], h1').first().textContent(), path).toContain(unit);
      const svg = await page.request.get(`${site.url}figures/${path.replace(/^embed\//, '').replace(/\/$/, '')}/chart.svg`);
      expect(await svg.text(), path).toContain(unit);
      expect(errors).toEqual([]);
    }
  });

  it('profiles a commune with too few poor and near-poor households for shares by its counts, and says why', async () => {
    // A commune whose latest period with any poor or near-poor household has fewer than 50.
    const [small] = await published<{ unit_code: string; poor_near_poor: number }>(`
      SELECT unit_code, poor_near_poor FROM (
        SELECT DISTINCT unit_code, year, standard, poor_near_poor FROM {deprivation} WHERE level = 'commune' AND poor_near_poor > 0
        QUALIFY row_number() OVER (PARTITION BY unit_code ORDER BY year DESC, standard) = 1)
      WHERE poor_near_poor < 50 ORDER BY unit_code LIMIT 1`);
    const { page, errors } = await visit(site, `communes/${small.unit_code}/`);
    const figure = page.locator('[data-figure$="/deprivation"]');
    expect(await figure.textContent()).toContain('số hộ nghèo, cận nghèo thiếu hụt từng chỉ số');
    expect(await figure.textContent()).toContain('dưới 50 hộ nên không tính tỷ lệ');
    expect(await figure.locator('svg').first().textContent()).not.toMatch(/\d%/);
    expect(errors).toEqual([]);
  });

  it("states a district's rank among its peers from the published rates", async () => {
    const { page } = await visit(site, 'districts/198/');
    const standing = page.locator('[data-standing] p[data-rank]');
    const text = (await standing.textContent())!;
    const [, year, std] = /Năm (\d{4}) \((chuẩn [^)]+)\)/.exec(text)!;
    const standard = std === 'chuẩn tỉnh' ? 'provincial' : 'national';
    const [{ rank, rated }] = await published<{ rank: number; rated: number }>(`
      WITH p AS (SELECT unit_code, poor_rate FROM {poverty} WHERE level = 'district' AND year = ${year} AND standard = '${standard}')
      SELECT 1 + (SELECT count(*) FROM p WHERE poor_rate > (SELECT poor_rate FROM p WHERE unit_code = '198'))::INT AS rank,
             (SELECT count(poor_rate) FROM p)::INT AS rated`);
    expect(Number(await standing.getAttribute('data-rank'))).toBe(rank);
    expect(Number(await standing.getAttribute('data-rated'))).toBe(rated);
    expect(await page.locator('[data-standing] .chart-wide circle[data-key="198"]').getAttribute('fill')).toBe('#b45309');
  });

  it("states a commune's rank in its district from the published rates, with its ties: never 'first' alone where all share one rate", async () => {
    // Every commune's place in its district, in every year and standard, from the published rates.
    const standings = await published<{
      code: string;
      year: number;
      standard: string;
      district: string;
      rank: number;
      rated: number;
      tied: number;
    }>(`
      WITH p AS (SELECT unit_code, year, standard, district_code, district_name, poor_rate FROM {poverty} WHERE level = 'commune')
      SELECT unit_code AS code, year, standard, district_name AS district,
             (rank() OVER (PARTITION BY year, standard, district_code ORDER BY poor_rate DESC))::INT AS rank,
             (count(poor_rate) OVER (PARTITION BY year, standard, district_code))::INT AS rated,
             (count(*) OVER (PARTITION BY year, standard, district_code, poor_rate) - 1)::INT AS tied
      FROM p QUALIFY poor_rate IS NOT NULL`);
    const standingOf = new Map(standings.map((r) => [`${r.code}|${r.year}|${r.standard}`, r]));
    // Which commune says which sentence depends on the rounding: every commune page is read as
    // built, and one of each kind then as a reader's browser shows it.
    const shownBy = new Map<string, { code: string; text: string }>();
    for (const code of [...new Set(standings.map((r) => r.code))].sort()) {
      const html = parse(readFileSync(`dist/communes/${code}/index.html`, 'utf8'));
      const text = html.querySelector('[data-standing] p[data-rank]')?.textContent.replace(/\s+/g, ' ');
      if (!text) continue;
      const [, year, std] = /Năm (\d{4}) \((chuẩn [^)]+)\)/.exec(text)!;
      const r = standingOf.get(`${code}|${year}|${std === 'chuẩn tỉnh' ? 'provincial' : 'national'}`)!;
      const expected =
        r.tied + 1 === r.rated
          ? `Trong ${r.district}: cả ${r.rated} đơn vị cấp xã có số liệu công bố có cùng tỷ lệ.`
          : `Trong ${r.district}: thứ ${r.rank}/${r.rated} đơn vị cấp xã có số liệu công bố${r.tied > 0 ? `, đồng hạng với ${r.tied} đơn vị khác` : ''}.`;
      expect(text, code).toContain(expected);
      const kind = expected.replace(/\d+/g, 'N').replace(/Trong [^:]+:/, '');
      if (!shownBy.has(kind)) shownBy.set(kind, { code, text });
    }
    expect(shownBy.size).toBe(3);
    for (const { code, text } of shownBy.values()) {
      const { page, errors } = await visit(site, `communes/${code}/`);
      expect((await page.locator('[data-standing] p[data-rank]').textContent())!.replace(/\s+/g, ' ')).toBe(text);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows what poor and near-poor households lack, district by district, with the published shares', async () => {
    const rows = await published<{ unit_code: string; indicator: string; share_deprived: number | null }>(`
      SELECT unit_code, indicator, share_deprived FROM {deprivation}
      WHERE level IN ('province', 'district') AND (year, standard) = (SELECT (max(year), 'national') FROM {deprivation} WHERE level = 'district')`);
    const { page } = await visit(site, 'en/deprivation/');
    for (const r of rows.slice(0, 40)) {
      expect(await dataValue(page, `[data-row="${r.indicator}"][data-col="${r.unit_code}"]`)).toBe(r.share_deprived);
    }
    expect(await page.locator('[data-row][data-col]').count()).toBe(rows.length);
  });
});
