import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOf, editMetadata, openSite, visit, type Site } from './browser.ts';
import { builtFiles, emptySections, unlabelledIllustrative } from './pages.ts';
import { readEveryKind } from './phone-reading.ts';
import { scratchDir } from '../scratch-dir.ts';

const OUT = 'dist-template';
let site: Site;

/** Names a careless or hostile province could send: markup, a formula, a very long word. */
const MARKUP = '<img src=x onerror="document.title=\'pwned\'">Xã "Một" & <script>alert(1)</script>';
const LONG_WORD = `Phường${'Hai'.repeat(60)}`;
/** A target as long as a plan's paragraph (the format allows 1.000 characters). */
const LONG_TARGET = {
  vi: 'Trường học đạt chuẩn quốc gia ở tất cả các xã, phường, thị trấn, cùng với nhà văn hóa, trạm y tế và đường giao thông nông thôn được cứng hóa '
    .repeat(6)
    .trim(),
  en: 'Schools meeting the national standard in every commune, ward and township, with a culture house, a health station and paved rural roads '
    .repeat(6)
    .trim(),
};

beforeAll(async () => {
  const work = scratchDir('atlas-template');
  const dataset = join(work, 'province');
  cpSync('data/template', dataset, { recursive: true });
  const units = readFileSync(join(dataset, 'units.csv'), 'utf8')
    .replace('Xã Một', `"${MARKUP.replaceAll('"', '""')}"`)
    .replace('Phường Hai', LONG_WORD);
  writeFileSync(join(dataset, 'units.csv'), units);
  // A plan target for every district, to stay at or under a poverty rate; one with its unit written in Vietnamese.
  writeFileSync(
    join(dataset, 'targets.csv'),
    'target_id,indicator,scope,comparator,value,unit,year,standard,source_document,source_document_en,source_section,text_vi,text_en\n' +
      'rate-every-district,poor_rate,district,<=,1,%,2023,national,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.1,Mỗi huyện dưới 1%,Every district under 1%\n' +
      'fewer-near-poor,near_poor_reduction,province,>=,3,hộ,2023,national,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.2,Giảm 3 hộ cận nghèo,3 fewer near-poor households\n' +
      // A coverage target with a standard written on it, which coverage is not counted by.
      'bhyt-national,coverage_bhyt,province,>=,90,%,2023,national,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.4,90% có BHYT,90% insured\n' +
      // Targets the dataset cannot measure, as plans set them: one of a few words, and one of a paragraph.
      'income,income_per_capita,province,>=,60,triệu đồng,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.3,Thu nhập bình quân đạt 60 triệu đồng/người/năm,Average income of 60 million dong a person a year\n' +
      `schools,schools,province,>=,100,%,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.5,"${LONG_TARGET.vi}","${LONG_TARGET.en}"\n`,
  );
  // A city under the central government (as Hà Nội or Huế), so that no page may call it a province.
  editMetadata(dataset, (metadata) => {
    metadata.province = { ...metadata.province, kind: 'city', name_en: 'Template City' };
  });
  await buildSiteOf(dataset, OUT);
  site = await openSite(OUT);
}, 240_000);
afterAll(async () => site?.close());

