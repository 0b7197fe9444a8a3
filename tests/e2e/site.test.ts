import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { published } from './published.ts';
import { openSite, typeQuery, visit, type Site } from './browser.ts';
import { builtPages, embedPages, emptySections, unlabelledIllustrative, pageSample } from './pages.ts';
import { figureFilesPath, liveEmbedPath } from '../../src/lib/embed.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe('every page, in both languages', () => {
  const pages = builtPages();

  it('exists in Vietnamese and English alike', () => {
    const vi = pages.filter((p) => !p.startsWith('en/'));
    expect(
      pages
        .filter((p) => p.startsWith('en/'))
        .map((p) => p.slice(3))
        .sort(),
    ).toEqual(vi.sort());
    expect(vi.length).toBeGreaterThan(150);
  });

  it('shows no table without rows and no empty list', () => {
    expect(emptySections('dist')).toEqual([]);
  });

  it('says at the top of every page that shows a generated value that its figures are illustrative', () => {
    expect(unlabelledIllustrative('dist')).toEqual([]);
  });

  it("sends no HTML comment: a template's notes are for its readers, not for every visitor", () => {
    const commented = [...pages, ...embedPages()].filter((p) => readFileSync(join('dist', p, 'index.html'), 'utf8').includes('<!--'));
    expect(commented.slice(0, 5)).toEqual([]);
  });

  it('says its language, has one h1, and refers only to files the site has, none on another host', () => {
    const problems: string[] = [];
    for (const path of pages) {
      const html = parse(readFileSync(join('dist', path, 'index.html'), 'utf8'));
      const lang = path.startsWith('en/') ? 'en' : 'vi';
      const declared = html.querySelector('html')?.getAttribute('lang');
      if (declared !== lang) problems.push(`${path}: lang=${declared}`);
      if (html.querySelectorAll('h1').length !== 1) problems.push(`${path}: needs exactly one h1`);
      // What the browser fetches by itself when it loads the page (a link to another site is fine; loading from one is not).
      const fetched = [
        ...html.querySelectorAll('script[src], img[src], source[src], iframe[src]').map((e) => e.getAttribute('src')!),
        ...html.querySelectorAll('link[href]:not([rel~="alternate"]):not([rel="canonical"])').map((e) => e.getAttribute('href')!),
      ];
      for (const ref of fetched) {
        const url = new URL(ref, `http://site.test/${path}`);
        if (url.host !== 'site.test') problems.push(`${path}: loads ${ref} from another host`);
        else if (!existsSync(join('dist', decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : '')))
          problems.push(`${path}: ${ref} does not exist`);
      }
      // A figure on a page is one the registry knows: it has its live embed and its files.
      for (const id of html.querySelectorAll('[data-figure]').map((e) => e.getAttribute('data-figure')!)) {
        for (const file of [join(liveEmbedPath('/', lang, id), 'index.html'), join(figureFilesPath('/', lang, id), 'chart.svg')])
          if (!existsSync(join('dist', file))) problems.push(`${path}: figure ${id} has no ${file}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads with no console error, no failed request and no request to another host (each kind, in both languages)', async () => {
    const problems: string[] = [];
    const queue = pageSample().flatMap((p) => [p, `en/${p}`]);
    const tab = async () => {
      const page = await site.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e}`));
      for (let path = queue.shift(); path != null; path = queue.shift()) {
        const response = await page.goto(site.url + path, { waitUntil: 'load' });
        if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
      }
      await page.close();
    };
    await Promise.all([tab(), tab(), tab()]);
    expect(problems).toEqual([]);
    expect(site.external).toEqual([]);
    expect(site.failed).toEqual([]);
  }, 120_000);
});

