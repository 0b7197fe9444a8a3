import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKinds } from './pages.ts';
import { openSite, type Site } from './browser.ts';
import { ENGLISH, foreign, otherLanguage, VIETNAMESE } from './language.ts';

/**
 * Every word in the reader's language: the visible text of every kind of page, and the words of
 * every kind of figure file, read for common words of the other language. Names, codes, SQL and
 * quotations marked with their own `lang` are the reader's to see as they are.
 */
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe("every word in the reader's language", () => {
  // …and the page an address with no page gets.
  it.each([...pageKinds(), 'no-such-page/'])(
    '/%s in Vietnamese has no English words, and its English page (under /en/) no Vietnamese ones',
    async (path) => {
      expect(await otherLanguage(site, path)).toEqual([]);
    },
  );

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
