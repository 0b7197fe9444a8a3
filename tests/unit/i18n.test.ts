import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import vi from '../../src/i18n/vi.json';
import { around, labelOf, t } from '../../src/i18n/t.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(astro|ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('translations', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(vi)) expect(params(en[key as keyof typeof en]), key).toEqual(params(text));
  });

  it('names every indicator a target may measure, in both languages, and publish.sql measures each', async () => {
    const { TARGET_UNIT_OF } = await import('../../src/lib/target-indicators.ts');
    const sql = readFileSync('src/sql/publish.sql', 'utf8');
    for (const indicator of Object.keys(TARGET_UNIT_OF)) {
      for (const messages of [vi, en] as Record<string, string>[]) expect(messages[`target.measures.${indicator}`], indicator).toBeTruthy();
      expect(indicator.startsWith('coverage_') ? sql.includes("'coverage_' || programme") : sql.includes(`'${indicator}'`), indicator).toBe(
        true,
      );
    }
  });

  it("writes every target's unit in each language: the unit its indicator is measured in, however the plan wrote it", async () => {
    const { TARGET_UNIT_OF, targetUnitWritten } = await import('../../src/lib/target-indicators.ts');
    const { formatTargetValue } = await import('../../src/lib/target-format.ts');
    const written = {
      vi: { '%': '3%', households: '3 hộ', 'percentage points': '3 điểm\u00a0%', villages: '3 thôn' },
      en: {} as Record<string, string>,
    };
    written.en = { '%': '3%', households: '3 households', 'percentage points': '3 percentage points', villages: '3 villages' };
    for (const unit of new Set(Object.values(TARGET_UNIT_OF)))
      for (const locale of ['vi', 'en'] as const) {
        expect(formatTargetValue(locale, 3, unit), `${locale} ${unit}`).toBe(written[locale][unit]);
        // A file may write the unit as either language's pages do.
        expect(targetUnitWritten(written[locale][unit].replace(/^3\s?/, '')), `${locale} ${unit}`).toBe(unit);
      }
  });

  it('fills placeholders and falls back to the code for unknown data labels', () => {
    const place = (kind: 'province' | 'city', province: string) => t('vi', `province.place.${kind}`, { province });
    expect(t('vi', 'site.tagline', { place: place('province', 'Quảng Ninh'), years: '2021–2025' })).toBe(
      'Giảm nghèo bền vững tỉnh Quảng Ninh, 2021–2025',
    );
    expect(t('vi', 'site.tagline', { place: place('city', 'Hà Nội'), years: '2021–2025' })).toBe(
      'Giảm nghèo bền vững thành phố Hà Nội, 2021–2025',
    );
    expect(labelOf('en', 'status', 'met')).toBe('Met');
    expect(labelOf('en', 'status', 'unheard_of')).toBe('unheard_of');
  });

  it('uses only keys that exist', () => {
    const used = sources('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-z0-9_.]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(50);
    for (const key of used) expect(Object.keys(vi), key).toContain(key);
  });
});

describe('a message split around one placeholder', () => {
  it('fills the others and leaves the slot for markup, in either language', () => {
    expect(around('en', 'p135.lead', 'decision', { count: 12 })).toEqual(['12 extremely difficult villages listed by ', '.']);
    const [before, after] = around('vi', 'p135.lead', 'decision', { count: 12 });
    expect(`${before}X${after}`).toBe(t('vi', 'p135.lead', { count: 12, decision: 'X' }));
  });
});