describe('another province is a folder, not a code change', () => {
  it('builds the whole site from the template dataset, with its own units, names and figures', async () => {
    const { page, errors } = await visit(site, 'en/');
    expect(await page.locator('header').textContent()).toContain('Template City');
    // Its standard has no short name: the trend's note names it once, not as "name: name".
    const note = await (await visit(site, '')).page.locator('#province-poor-trend').locator('xpath=ancestor::figure').textContent();
    expect(note).toContain('Chuẩn quốc gia');
    expect(note).not.toContain('Chuẩn quốc gia: Chuẩn quốc gia');
    expect(await page.locator('tr[data-year="2022"][data-standard="national"] [data-col="poor"]').textContent()).toBe('40');
    const commune = (await visit(site, 'communes/90003/')).page;
    expect(await commune.locator('h1').textContent()).toBe('Xã Ba');
    const map = (await visit(site, 'map/')).page;
    expect(await map.locator('main').textContent()).toContain('không có ranh giới huyện');
    expect(await map.locator('#map rect[data-code]').count()).toBe(2);
    // Each district's square says which district it is, and its value, as the table under it does.
    for (const code of ['901', '902']) {
      const square = map.locator(`#map a:has(rect[data-code="${code}"])`);
      const label = (await square.getAttribute('aria-label'))!;
      expect(label).toMatch(/^Huyện [AB]: /);
      expect(await square.locator('xpath=preceding-sibling::*[1]').textContent()).toBe(label);
    }
    const communes = (await visit(site, 'en/map/commune/poor_rate/2022-national/')).page;
    expect(await communes.locator('#map path[data-code]').count()).toBe(4);
    // Its communes are squares wound as GeoJSON winds them (RFC 7946): each is drawn as its own
    // square, a quarter of the map, side by side (not each as the whole globe, one filled box).
    const boxes = await communes
      .locator('#map path[data-code]')
      .evaluateAll((ps) =>
        ps.map((p) => (p as SVGPathElement).getBBox()).map((b) => ({ x: Math.round(b.x), y: Math.round(b.y), w: b.width, h: b.height })),
      );
    const [w, h] = [
      Math.max(...boxes.map((b) => b.x + b.w)) - Math.min(...boxes.map((b) => b.x)),
      Math.max(...boxes.map((b) => b.y + b.h)) - Math.min(...boxes.map((b) => b.y)),
    ];
    for (const b of boxes) expect([b.w / w, b.h / h].map((r) => Math.round(r * 10) / 10)).toEqual([0.5, 0.5]);
    expect(new Set(boxes.map((b) => `${b.x},${b.y}`)).size).toBe(4);
    expect((await communes.locator('#map path[data-code]').first().getAttribute('d'))!.match(/L/g)!.length).toBeGreaterThanOrEqual(3);
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

  it('judges a target for every district by the district furthest from it, named, its goal written as an at-most', async () => {
    const rows = parse(readFileSync(join(OUT, 'data', 'csv', 'poverty.csv')), { columns: true }) as Record<string, string>[];
    const districts = rows.filter((r) => r.level === 'district' && r.year === '2023');
    const highest = districts.reduce((a, b) => (Number(b.poor_rate) > Number(a.poor_rate) ? b : a));
    const { page, errors } = await visit(site, 'targets/');
    const card = page.locator('[data-card][data-target="rate-every-district"]');
    expect(Number(await card.locator('[data-actual]').getAttribute('data-actual'))).toBe(Number(highest.poor_rate));
    expect(await card.getAttribute('data-status')).toBe(Number(highest.poor_rate) <= 1 ? 'met' : 'not_met');
    expect(await card.textContent()).toContain('≤\u00a01%');
    expect(await card.textContent()).toContain(
      `Chỉ tiêu cho từng huyện: kết quả là của huyện xa chỉ tiêu nhất (${highest.unit_name}, 2023)`,
    );
    expect(errors).toEqual([]);
  });

  it("writes a target's unit in each reader's language, however the plan's file wrote it", async () => {
    const card = (path: string) => visit(site, path).then(({ page }) => page.locator('[data-card][data-target="fewer-near-poor"]'));
    expect(await (await card('targets/')).textContent()).toContain('3 hộ');
    const english = (await (await card('en/targets/')).textContent())!;
    expect(english).toContain('3 households');
    expect(english).not.toMatch(/\bho\b|hộ/);
  });

  it('judges a coverage target that names a standard, which coverage is not counted by, from the coverage table', async () => {
    const rows = parse(readFileSync(join(OUT, 'data', 'csv', 'coverage.csv')), { columns: true }) as Record<string, string>[];
    const province = rows.find((r) => r.level === 'province' && r.year === '2023' && r.programme === 'bhyt')!;
    const { page } = await visit(site, 'targets/');
    const card = page.locator('[data-card][data-target="bhyt-national"]');
    expect(Number(await card.locator('[data-actual]').getAttribute('data-actual'))).toBe(Number(province.coverage_rate));
  });

  it('lists a target the atlas does not measure by its own words, without a result, a chart or a unit in the other language', async () => {
    for (const [path, text, status] of [
      ['targets/', 'Thu nhập bình quân đạt 60 triệu đồng/người/năm', 'Không đo được'],
      ['en/targets/', 'Average income of 60 million dong a person a year', 'Not measured'],
    ]) {
      const { page, errors } = await visit(site, path);
      const card = page.locator('[data-card][data-target="income"]');
      expect(await card.getAttribute('data-status')).toBe('not_measured');
      expect(await card.locator('[data-target-title]').textContent()).toBe(text);
      expect(await card.textContent()).toContain(status);
      expect(await card.locator('button, [data-figure-tools]').count()).toBe(0);
      const row = page.locator('[data-targets-table] tr[data-target="income"]');
      expect(await row.locator('[data-target-title]').textContent()).toBe(`${text}, 2023`);
      // Its goal is in its words, in each language; its value and result are not given in the plan's unit.
      expect(await row.locator('td.num').first().textContent()).toBe('–');
      expect(await row.locator('td[data-actual]').getAttribute('data-actual')).toBe('');
      expect(errors).toEqual([]);
    }
    expect(existsSync(join(OUT, 'embed', 'vi', 'targets', 'income'))).toBe(false);
  });

  it("keeps the one-page report to one A4 page with a target of a paragraph's words, given whole on the targets page", async () => {
    for (const [lang, path] of [
      ['vi', 'targets/'],
      ['en', 'en/targets/'],
    ] as const) {
      const whole = (await visit(site, path)).page.locator('[data-card][data-target="schools"] [data-target-title]');
      expect(await whole.textContent()).toBe(LONG_TARGET[lang]);
      const { page } = await visit(site, `${path}report/`);
      const cut = (await page.locator('tr[data-target="schools"] [data-target-title]').textContent())!;
      expect(cut).toMatch(/…, 2023$/);
      expect(LONG_TARGET[lang].startsWith(cut.slice(0, -'…, 2023'.length))).toBe(true);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g), path).toHaveLength(1);
    }
  });

  it('calls a city under the central government a city, on every page and in both languages', async () => {
    const home = (await visit(site, '')).page;
    expect(await home.locator('header').textContent()).toContain('Giảm nghèo bền vững thành phố Mẫu');
    expect(await home.locator('main').textContent()).toContain('hộ cận nghèo của thành phố theo từng năm');
    expect(await (await visit(site, 'en/')).page.locator('main').textContent()).toContain('households in the city, by year');
    expect(await (await visit(site, 'districts/901/')).page.locator('h1 + p').textContent()).toBe('Đơn vị cấp huyện thuộc thành phố Mẫu.');
    const found = builtFiles(OUT, /\.(html|svg)$/).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return ['tỉnh Mẫu', 'toàn tỉnh', 'của tỉnh', 'the province', "province's"].filter((w) => text.includes(w)).map((w) => `${f}: ${w}`);
    });
    expect(found).toEqual([]);
  });

  it('shows no table without rows and no empty list on any page', () => {
    expect(emptySections(OUT)).toEqual([]);
  });

  it('says at the top of every page that shows a generated value that its figures are illustrative', () => {
    expect(unlabelledIllustrative(OUT)).toEqual([]);
  });

  it('says nothing of Quảng Ninh, its plan, its reorganisations or its boundaries anywhere in the built site', () => {
    const files = (dir: string) => builtFiles(dir, /\.(html|svg|csv)$/);
    const words = [
      'Quảng Ninh',
      'Quang Ninh',
      'Hạ Long',
      '228/KH',
      '612/QĐ',
      '12/12',
      'geoBoundaries',
      'OCHA',
      '30/6/2025',
      '1/7/2025',
      '01/7/2025',
      '1/11/2024',
      '01/11/2024',
      '13 huyện',
      '13 district',
      '54 đơn vị',
      '54 new',
      'Sáu nội dung',
      'six areas',
      'names are placeholders',
      'Tên thôn là tên tạm',
    ];
    const found = files(OUT).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return words.filter((w) => text.includes(w)).map((w) => `${f}: ${w}`);
    });
    expect(found).toEqual([]);
    // Pages whose data the dataset lacks are not built, and nothing links to them.
    for (const page of ['plan', 'program-135', 'national', 'deprivation']) expect(existsSync(join(OUT, page)), page).toBe(false);
  });

  it('shows names with markup as text on pages, maps, embeds and downloads, and wraps a long word on a phone', async () => {
    for (const path of [
      'communes/90001/',
      'en/communes/90001/',
      'map/commune/poor_rate/2022-national/',
      'embed/vi/communes/90001/trend/',
    ]) {
      const { page, errors } = await visit(site, path);
      let dialog = false;
      page.on('dialog', () => (dialog = true));
      expect(await page.locator('main, body').first().textContent(), path).toContain('<img src=x');
      expect(await page.locator('img[src="x"], main script:not([src])').count(), path).toBe(0);
      await page.waitForTimeout(100);
      expect(await page.title(), path).not.toBe('pwned');
      expect(dialog, path).toBe(false);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    const { page } = await visit(site, 'figures/vi/communes/90001/trend/chart.svg');
    const svg = await page.evaluate(() => document.documentElement.outerHTML);
    expect(svg).not.toContain('<img');
    await page.close();
    const phone = await site.context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${site.url}communes/90002/`);
    expect(await phone.locator('h1').textContent()).toBe(LONG_WORD);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.close();
  });
});

describe('its pages on a 360-px phone, and at 1280 px', () => {
  // Markup and a 186-letter word as names, a city's words, boundaries of its own.
  it('every page kind, both languages, reads at 12 px or more, taps at 24 px or more, and fits the screen', async () => {
    expect(await readEveryKind(site, OUT)).toEqual([]);
  }, 300_000);
});
