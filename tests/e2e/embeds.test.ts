import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FONT_FILES } from '../../src/lib/export-font.ts';
import { openSite, visit, type Site } from './browser.ts';
import { pageKinds } from './pages.ts';
import { published } from './published.ts';
import { scratchDir } from '../scratch-dir.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
});
afterAll(async () => site?.close());

const MAP = 'map/district/poor_rate/2022-national';

describe('from any chart, in two clicks', () => {
  it('gives a working embed snippet: iframe with title, lazy loading and a height, live or frozen', async () => {
    const { page } = await visit(site, 'en/districts/193/');
    const tools = page.locator('[data-figure="districts/193/trend"] [data-figure-tools]');
    await tools.getByText('Embed', { exact: true }).click();
    await tools.getByRole('button', { name: 'Copy' }).first().click();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain(`<iframe src="${site.origin}/embed/en/districts/193/trend/"`);
    expect(snippet).toMatch(/title="Poor households: [^"]+" width="100%" height="\d+" loading="lazy"/);
    expect(snippet).toContain('e.source !== frame.contentWindow');
    const frozen = await tools.locator('textarea').nth(1).inputValue();
    const { version } = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')).dataset;
    expect(frozen).toContain(`${site.origin}/embed/v/${version}/en/districts/193/trend/`);
    expect((await page.request.get(`${site.origin}/embed/v/${version}/en/districts/193/trend/`)).status()).toBe(200);
  });

  it('downloads the SVG with title, source and illustrative label, and the values of the data', async () => {
    const { page } = await visit(site, `en/${MAP}/`);
    const href = await page.getByRole('link', { name: 'Download SVG' }).getAttribute('href');
    const svg = await (await page.request.get(new URL(href!, site.origin).href)).text();
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        text: doc.documentElement.textContent,
        values: [...doc.querySelectorAll('path[data-code]')].map((p) => [p.getAttribute('data-code'), p.getAttribute('data-value')]),
      };
    }, svg);
    expect(check.error).toBeNull();
    expect(check.text).toContain('Poverty rate by district, 2022, national standard');
    expect(check.text).toContain('Illustrative data');
    expect(check.text).toContain('geoBoundaries');
    const rows = await published<{ unit_code: string; poor_rate: number | null }>(
      `SELECT unit_code, poor_rate FROM {poverty} WHERE level = 'district' AND year = 2022 AND standard = 'national'`,
    );
    expect(Object.fromEntries(check.values)).toEqual(
      Object.fromEntries(rows.map((r) => [r.unit_code, r.poor_rate == null ? null : String(r.poor_rate)])),
    );
  });

  it("downloads exactly this view's data as CSV, every row labelled illustrative with its source", async () => {
    const { page } = await visit(site, `${MAP}/`);
    const href = await page.getByRole('link', { name: 'CSV (cho phần mềm)' }).getAttribute('href');
    const csv = parse(await (await page.request.get(new URL(href!, site.origin).href)).text(), { columns: true }) as Record<
      string,
      string
    >[];
    const rows = await published<{ unit_code: string; poor_rate: number | null; poor: number | null }>(
      `SELECT unit_code, poor_rate, poor FROM {poverty} WHERE level = 'district' AND year = 2022 AND standard = 'national' ORDER BY unit_code`,
    );
    expect(csv.map((r) => [r.unit_code, r.poor_rate, r.poor])).toEqual(
      rows.map((r) => [r.unit_code, String(r.poor_rate ?? ''), String(r.poor ?? '')]),
    );
    expect(csv.every((r) => r.illustrative === 'true' && r.source.includes('generate-illustrative'))).toBe(true);
  });

  it('downloads the data as an Excel workbook: codes as text, values as numbers, headed in both languages, with its source', async () => {
    const view = 'map/commune/poor_rate/2022-national';
    const { page } = await visit(site, `en/${view}/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download data (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('map-commune-poor_rate-2022-national.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const [data, about] = book.worksheets;
    const header = (row: number) => (data.getRow(row).values as unknown[]).slice(1);
    expect(header(3)).toEqual(expect.arrayContaining(['unit_code', 'poor_rate']));
    const code = header(3).indexOf('unit_code') + 1;
    const rate = header(3).indexOf('poor_rate') + 1;
    expect(data.getRow(1).getCell(rate).value).toMatch(/hộ nghèo/i);
    expect(data.getRow(2).getCell(rate).value).toMatch(/poverty/i);
    const rows = await published<{ unit_code: string; poor_rate: number | null }>(
      `SELECT unit_code, poor_rate FROM {poverty} WHERE level = 'commune' AND year = 2022 AND standard = 'national'`,
    );
    const cells = new Map<string, unknown>();
    data.eachRow((row, i) => {
      if (i > 3) cells.set(row.getCell(code).value as string, row.getCell(rate).value);
    });
    expect(cells.size).toBe(rows.length);
    expect([...cells.keys()].some((c) => c.startsWith('0'))).toBe(true);
    for (const r of rows) expect(cells.get(r.unit_code), r.unit_code).toBe(r.poor_rate);
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('YES');
    expect(aboutText).toContain('generate-illustrative');
  });

  it('draws a PNG at print resolution (three times the SVG)', async () => {
    const { page } = await visit(site, `en/${MAP}/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('map-district-poor_rate-2022-national.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const href = await page.getByRole('link', { name: 'Download SVG' }).getAttribute('href');
    const svg = await (await page.request.get(new URL(href!, site.origin).href)).text();
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(width) * 3, Number(height) * 3]);
  });

  it('fits every exported line in the image, measured as Chromium draws it in the shipped face', async () => {
    // The figures with the longest titles, in both languages: where a guess per letter used to clip.
    const files = readdirSync('dist/figures', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('chart.svg'))
      .map((f) => join('dist/figures', f));
    const titleOf = (svg: string) => [...svg.matchAll(/font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    const longest = files
      .map((f) => readFileSync(f, 'utf8'))
      .sort((a, b) => titleOf(b).length - titleOf(a).length)
      .slice(0, 24);
    const font = (file: string) => `data:font/ttf;base64,${readFileSync(file).toString('base64')}`;
    // A blank page of its own: the site's pages forbid inline styles.
    const page = await site.context.newPage();
    await page.setContent(`<style>@font-face{font-family:'Be Vietnam Pro';font-weight:400;src:url(${font(EXPORT_FONT_FILES.regular)})}
      @font-face{font-family:'Be Vietnam Pro';font-weight:700;src:url(${font(EXPORT_FONT_FILES.bold)})}</style><div id="out"></div>`);
    for (const svg of longest) {
      const overflow = await page.evaluate(async (text) => {
        const out = document.getElementById('out')!;
        out.innerHTML = text.replace(/^<\?xml[^>]*>/, '');
        const root = out.querySelector('svg')!;
        await document.fonts.load("bold 18px 'Be Vietnam Pro'");
        await document.fonts.load("12px 'Be Vietnam Pro'");
        const width = root.viewBox.baseVal.width;
        // Without the fitted length, as the face alone draws each line.
        return [...root.querySelectorAll(':scope > text')]
          .map((t) => {
            t.removeAttribute('textLength');
            t.removeAttribute('lengthAdjust');
            return { line: t.textContent, right: Number(t.getAttribute('x')) + (t as SVGTextElement).getComputedTextLength(), width };
          })
          .filter((l) => l.right > l.width - 16 + 0.5);
      }, svg);
      expect(overflow).toEqual([]);
    }
    await page.close();
    expect(longest.some((svg) => titleOf(svg).length > 80)).toBe(true);
  });

  it('gives a citation with the dataset version and date', async () => {
    const { page } = await visit(site, `${MAP}/`);
    await page.getByText('Trích dẫn', { exact: true }).click();
    const { version, released } = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')).dataset;
    const [y, m, d] = released.split('-');
    const citation = await page.locator('[data-citation]').textContent();
    expect(citation).toContain(`phiên bản ${version}, ${d}/${m}/${y}`);
    expect(citation).toContain(`${site.origin}/${MAP}/`);
  });
});

