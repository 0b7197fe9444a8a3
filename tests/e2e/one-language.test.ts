import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKinds } from './pages.ts';
import { openSite, type Site } from './browser.ts';

/**
 * Every word in the reader's language: the visible text of every kind of page, and the words of
 * every kind of figure file, read for common words of the other language. Names, codes, SQL and
 * quotations marked with their own `lang` are the reader's to see as they are.
 */
const ENGLISH = [
  'the',
  'and',
  'of',
  'from',
  'with',
  'households',
  'household',
  'source',
  'withheld',
  'generated',
  'poor',
  'near-poor',
  'rate',
  'year',
  'district',
  'commune',
  'province',
  'target',
  'download',
  'data',
  'chart',
  'table',
  'not',
  'by',
  'standard',
  'national',
  'placeholders',
  'names',
  'village',
  'villages',
  'end',
  'start',
  'published',
  'coverage',
];
const VIETNAMESE = [
  'của',
  'và',
  'các',
  'những',
  'được',
  'không',
  'hộ',
  'nghèo',
  'cận',
  'số',
  'liệu',
  'nguồn',
  'năm',
  'tỉnh',
  'theo',
  'chuẩn',
  'bảng',
  'biểu',
  'đồ',
  'tải',
  'xuống',
  'chỉ',
  'tiêu',
  'thôn',
  'họa',
  'tạm',
  'cuối',
  'đầu',
  'kế',
  'hoạch',
  'ngày',
];

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

/** Words of the other language in a text, with a little context. */
function foreign(text: string, words: string[]): string[] {
  const found = new Set<string>();
  // Web addresses and site paths are not words; acronyms in capitals are names (CC BY, BHYT).
  const tokens = text.replace(/https?:\/\/\S+|(?<=\s)\/\S+/g, ' ').split(/[^\p{L}\p{M}-]+/u);
  tokens.forEach((w, i) => {
    if (words.includes(w.toLowerCase()) && w !== w.toUpperCase())
      found.add(`${w} (…${tokens.slice(Math.max(0, i - 3), i + 4).join(' ')}…)`);
  });
  return [...found];
}

/** The text a reader sees, less names, code and quotations marked in another language. */
const visibleText = (lang: string) => `(() => {
  const skip = (e) => e.closest('code, pre, textarea, script, style, [data-no-translate]') || (e.closest('[lang]') && e.closest('[lang]').getAttribute('lang') !== '${lang}');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || skip(e) || !e.getClientRects().length) continue;
    out.push(n.textContent);
  }
  for (const e of document.querySelectorAll('[aria-label], [title]:not(svg title)')) if (!skip(e)) out.push(e.getAttribute('aria-label') || '');
  return out.join(' ');
})()`;

describe("every word in the reader's language", () => {
  it.each(pageKinds())('/%s in Vietnamese has no English words, and /en/%s no Vietnamese ones', async (path) => {
    const problems: string[] = [];
    for (const [prefix, lang, words] of [
      ['', 'vi', ENGLISH],
      ['en/', 'en', VIETNAMESE],
    ] as const) {
      const page = await site.context.newPage();
      await page.goto(site.url + prefix + path, { waitUntil: 'load' });
      const text = (await page.evaluate(visibleText(lang))) as string;
      await page.close();
      problems.push(...foreign(text, [...words]).map((w) => `/${prefix}${path}: ${w}`));
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['vi', ENGLISH],
    ['en', VIETNAMESE],
  ] as const)('figure files (SVG and CSV) of every kind speak their language (%s)', (lang, words) => {
    const kind = (p: string) =>
      p
        .replace(/\/[^/]*\d[^/]*\//g, '/#/')
        .split('/')
        .slice(0, 4)
        .join('/');
    const figures = (readdirSync(`dist/figures/${lang}`, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('chart.svg'))
      .map((f) => `figures/${lang}/${f.replace(/chart\.svg$/, '')}`)
      .sort()
      .filter((p, i, all) => all.findIndex((q) => kind(q) === kind(p)) === i);
    expect(figures.length).toBeGreaterThan(5);
    const problems = figures.flatMap((p) => {
      const svg = readFileSync(join('dist', p, 'chart.svg'), 'utf8').replace(/<[^>]+>/g, ' ');
      // In the CSV, keys and codes are identifiers; the words are the source every row carries.
      const rows: Record<string, string>[] = parse(readFileSync(join('dist', p, 'data.csv')), { columns: true, bom: true });
      const csv = [...new Set(rows.map((r) => r.source))].join(' ');
      return [...foreign(svg, [...words]).map((w) => `${p}chart.svg: ${w}`), ...foreign(csv, [...words]).map((w) => `${p}data.csv: ${w}`)];
    });
    expect(problems).toEqual([]);
  });
});
