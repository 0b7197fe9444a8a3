import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { published } from './published.ts';
import { openSite, visit, type Site } from './browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe('the Plan 228 targets page', () => {
  it("shows each target's result and status as the published data gives them", async () => {
    const rows = await published<{ target_id: string; actual: number | null; status: string }>(
      `SELECT target_id, actual, status FROM {target_progress} WHERE year = target_year`,
    );
    const { page, errors } = await visit(site, 'targets/');
    expect(rows.length).toBe(9);
    for (const r of rows) {
      const card = page.locator(`[data-card][data-target="${r.target_id}"]`);
      expect(Number(await card.locator('[data-actual]').getAttribute('data-actual'))).toBe(r.actual);
      // The page and the published table use the same words for a year that is over.
      expect(await card.getAttribute('data-status')).toBe(r.status);
    }
    expect(errors).toEqual([]);
  });

  it('drills a coverage target down to districts and communes below it, sortable', async () => {
    const districts = await published<{ unit_code: string; coverage_rate: number }>(
      `SELECT unit_code, coverage_rate FROM {coverage} WHERE level = 'district' AND programme = 'bhyt' AND year = 2022 AND coverage_rate IS NOT NULL ORDER BY coverage_rate, unit_code`,
    );
    const [{ below }] = await published<{ below: number }>(
      `SELECT count(*)::INT AS below FROM {coverage} WHERE level = 'commune' AND programme = 'bhyt' AND year = 2022 AND coverage_rate < 100`,
    );
    const { page, errors } = await visit(site, 'en/targets/bhyt/');
    expect(await page.locator('h2[data-below]').getAttribute('data-below')).toBe(String(below));
    const first = page.locator('table').first();
    // Rounded counts tie often: the first row has the lowest rate, then the highest.
    const firstRate = async () => {
      const code = await first.locator('tbody tr').first().getAttribute('data-unit');
      return districts.find((d) => d.unit_code === code)?.coverage_rate;
    };
    expect(await firstRate()).toBe(districts[0].coverage_rate);
    await first.getByRole('button', { name: 'Coverage' }).click();
    await first.getByRole('button', { name: 'Coverage' }).click();
    expect(await firstRate()).toBe(districts.at(-1)!.coverage_rate);
    expect(await first.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(errors).toEqual([]);
  });
});

describe('Program 135', () => {
  it('shows the villages off the list by year, and a page per village with its criteria', async () => {
    const progress = await published<{ year: number; exited: number }>(
      `SELECT y.year, count(v.exit_year)::INT AS exited FROM (SELECT DISTINCT year FROM {village_criteria}) y LEFT JOIN {villages} v ON v.exit_year <= y.year GROUP BY y.year`,
    );
    const { page, errors } = await visit(site, 'program-135/');
    for (const p of progress) {
      expect(Number(await page.locator(`#program-135-progress circle[data-x="${p.year}"]`).getAttribute('data-value'))).toBe(p.exited);
    }
    const [v] = await published<{ village_id: string; exit_year: number }>(
      `SELECT village_id, exit_year FROM {villages} ORDER BY village_id LIMIT 1`,
    );
    const criteria = await published<{ met: boolean }>(`SELECT met FROM {village_criteria} WHERE village_id = '${v.village_id}'`);
    await page.locator(`tr[data-village="${v.village_id}"] a`).click();
    await page.waitForURL(`${site.url}program-135/${v.village_id}/`);
    expect(await page.locator('[data-exit-year]').getAttribute('data-exit-year')).toBe(String(v.exit_year));
    expect(await page.locator('td[data-met="true"]').count()).toBe(criteria.filter((c) => c.met).length);
    expect(await page.locator('main').textContent()).toContain('tên tạm');
    expect(errors).toEqual([]);
  });
});

describe("the plan's content areas", () => {
  it('has a section per area with the plan\'s text or a plain "not available", and figures from the data', async () => {
    const [coverage] = await published<{ year: number; coverage_rate: number }>(
      `SELECT year, coverage_rate FROM {coverage} WHERE level = 'province' AND programme = 'officials_trained' AND coverage_rate IS NOT NULL ORDER BY year DESC LIMIT 1`,
    );
    const { page, errors } = await visit(site, 'en/plan/');
    expect(await page.locator('section[data-section]').count()).toBe(6);
    expect(await page.locator('[data-section="livelihoods"] blockquote').textContent()).toContain('đa dạng hóa sinh kế');
    expect(await page.locator('[data-section="jobs"] [data-no-text]').count()).toBe(1);
    expect(await page.locator('[data-section="capacity"] [data-figures]').textContent()).toContain(
      `${coverage.coverage_rate.toFixed(1)}% (${coverage.year})`,
    );
    expect(await page.locator('section:not(:has([data-figures])):not(:has(blockquote))').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('unit pages', () => {
  it('show the deprivation profile and policy coverage of a district as the data gives them', async () => {
    const rows = await published<{ indicator: string; share_deprived: number; year: number }>(
      `SELECT indicator, share_deprived, year FROM {deprivation} WHERE level = 'district' AND unit_code = '202' AND poor_near_poor > 0 AND standard = 'national' ORDER BY year DESC LIMIT 12`,
    );
    const { page, errors } = await visit(site, 'districts/202/');
    for (const r of rows) {
      expect(Number(await page.locator(`#districts-202-deprivation [data-key="${r.indicator}"]`).getAttribute('data-value'))).toBe(
        r.share_deprived,
      );
    }
    expect(await page.locator('[data-unit-coverage] tbody tr').count()).toBe(4);
    expect(errors).toEqual([]);
  });
});