describe('plan targets', () => {
  it("offer each target's results against the target as an embed, from its card", async () => {
    const { page } = await visit(site, 'en/targets/');
    const card = page.locator('[data-target="poor-reduction"][data-card]');
    await card.getByText('Embed', { exact: true }).click();
    const snippet = await card.locator('textarea').first().inputValue();
    const src = /src="([^"]+)"/.exec(snippet)![1];
    const embed = (await visit(site, new URL(src).pathname.slice(1))).page;
    const rows = await published<{ year: number; actual: number | null; target_value: number }>(
      `SELECT year, actual, target_value FROM {target_progress} WHERE target_id = 'poor-reduction' AND actual IS NOT NULL`,
    );
    expect(Number(await embed.locator('.chart-wide .reference').getAttribute('data-value'))).toBe(rows[0].target_value);
    for (const r of rows)
      expect(Number(await embed.locator(`.chart-wide circle[data-x="${r.year}"]`).getAttribute('data-value'))).toBe(r.actual);
  });
});

describe('an embed inside a third-party page', () => {
  it('loads in an iframe of another site, and the iframe follows its height', async () => {
    const { page: source } = await visit(site, `${MAP}/`);
    const snippet = await source.locator('textarea[data-snippet]').first().inputValue();
    const dir = scratchDir('atlas-cms');
    writeFileSync(join(dir, 'index.html'), readFileSync('tests/fixtures/cms/index.html', 'utf8').replace('<!-- EMBED CODE -->', snippet));
    const cms = await openSite(dir, '/', { alsoAllow: [site.origin] });
    try {
      const { page, errors } = await visit(cms, '');
      const iframe = page.locator('iframe:not(#ad)');
      const frame = page.frameLocator('iframe');
      await frame.locator('svg#map').waitFor();
      const content = async () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
      await expect
        .poll(async () => Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - (await content())), { timeout: 5000 })
        .toBeLessThanOrEqual(1);
      const before = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      await frame.getByText('Bảng số liệu của biểu đồ').click();
      await expect.poll(() => iframe.evaluate((f) => f.getBoundingClientRect().height), { timeout: 5000 }).toBeGreaterThan(before + 100);
      expect(await frame.locator('[data-figure] strong').first().textContent()).toBe('Số liệu minh họa');
      expect(await frame.locator('[data-embed-credit] a').getAttribute('href')).toBe(`/${MAP}/`);
      // A map shape links to its unit's page: it opens outside the iframe, never inside it.
      const [popup] = await Promise.all([page.waitForEvent('popup'), frame.locator('svg#map a').first().click()]);
      expect(popup.url()).toContain(site.origin);
      await popup.close();
      // Another iframe on the page (an ad) claims to be the atlas: neither it nor the atlas iframe changes height.
      const atlasHeight = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const ad = document.createElement('iframe');
            ad.id = 'ad';
            ad.srcdoc = `<p>ad</p><script>parent.postMessage({ type: 'poverty-atlas:height', height: 5000 }, '*')</${'script'}>`;
            ad.addEventListener('load', resolve);
            document.body.append(ad);
            window.postMessage({ type: 'poverty-atlas:height', height: 5000 }, '*');
          }),
      );
      await page.waitForTimeout(300);
      expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBe(atlasHeight);
      expect(await page.locator('#ad').evaluate((f) => f.getBoundingClientRect().height)).toBeLessThan(200);
      expect(errors).toEqual([]);
      expect(cms.external).toEqual([]);
    } finally {
      await cms.close();
    }
  });

  it('shows only the chart, its words and a link back, with no DuckDB, in both languages', async () => {
    for (const path of [
      `embed/vi/${MAP}/`,
      `embed/en/${MAP}/`,
      'embed/en/province/poor-trend/',
      'embed/vi/communes/06652/peers/',
      'embed/en/deprivation/2024-national/',
      'embed/vi/national/trend/',
    ]) {
      const { page, errors } = await visit(site, path);
      expect(await page.locator('nav').count(), path).toBe(0);
      // One chart, drawn for a wide screen and for a phone: one of the two shows.
      expect(await page.locator('svg.chart:visible').count(), path).toBe(1);
      expect(await page.locator('figcaption').textContent(), path).toMatch(/Nguồn|Source/);
      expect(await page.locator('script[src*="explore"], script[src*="duckdb"]').count()).toBe(0);
      expect(errors, path).toEqual([]);
    }
  });

  it('places what it shows for a page elsewhere: a commune with its district, every embed with its province', async () => {
    // A commune of before the 2025 reorganisation (one of many of its name in Vietnam), as named in its latest year.
    const [commune] = await published<{ unit_code: string; unit_name: string; district_name: string }>(
      `SELECT unit_code, arg_max(unit_name, year) AS unit_name, arg_max(district_name, year) AS district_name FROM {poverty}
       WHERE level = 'commune' GROUP BY unit_code HAVING arg_max(district_name, year) IS NOT NULL ORDER BY unit_code LIMIT 1`,
    );
    const { province } = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')).dataset;
    for (const [locale, place] of [
      ['vi', `Tỉnh ${province.name_vi}`],
      ['en', province.name_en],
    ]) {
      for (const figure of ['trend', 'peers']) {
        const { page } = await visit(site, `embed/${locale}/communes/${commune.unit_code}/${figure}/`);
        expect(await page.title()).toContain(`${commune.unit_name}, ${commune.district_name}`);
        expect(await page.locator('[data-embed-credit]').textContent()).toMatch(new RegExp(`^\\s*${place} · `));
      }
      const { page } = await visit(site, `embed/${locale}/province/poor-trend/`);
      expect(await page.locator('[data-embed-credit]').textContent()).toMatch(new RegExp(`^\\s*${place} · `));
    }
  });

  it("carries a stylesheet of its own, far smaller than the site's, with every rule its markup needs", () => {
    const styleOf = (html: string) => /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const site = styleOf(readFileSync('dist/index.html', 'utf8'));
    const hasRule = (css: string, name: string) => new RegExp(`\\.${name.replace(/[^\w-]/g, (c) => `\\\\\\${c}`)}(?![\\w-])`).test(css);
    const embeds = readdirSync('dist/embed', { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('index.html') && !f.startsWith('v/'),
    );
    expect(embeds.length).toBeGreaterThan(100);
    const lacking = new Set<string>();
    for (const file of embeds) {
      const html = readFileSync(join('dist/embed', file), 'utf8');
      const own = styleOf(html);
      expect(own.length, file).toBeLessThan(site.length * 0.6);
      const markup = html.replace(/<style[\s\S]*?<\/style>/g, '');
      for (const [, names] of markup.matchAll(/class="([^"]*)"/g))
        for (const name of names.split(/\s+/).filter(Boolean))
          if (hasRule(site, name) && !hasRule(own, name)) lacking.add(`${file}: .${name}`);
    }
    expect([...lacking]).toEqual([]);
  });
});

