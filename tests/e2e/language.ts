import type { Site } from './browser.ts';

/**
 * Common words of each language, to find the other language in a page or file: every word is to
 * be in the reader's language. Names, codes, SQL and quotations marked with their own `lang` are
 * the reader's to see as they are.
 */
export const ENGLISH = [
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
  'poverty',
];
export const VIETNAMESE = [
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

/** Words of the other language in a text, with a little context. */
export function foreign(text: string, words: string[]): string[] {
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
export const visibleText = (lang: string) => `(() => {
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

/** The words of the other language on a page of a site, every panel opened, in both languages ("" is the home page). */
export async function otherLanguage(site: Site, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [prefix, lang, words] of [
    ['', 'vi', ENGLISH],
    ['en/', 'en', VIETNAMESE],
  ] as const) {
    const page = await site.context.newPage();
    await page.goto(site.url + prefix + path, { waitUntil: 'load' });
    // What a reader opens is read too: an embed snippet's title, a citation, a chart's data table.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const text = (await page.evaluate(visibleText(lang))) as string;
    await page.close();
    problems.push(...foreign(text, [...words]).map((w) => `/${prefix}${path}: ${w}`));
  }
  return problems;
}