describe('what a visitor sees', () => {
  it("describes a unit's trend as the unit's, to a screen reader as well, not as the province's", async () => {
    const { page } = await visit(site, 'communes/06799/');
    const desc = await page.locator('svg[id^="communes-06799-trend"] > desc').first().textContent();
    expect(desc).toMatch(/^Số hộ (cận )?nghèo của Xã Hải Hòa mỗi năm/);
  });

  it('dates what the reorganisation of 1 July 2025 ended and made, even where a new unit kept an old code', async () => {
    const district = (await visit(site, 'districts/193/')).page;
    expect(await district.locator('h1 + p').textContent()).toBe('Đơn vị cấp huyện thuộc tỉnh Quảng Ninh (đến 30/06/2025).');
    expect(await district.locator('h2', { hasText: 'các đơn vị mới' }).textContent()).toContain('Từ 01/07/2025');
    // 06655 (Hà Khẩu) passed to 06661, a code that named a commune before 2025 as well.
    const commune = (await visit(site, 'en/communes/06655/')).page;
    expect(await commune.locator('main').textContent()).toContain('From 1 Jul 2025');
    // Its kind of unit in English too: a ward, not a "Phường".
    expect(await commune.locator('h1 + div p').first().textContent()).toBe('Ward in Thành phố Hạ Long');
  });

  it('tells a code a new unit kept from the unit it named before, on its page, in the lists and in its trend', async () => {
    // 06652 was Phường Hà Phong in Thành phố Hạ Long; from 1/7/2025 it is Phường Hà Tu, Hà Phong and the old Hà Tu (06664) together.
    const { page, errors } = await visit(site, 'communes/06652/');
    expect(await page.locator('h1').textContent()).toBe('Phường Hà Tu');
    const lead = page.locator('h1 + div');
    expect((await lead.locator('p').allTextContents()).map((p) => p.replace(/\s+/g, ' ').trim())).toEqual([
      'Từ 01/07/2025 gồm địa bàn của: Phường Hà Phong, Phường Hà Tu',
      'Đến 30/06/2025 là Phường Hà Phong, thuộc Thành phố Hạ Long',
    ]);
    // No link to itself, as if it had passed to another unit; the old Hà Tu and the district are linked.
    expect(await lead.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/communes/06664/',
      '/districts/193/',
    ]);
    // Its line is not joined from Hà Phong's 2024 to the new ward's 2025, and the table says which unit each year is of.
    const trend = page.locator('#communes-06652-trend');
    expect(await trend.locator('.break').allTextContents()).toContain('Sáp nhập 01/07/2025');
    expect(await trend.locator('desc').textContent()).toContain(
      'Đường không nối qua lần sáp nhập 01/07/2025: số liệu trước đó là của Phường Hà Phong.',
    );
    expect(await trend.locator('[data-series="national"] path').getAttribute('d')).toMatch(/^M[^M]+M[^M]+$/);
    const table = page.locator('figure[data-figure="communes/06652/trend"] table');
    expect(await table.locator('tr[data-year="2024"][data-standard="national"]').textContent()).toContain('Phường Hà Phong');
    expect(await table.locator('tr[data-year="2025"][data-standard="national"]').textContent()).toContain('Phường Hà Tu');
    // …and beside it the new ward's own area over every year, its former wards summed before it existed.
    const area = page.locator('#communes-06652-area-trend');
    expect(await area.locator('title').first().textContent()).toBe('Hộ nghèo trên địa bàn Phường Hà Tu (từ 01/07/2025), 2021–2025');
    const sums = await published<{ year: number; poor: number }>(
      `SELECT year, poor FROM {poverty_2025_units} WHERE unit_code = '06652' AND standard = 'national' AND poor IS NOT NULL`,
    );
    expect(sums.length).toBe(5);
    for (const r of sums) {
      expect(Number(await area.locator(`[data-series="national"] circle[data-x="${r.year}"]`).getAttribute('data-value'))).toBe(r.poor);
    }
    expect(errors).toEqual([]);
    // Its rank among its peers is the old ward's, in the year it was ranked, and says so.
    expect(await page.locator('[data-standing] p[data-rank]').textContent()).toMatch(/tỷ lệ hộ nghèo của Phường Hà Phong xếp thứ/);
    // A unit that ended has no such chart: its own line is all of it.
    expect(await (await visit(site, 'communes/06664/')).page.locator('[data-figure$="area-trend"]').count()).toBe(0);
    // Listed by its old name under its old district, and by its new name among the new units.
    const list = (await visit(site, 'communes/')).page;
    const listed = (group: string) => list.locator(`[data-group="${group}"] li`).allTextContents();
    expect(await listed('Thành phố Hạ Long')).toContain('Phường Hà Phong');
    expect((await listed('Thành phố Hạ Long')).filter((n) => n === 'Phường Hà Tu')).toHaveLength(1);
    expect(await listed('')).toContain('Phường Hà Tu');
    // Today's units come first, before the districts and communes of before 1 July 2025.
    expect(await list.locator('[data-group]').first().getAttribute('data-group')).toBe('');
    const district = (await visit(site, 'districts/193/')).page;
    expect(await district.locator('main ul').first().textContent()).toContain('Phường Hà Phong');
  });

  it('switches language and keeps the page', async () => {
    const { page } = await visit(site, 'map/');
    await page.getByRole('link', { name: /^English/ }).click();
    await page.waitForURL(`${site.url}en/map/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: /^Tiếng Việt/ }).click();
    await page.waitForURL(`${site.url}map/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('shows the province trend with the numbers of the published data, labelled illustrative', async () => {
    const rows = await published<{ year: number; poor: number }>(
      `SELECT year, poor FROM {poverty} WHERE level = 'province' AND standard = 'national' AND poor IS NOT NULL`,
    );
    const { page } = await visit(site, '');
    for (const r of rows) {
      const point = page.locator(`#province-poor-trend [data-series="national"] circle[data-x="${r.year}"]`);
      expect(Number(await point.getAttribute('data-value'))).toBe(r.poor);
    }
    expect(await page.locator('[data-illustrative]').textContent()).toContain('Số liệu minh họa');
    const poor2022 = rows.find((r) => r.year === 2022)!.poor;
    expect(await page.locator('tr[data-year="2022"][data-standard="national"] [data-col="poor"]').textContent()).toBe(
      new Intl.NumberFormat('vi-VN').format(poor2022),
    );
  });

  it('leads with the latest real published figures, and says since when a count has been zero rather than a bare 0', async () => {
    const { page, errors } = await visit(site, '');
    const lead = page.locator('[data-published-lead] li');
    expect(await lead.count()).toBeGreaterThan(0);
    expect(await lead.first().locator('a').getAttribute('href')).toMatch(/^https:\/\//);
    // The real figures come before the illustrative cards.
    const order = await page.evaluate(() => {
      const a = document.querySelector('[data-published-lead]')!;
      const b = document.querySelector('[data-kpi]')!;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    const rows = await published<{ year: number; poor: number }>(
      `SELECT year, poor FROM {poverty} WHERE level = 'province' AND standard = 'national' ORDER BY year`,
    );
    const firstZero = rows.findIndex((r, i) => r.poor === 0 && rows.slice(i).every((x) => x.poor === 0));
    const card = page.locator('[data-kpi="national"] [data-zero-since]');
    expect(Number(await card.getAttribute('data-zero-since'))).toBe(rows[firstZero].year);
    expect(await card.textContent()).toContain(`${rows[firstZero - 1].year}: ${rows[firstZero - 1].poor}`);
    expect(errors).toEqual([]);
  });

  it('formats numbers the Vietnamese way on Vietnamese pages and the English way on English ones', async () => {
    const [{ households }] = await published<{ households: number }>(
      `SELECT households FROM {poverty} WHERE level = 'province' AND standard = 'national' AND year = 2021`,
    );
    expect(households).toBeGreaterThan(1000);
    const vi = (await visit(site, '')).page;
    expect(await vi.locator('tr[data-year="2021"][data-standard="national"]').textContent()).toContain(
      new Intl.NumberFormat('vi-VN').format(households),
    );
    const en = (await visit(site, 'en/')).page;
    expect(await en.locator('tr[data-year="2021"][data-standard="national"]').textContent()).toContain(
      new Intl.NumberFormat('en-GB').format(households),
    );
  });

  it('answers an address with no page by a page in its language, status 404, with the search and a way home', async () => {
    for (const [path, title, home] of [
      ['communes/99999/', 'Không tìm thấy trang này', '/'],
      ['en/communes/99999/', 'Page not found', '/en/'],
      ['map/district/poor_rate/1999-national/', 'Không tìm thấy trang này', '/'],
    ]) {
      const { page, errors } = await visit(site, path);
      // Its status is 404 (which the browser logs); nothing else goes wrong.
      expect(errors, path).toContain(`HTTP 404 for ${path}`);
      expect(
        errors.filter((e) => !/\b404\b/.test(e)),
        path,
      ).toEqual([]);
      expect(await page.locator('h1').textContent(), path).toBe(title);
      expect(await page.locator('form[role="search"] input').count(), path).toBe(1);
      await page.locator('main a').first().click();
      expect(new URL(page.url()).pathname, path).toBe(home);
      await page.close();
    }
  });

  it('reaches the main content by keyboard through the skip link', async () => {
    const { page } = await visit(site, 'targets/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  it('works without JavaScript: charts and maps are in the HTML', async () => {
    const noJs = await openSite('dist', '/', { javaScriptEnabled: false });
    try {
      const { page } = await visit(noJs, 'map/');
      expect(await page.locator('#map path[data-code]').count()).toBe(13);
      const tiles = (await visit(noJs, 'map/commune/poor_rate/2022-national/')).page;
      expect(await tiles.locator('#map rect[data-code]').count()).toBe(177);
      const home = (await visit(noJs, 'en/')).page;
      expect(await home.locator('#province-poor-trend circle').count()).toBeGreaterThan(5);
    } finally {
      await noJs.close();
    }
  });
});

describe('DuckDB in the browser', () => {
  it("answers a typed query from the site's own files with the right number, and keeps it in the URL", async () => {
    const [{ poor }] = await published<{ poor: number }>(
      `SELECT poor FROM {poverty} WHERE level = 'province' AND year = 2022 AND standard = 'national'`,
    );
    const { page, errors } = await visit(site, 'en/explore/');
    await page.locator('[data-status][data-state="ready"]').waitFor({ timeout: 60_000 });
    await typeQuery(page, 'SQL query', `SELECT poor FROM poverty WHERE level = 'province' AND year = 2022 AND standard = 'national'`);
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-output] td').first().waitFor();
    expect(Number(await page.locator('[data-output] td').first().textContent())).toBe(poor);
    expect(decodeURIComponent(page.url())).toContain('year = 2022');
    expect(errors).toEqual([]);
    expect(site.external).toEqual([]);
  });

  it('reproduces a query from a link, and explains a bad one', async () => {
    const { page } = await visit(site, `explore/?sql=${encodeURIComponent('SELECT count(*) AS n FROM units')}`);
    await page.locator('[data-output] td').first().waitFor({ timeout: 60_000 });
    const [{ n }] = await published<{ n: number }>(`SELECT count(*)::INT AS n FROM {units}`);
    expect(Number(await page.locator('[data-output] td').first().textContent())).toBe(n);
    await typeQuery(page, 'Câu truy vấn SQL', 'SELECT nope FROM poverty');
    await page.getByRole('button', { name: 'Chạy' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('nope');
  });
});

describe('accessibility basics (axe-core)', () => {
  const paths = [
    '',
    'map/',
    'map/commune/poor_rate/2022-national/',
    'map/units2025/poor_rate/2021-national/',
    'deprivation/',
    'communes/',
    'communes/06841/',
    'districts/198/',
    'targets/',
    'targets/bhyt/',
    'program-135/',
    'program-135/V01/',
    'plan/',
    'national/',
    'explore/',
    'downloads/',
    'sources/',
  ];
  const embeds = [
    'embed/vi/map/district/poor_rate/2022-national/',
    'embed/en/districts/198/peers/',
    'embed/en/deprivation/2024-national/',
    'targets/report/',
    // What an address with no page gets, in each language.
    'no-such-page/',
    'en/communes/99999/',
  ];
  // One browser for every page: axe is injected into each, which the site's CSP would refuse.
  let axeSite: Site;
  beforeAll(async () => {
    axeSite = await openSite('dist', '/', { bypassCSP: true });
  });
  afterAll(async () => axeSite?.close());

  it.each([...paths.flatMap((p) => [p, `en/${p}`]), ...embeds])('/%s has no violation axe finds, of any impact', async (path) => {
    const { page } = await visit(axeSite, path);
    try {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run();
        // Every impact: two unnamed asides (moderate) and a column without a heading (minor) went
        // unnoticed while only serious and critical ones failed.
        return result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => (n as { target: string[] }).target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
        );
      });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('national context, from real GSO figures', () => {
  const csv = readFileSync('data/quang-ninh/gso_province_poverty_rates.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

  it.each([2016, 2010])("shows Quảng Ninh's %i value and rank as the CSV gives them", async (year) => {
    const provinces = csv.filter(([, level, y, v]) => level === 'province' && Number(y) === year && v !== '');
    const value = Number(provinces.find(([name]) => name === 'Quang Ninh')![3]);
    const rank = 1 + provinces.filter(([, , , v]) => Number(v) < value).length;
    const { page, errors } = await visit(site, `en/national/${year}/`);
    expect(Number(await page.locator('[data-home-value]').getAttribute('data-home-value'))).toBe(value);
    expect(await page.locator('[data-home-rank]').textContent()).toBe(`${rank} of ${provinces.length}`);
    expect(await page.locator(`#national-${year}-map path[data-highlight="true"]`).getAttribute('data-value')).toBe(String(value));
    expect(await page.locator('[data-illustrative]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