describe('print', () => {
  it('prints a district page without navigation, buttons or closed panels, and an opened one whole', async () => {
    const { page } = await visit(site, 'districts/193/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header nav').isVisible()).toBe(false);
    expect(await page.locator('[data-figure-tools]').first().isVisible()).toBe(false);
    expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
    // "▶ Data table for the chart" is nothing to click on paper; the table, once opened, is printed.
    const panel = page.locator('main details:not(.tool)').first();
    expect(await panel.isVisible()).toBe(false);
    await panel.evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    expect(await panel.locator('table').isVisible()).toBe(true);
  });

  /**
   * Every page kind in both languages, each opened once and read three ways for paper: white words
   * that would print on no colour, colours that change with the reader's theme, and what an A4 page
   * would cut. A page opened for each check took three times as long.
   */
  const printed = new Map<string, { lostWhite: string[]; themed: string[]; cut: string[] }>();
  beforeAll(async () => {
    // A4 less 12-mm margins is 186 mm: 703 CSS pixels.
    const A4_WIDTH = 703;
    const colours = () =>
      [...document.querySelectorAll('body, body *')].map((e) => {
        const s = getComputedStyle(e);
        return `${e.tagName} ${s.color} ${s.backgroundColor} ${s.display}`;
      });
    for (const path of pageKinds().flatMap((p) => [p, `en/${p}`])) {
      const { page } = await visit(site, path);
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const lostWhite = await page.evaluate(() =>
        [...document.querySelectorAll('body *:not(svg *)')]
          .filter((e) => {
            const style = getComputedStyle(e);
            const words = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
            return words && e.getClientRects().length > 0 && style.color === 'rgb(255, 255, 255)';
          })
          .filter((e) => getComputedStyle(e).getPropertyValue('-webkit-print-color-adjust') !== 'exact')
          .map((e) => (e.textContent ?? '').trim().slice(0, 30)),
      );
      const light = await page.evaluate(colours);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const dark = await page.evaluate(colours);
      await page.setViewportSize({ width: A4_WIDTH, height: 1000 });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const cut = await page.evaluate((width) => {
        // Text kept for screen readers only (a 1-px box) is not on paper.
        const seen = (e: Element) =>
          e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden');
        const past = [...document.querySelectorAll('main table, main svg, main td, main th, main p, main img')]
          .filter((e) => seen(e) && e.getBoundingClientRect().right > width + 1)
          .map((e) => `${e.tagName} past the margin: ${(e.textContent ?? '').trim().slice(0, 40)}`);
        const clipped = [...document.querySelectorAll('main *')]
          .filter((e) => {
            if (!seen(e)) return false;
            const { overflowX, overflowY } = getComputedStyle(e);
            return (
              (e.scrollWidth > e.clientWidth + 1 && /auto|scroll|hidden/.test(overflowX)) ||
              (e.scrollHeight > e.clientHeight + 1 && /auto|scroll|hidden/.test(overflowY))
            );
          })
          .map((e) => `${e.tagName}.${e.className} holds ${e.scrollWidth} × ${e.scrollHeight} px in ${e.clientWidth} × ${e.clientHeight}`);
        return [...past, ...clipped];
      }, A4_WIDTH);
      printed.set(path, { lostWhite, themed: dark.filter((c, i) => c !== light[i]).slice(0, 5), cut });
      await page.close();
    }
  });

  it("prints white words on their colour (a target's status, the illustrative badge), which paper would otherwise drop", () => {
    expect(printed.size).toBe(pageKinds().length * 2);
    for (const [path, { lostWhite }] of printed) expect(lostWhite, path).toEqual([]);
  });

  it("prints the same light page whatever the reader's theme: a dark theme's backgrounds would print under black words", () => {
    expect(printed.size).toBe(pageKinds().length * 2);
    for (const [path, { themed }] of printed) expect(themed, path).toEqual([]);
  });

  it('prints every page kind whole on A4: nothing past the margin, no box that would scroll, in both languages', () => {
    expect(printed.size).toBe(pageKinds().length * 2);
    for (const [path, { cut }] of printed) expect(cut, path).toEqual([]);
  });

  it('fits the targets report on one A4 page, in both languages', async () => {
    for (const path of ['targets/report/', 'en/targets/report/']) {
      const { page } = await visit(site, path);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g), path).toHaveLength(1);
      const rows = await page.locator('[data-targets-table] tbody tr').count();
      const [{ n }] = await published<{ n: number }>('SELECT count(*)::INT AS n FROM {targets}');
      expect(rows).toBe(n);
      // …and says in full where it was printed from, though the build knew no host.
      expect(await page.locator('[data-page-url]').textContent()).toBe(site.url + path);
    }
  });
});
