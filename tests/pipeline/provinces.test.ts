import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../src/lib/names.ts';
import type { Issue } from '../../src/pipeline/issues.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { joinProvinces } from '../../src/pipeline/province-join.ts';
import { scratchDir } from '../scratch-dir.ts';

const shapes = JSON.parse(readFileSync('data/quang-ninh/boundaries/provinces.geojson', 'utf8')).features.map(
  (f: { properties: unknown }) => f.properties,
);
const gso = (parse(readFileSync('data/quang-ninh/gso_province_poverty_rates.csv'), { columns: true }) as Record<string, string>[]).map(
  (r, i) => ({ ...r, year: Number(r.year), value_pct: r.value_pct === '' ? null : Number(r.value_pct), _line: i + 2 }),
);

describe('GSO provinces join the province polygons by name without diacritics', () => {
  it('folds names the same way in both sources', () => {
    expect(foldName('Thừa Thiên Huế')).toBe(foldName('Thua Thien-Hue'));
    expect(foldName('Bà Rịa–Vũng Tàu')).toBe(foldName('Ba Ria - Vung Tau'));
    expect(foldName('Ho Chi Minh city')).toBe(foldName('Thành phố Hồ Chí Minh'));
    expect(foldName('Hà Tĩnh')).not.toBe(foldName('Hà Nam'));
    expect(foldName('Đắk Lắk')).toBe('daklak');
  });

  it('names every province as Vietnamese writes it: only those without diacritics in ASCII', () => {
    const plain = shapes.map((p: { province_name: string }) => p.province_name).filter((n: string) => /^[\x20-\x7e]+$/.test(n));
    expect(plain.sort()).toEqual(['An Giang', 'Gia Lai', 'Kon Tum', 'Long An']);
  });

  it('joins all 63 provinces of 2008–2025, each to its own polygon', () => {
    const issues: Issue[] = [];
    const joined = joinProvinces(gso as never, shapes, 'gso_province_poverty_rates.csv', issues);
    expect(issues).toEqual([]);
    expect(joined.size).toBe(63);
    expect(new Set([...joined.values()].map((s) => s.iso_3166_2)).size).toBe(63);
    expect(joined.has('Ha Tay')).toBe(false);
  });

  it('fails loudly, naming every row with a figure from 2008 on, when a province stops joining', async () => {
    const dir = scratchDir('atlas-provinces');
    cpSync('data/quang-ninh', dir, { recursive: true });
    const path = join(dir, 'boundaries/provinces.geojson');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"Quảng Ninh"', '"Quảng Ninh mới"'));
    const { dataset, issues } = await loadDataset(dir);
    const errors = issues.filter((i) => i.rule === 'province_join');
    expect(dataset).toBeNull();
    expect(errors.map((i) => [i.file, i.column, i.value])).toEqual(
      Array(7).fill(['gso_province_poverty_rates.csv', 'area_name_en', 'Quang Ninh']),
    );
  });

  it("warns when the dataset's own province is none of GSO's (made up, or renamed since): no province is its own", async () => {
    const dir = scratchDir('atlas-provinces-home');
    cpSync('data/quang-ninh', dir, { recursive: true });
    const path = join(dir, 'metadata.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"name_vi": "Quảng Ninh"', '"name_vi": "Đắk Thử"'));
    const { issues } = await loadDataset(dir);
    expect(issues.filter((i) => i.rule === 'home_province').map((i) => [i.severity, i.file, i.value])).toEqual([
      ['warning', 'gso_province_poverty_rates.csv', 'Đắk Thử'],
    ]);
  });
});
