import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { published } from './published.ts';
import { exampleQuery } from '../../src/lib/queries.ts';
import { openSite, typeQuery, visit, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

/** The explore page with DuckDB ready (the opening query's answer is there before it). */
async function explore(path = 'en/explore/') {
  const visited = await visit(site, path);
  await visited.page.locator('[data-status][data-state="ready"]').waitFor({ timeout: 60_000 });
  return visited;
}

describe('the explore page for journalists', () => {
  it("comes with the opening query's answer, before DuckDB and without scripts, and exports it once DuckDB is ready", async () => {
    const expected = await published<Record<string, unknown>>(exampleQuery().replace('FROM poverty', 'FROM {poverty}'));
    const html = parse(readFileSync('dist/en/explore/index.html', 'utf8'));
    const rows = html.querySelectorAll('[data-output][data-prepared] tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text));
    expect(rows).toEqual(expected.map((r) => Object.values(r).map((v) => (v == null ? 'NULL' : String(v)))));
    expect(html.querySelector('[data-chart] svg')).not.toBeNull();
    const { page, errors } = await visit(site, 'en/explore/');
    expect(await page.locator('[data-output] tbody tr').count()).toBe(expected.length);
    await page.locator('[data-status][data-state="ready"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-exports]:not([hidden])').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    expect(csvParse(readFileSync((await download.path())!, 'utf8')).length).toBe(expected.length);
    expect(await page.locator('[data-output] tbody tr').count()).toBe(expected.length);
    expect(errors).toEqual([]);
  });

  it('downloads only the tables a query names, beside the wasm, and the others when a later query names them', async () => {
    const arrows: string[] = [];
    const wasms: string[] = [];
    const page = await site.context.newPage();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.arrow')) arrows.push(path.split('/').pop()!);
    });
    // The worker's requests are seen by the context only: it asks for no wasm of its own, DuckDB's
    // module being compiled by the page from the download the HTML began.
    const onRequest = (r: import('playwright-core').Request) => {
      if (r.url().endsWith('.wasm') && r.method() === 'GET') wasms.push(new URL(r.url()).pathname.split('/').pop()!.split('.')[0]);
    };
    site.context.on('request', onRequest);
    await page.goto(`${site.origin}/en/explore/?sql=${encodeURIComponent('SELECT count(*) AS n FROM units')}`);
    await page.locator('[data-output] td').first().waitFor({ timeout: 60_000 });
    const [{ n }] = await published<{ n: number }>('SELECT count(*)::INT AS n FROM {units}');
    expect(Number((await page.locator('[data-output] td').first().textContent())!.replace(/\D/g, ''))).toBe(n);
    expect(arrows).toEqual(['units.arrow']);
    site.context.off('request', onRequest);
    expect(wasms).toEqual(['duckdb-eh']);
    await typeQuery(page, 'SQL query', 'SELECT count(*) FROM units JOIN coverage USING (unit_code)');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => arrows.sort()).toEqual(['coverage.arrow', 'units.arrow']);
    await page.close();
  });

  it("shows DuckDB's download in the bytes that travel, from the first count to the end, on a slow network", async () => {
    const page = await site.context.newPage();
    const cdp = await site.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: 30e6 / 8,
      uploadThroughput: 30e6 / 8,
    });
    // Every text the status line shows, in turn.
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('[data-status]')!;
        new MutationObserver(() => shown.push(status.textContent ?? '')).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    });
    await page.goto(`${site.origin}/en/explore/`);
    await page.locator('[data-status][data-state="ready"]').waitFor({ timeout: 60_000 });
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    const counts = shown.map((text) => /: ([\d.]+) MB \/ ([\d.]+) MB/.exec(text)).filter((m) => m != null);
    expect(counts.length).toBeGreaterThan(2);
    // The size sent (brotli's), not the 24 MB the browser decodes it to.
    const total = Number(counts[0][2]);
    expect(total).toBeLessThan(6);
    for (const [, loaded, of] of counts) {
      expect(Number(of)).toBe(total);
      expect(Number(loaded)).toBeLessThanOrEqual(total);
    }
    // Counted to the end: once counting, the line never falls back to saying only that it loads.
    expect(shown.slice(shown.indexOf(counts[0].input))).not.toContain('Loading DuckDB…');
    await page.close();
  });

  it("answers with DuckDB's other build in a browser without WebAssembly's exceptions", async () => {
    const page = await site.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Such a browser finds no optional feature valid; the page's test for exceptions is one.
    await page.addInitScript(() => {
      WebAssembly.validate = () => false;
    });
    const wasms: string[] = [];
    // The worker's requests are seen by the context only.
    const onRequest = (r: import('playwright-core').Request) => {
      if (r.url().endsWith('.wasm') && r.method() === 'GET') wasms.push(new URL(r.url()).pathname.split('/').pop()!.split('.')[0]);
    };
    site.context.on('request', onRequest);
    await page.goto(`${site.origin}/en/explore/?sql=${encodeURIComponent('SELECT count(*) AS n FROM units')}`);
    await page.locator('[data-output]:not([data-prepared]) td').first().waitFor({ timeout: 60_000 });
    const [{ n }] = await published<{ n: number }>('SELECT count(*)::INT AS n FROM {units}');
    expect(Number((await page.locator('[data-output] td').first().textContent())!.replace(/\D/g, ''))).toBe(n);
    site.context.off('request', onRequest);
    // The page's HTML asks for the other build's wasm before any script can test the browser: the
    // price such a browser (before 2022) pays for the head start every other one gets.
    expect(wasms.sort()).toEqual(['duckdb-eh', 'duckdb-mvp']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs an example question in one click, with the numbers of the published data', async () => {
    const { page, errors } = await explore();
    await page.locator('[data-example-id="bhyt-gaps"]').click();
    await page.waitForURL(/sql=/);
    await page.locator('[data-output] td').first().waitFor();
    const [first] = await published<{ unit_name: string }>(
      `SELECT unit_name FROM {coverage} WHERE level = 'district' AND programme = 'bhyt' AND year = 2024 ORDER BY coverage_rate LIMIT 1`,
    );
    await expect.poll(() => page.locator('[data-output] tbody tr:first-child td:first-child').textContent()).toBe(first.unit_name);
    expect(errors).toEqual([]);
  });

  it('answers queries asked in quick succession one after the other, each in full', async () => {
    const { page, errors } = await visit(site, 'en/explore/');
    await page.locator('[data-example-id="poorest-communes"]').click();
    await page.locator('[data-example-id="bhyt-gaps"]').click();
    const expected = await published<{ unit_name: string }>(
      `SELECT unit_name FROM {coverage} WHERE level = 'district' AND programme = 'bhyt' AND year = 2024 ORDER BY coverage_rate`,
    );
    await expect
      .poll(() => page.locator('[data-output] tbody tr:first-child td:first-child').textContent(), { timeout: 60_000 })
      .toBe(expected[0].unit_name);
    expect(await page.locator('[data-output] tbody tr').count()).toBe(expected.length);
    expect(errors).toEqual([]);
  });

  it('points at the position of an error in the query, and the back button brings the last query back', async () => {
    const { page } = await explore();
    await page.locator('[data-example-id="national-rank"]').click();
    await page.locator('[data-output] td').first().waitFor();
    await typeQuery(page, 'SQL query', 'SELECT year, nope FROM poverty');
    await page.keyboard.press('Control+Enter');
    const alert = await page.locator('[data-output] [role="alert"]').textContent();
    expect(alert).toContain('"nope" not found');
    expect(alert).toMatch(/LINE 1: SELECT year, nope FROM poverty\n\s+\^/);
    await page.goBack();
    await expect.poll(() => page.locator('[data-output] tbody tr').count()).toBe(20);
    expect(decodeURIComponent(page.url())).toContain('gso_province_poverty_rates');
  });

  it('exports the result as CSV, JSON and Parquet that read back to the same values', async () => {
    const { page, errors } = await explore();
    const sql = `SELECT unit_code, poor, poor_rate FROM poverty WHERE level = 'district' AND year = 2022 AND standard = 'national' ORDER BY unit_code`;
    const expected = await published<{ unit_code: string; poor: number | null; poor_rate: number | null }>(
      sql.replace('FROM poverty', 'FROM {poverty}'),
    );
    await typeQuery(page, 'SQL query', sql);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-output] tbody tr').count()).toBe(expected.length);
    const save = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${kind}"]`).click()]);
      return (await download.path())!;
    };
    const csv = csvParse(readFileSync(await save('csv'), 'utf8'));
    expect(csv.map((r) => [r.unit_code, r.poor === '' ? null : Number(r.poor)])).toEqual(expected.map((r) => [r.unit_code, r.poor]));
    const json = JSON.parse(readFileSync(await save('json'), 'utf8'));
    expect(json).toEqual(expected);
    const parquet = await save('parquet');
    const back = await published<(typeof expected)[number]>(`SELECT unit_code, poor, poor_rate FROM read_parquet('${parquet}')`);
    expect(back).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('caps a large result on screen with a note, and says how many rows there are', async () => {
    const { page } = await explore();
    await typeQuery(page, 'SQL query', 'SELECT * FROM deprivation');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-capped]').waitFor();
    expect(await page.locator('[data-summary]').textContent()).toContain('14,928 rows');
    expect(await page.locator('[data-output] tbody tr').count()).toBe(1000);
  });

  it("describes every table and column, with a sample, in the reader's language", async () => {
    const { page } = await visit(site, 'explore/');
    await page.locator('[data-schema="poverty"] summary').click();
    const text = await page.locator('[data-schema="poverty"]').textContent();
    expect(text).toContain('poor_near_poor_rate');
    expect(text).toContain('Tỷ lệ nghèo đa chiều');
    // A rounded table says so, and why its totals can differ from the official figures.
    expect(await page.locator('[data-schema="poverty"] [data-table-note]').textContent()).toContain('bội số của 5');
    expect(await page.locator('[data-schema="published_figures"] [data-table-note]').count()).toBe(0);
    expect(await page.locator('[data-schema="poverty"] tbody tr').count()).toBe(3);
  });

  it('says when a query runs long, and can stop it', async () => {
    const { page } = await explore();
    await typeQuery(page, 'SQL query', 'SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.locator('[data-output] [data-slow]').textContent(), { timeout: 30_000 })
      .toContain('has been running for 10 s');
    await page.locator('[data-cancel]').click();
    await expect.poll(() => page.locator('[data-output] [role="alert"]').textContent(), { timeout: 30_000 }).toMatch(/interrupt|cancel/i);
    expect(await page.locator('[data-output] [role="alert"]').getAttribute('data-error')).toBe('cancelled');
    expect(await page.locator('[data-output] [role="alert"] p').first().textContent()).toBe('The query was stopped.');
    expect(await page.locator('[data-cancel]').isHidden()).toBe(true);
  });
});

describe('the downloads page', () => {
  it('lists files whose checksums match what is served, and a ZIP of everything', async () => {
    const { page } = await visit(site, 'downloads/');
    for (const row of await page.locator('tr[data-table]').all()) {
      const href = await row.locator('a[href$=".parquet"]').getAttribute('href');
      const body = await (await page.request.get(new URL(href!, site.origin).href)).body();
      expect(createHash('sha256').update(body).digest('hex')).toBe(await row.locator('[data-sha256]').textContent());
    }
    const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
    const zip = await (
      await page.request.get(new URL((await page.locator('[data-archive]').getAttribute('href'))!, site.origin).href)
    ).body();
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(createHash('sha256').update(zip).digest('hex')).toBe(manifest.archive.sha256);
    expect(await page.locator('[data-citation]').textContent()).toContain(manifest.dataset.version);
  });
});
