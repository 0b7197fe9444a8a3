import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, visit, type Site } from './browser.ts';
import { pageKinds } from './pages.ts';
import { figureFilesPath, figureWorkbookPath, liveEmbedPath } from '../../src/lib/embed.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite('dist');
});
afterAll(async () => site?.close());

/** Page kinds that carry no chart: lists, target cards, a village's criteria, the SQL workbench, downloads and sources. */
const FIGURELESS = /^(en\/)?(communes\/|targets\/([^/]+\/)?|program-135\/[^/]+\/|explore\/|downloads\/|sources\/|plan\/)$/;
const bothLanguages = () => pageKinds().flatMap((p) => [p, `en/${p}`]);

/**
 * Every figure on one page of every kind, in both languages, offers what an official or a
 * journalist takes away from it, and each of those files is there: the embed, the SVG, the PNG
 * drawn from that SVG, the Excel workbook and the CSV.
 */
describe('every figure on every page kind', () => {
  it.each(bothLanguages())('/%s: embed, SVG, PNG, Excel and CSV of each figure', async (path) => {
    const { page, errors } = await visit(site, path);
    const figures = await page.locator('main [data-figure]').evaluateAll((els) =>
      els.map((el) => {
        const tools = el.querySelector('[data-figure-tools]');
        const href = (selector: string) => tools?.querySelector(selector)?.getAttribute('href') ?? null;
        return {
          id: el.getAttribute('data-figure')!,
          hasTools: tools != null,
          toolsOmitted: el.getAttribute('data-tools') === 'none',
          embed: href('a[target="_blank"]'),
          svg: href('a[href$="chart.svg"]'),
          png: tools?.querySelector('[data-png]')?.getAttribute('data-png') ?? null,
          xlsx: href('a[href$="data.xlsx"]'),
          csv: href('a[href$="data.csv"]'),
        };
      }),
    );
    const get = async (href: string | null, what: string) => {
      expect(href, what).toBeTruthy();
      const response = await page.request.get(new URL(href!, site.url + path).href);
      expect(response.status(), `${what} ${href}`).toBe(200);
      return response;
    };
    const lang = path.startsWith('en/') ? 'en' : 'vi';
    for (const f of figures) {
      // A page made to be printed shows figures without buttons; their files are where every figure's are.
      if (f.toolsOmitted) {
        Object.assign(f, {
          embed: liveEmbedPath('/', lang, f.id),
          svg: `${figureFilesPath('/', lang, f.id)}chart.svg`,
          png: `${figureFilesPath('/', lang, f.id)}chart.svg`,
          xlsx: figureWorkbookPath('/', f.id),
          csv: `${figureFilesPath('/', lang, f.id)}data.csv`,
        });
      } else expect(f.hasTools, f.id).toBe(true);
      const embed = await (await get(f.embed, `${f.id} embed`)).text();
      expect(embed, `${f.id} embed`).toContain(`data-figure="${f.id}"`);
      const svg = await get(f.svg, `${f.id} svg`);
      expect(svg.headers()['content-type'], f.id).toContain('image/svg+xml');
      const svgText = await svg.text();
      expect(svgText.slice(0, 200), f.id).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
      // What Word and LibreOffice draw as a browser does: no paint-order halo, no CSS-only colour
      // (their "transparent" is black), and every label held to its width in the export face.
      expect(svgText, f.id).not.toMatch(/paint-order|"transparent"/);
      const unfitted = [...svgText.matchAll(/<(text|tspan)\b([^>]*)>([^<]+)</g)].filter((m) => !m[2].includes('textLength'));
      expect(
        unfitted.map((m) => m[3]),
        f.id,
      ).toEqual([]);
      expect(f.png, `${f.id} png`).toBe(f.svg);
      const xlsx = await (await get(f.xlsx, `${f.id} xlsx`)).body();
      expect(xlsx.subarray(0, 2).toString(), `${f.id} xlsx`).toBe('PK');
      const csv = (await (await get(f.csv, `${f.id} csv`)).text()).trim().split('\n');
      expect(csv.length, `${f.id} csv`).toBeGreaterThan(1);
    }
    if (!FIGURELESS.test(path)) expect(figures.length, `${path} shows no figure`).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(site.failed).toEqual([]);
  });
});
