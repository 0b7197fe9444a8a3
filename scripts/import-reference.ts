/**
 * Copies the real reference data (../shared/reference) into the Quảng Ninh dataset folder,
 * reshaped into the dataset format of data/README.md. Run once when the reference changes;
 * its outputs are committed, so a fresh clone needs no ../shared.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeCsv } from '../src/pipeline/csv-io.ts';

const ref = process.argv[2] ?? '../shared/reference';
const out = process.argv[3] ?? 'data/quang-ninh';
type Row = Record<string, string>;
const read = (p: string): Row[] => parse(readFileSync(join(ref, p)), { columns: true, bom: true });

const before = read('admin/units-2021-2024.csv');
const after = read('admin/units-2024-11.csv');
const units2025 = read('admin/units-2025-07.csv');
const crosswalk = read('admin/crosswalk-2024-to-2025.csv');
const afterByCode = new Map(after.map((r) => [r.commune_code, r]));
const same = (a: Row, b: Row) =>
  ['commune_name', 'commune_type', 'district_code', 'district_name', 'district_type'].every((k) => a[k] === b[k]);

const unitRows: Row[] = [];
const unitRow = (r: Row, from: string, to: string, predecessors = '') => ({
  unit_code: r.commune_code,
  unit_name: r.commune_name,
  unit_type: r.commune_type,
  district_code: r.district_code,
  district_name: r.district_name,
  district_type: r.district_type,
  valid_from: from,
  valid_to: to,
  predecessor_codes: predecessors,
});
for (const r of before) {
  const later = afterByCode.get(r.commune_code);
  unitRows.push(unitRow(r, '2020-01-01', later && same(r, later) ? '2025-06-30' : '2024-10-31'));
}
for (const r of after) {
  const earlier = before.find((b) => b.commune_code === r.commune_code);
  if (earlier && same(earlier, r)) continue;
  const preds = [...new Set(crosswalk.filter((c) => c.nq1199_code === r.commune_code).map((c) => c.old_commune_code))];
  unitRows.push(unitRow(r, '2024-11-01', '2025-06-30', preds.length > 1 ? preds.join(';') : ''));
}
for (const r of units2025) {
  unitRows.push({
    unit_code: r.new_unit_code,
    unit_name: r.new_unit_name,
    unit_type: r.new_unit_type,
    district_code: '',
    district_name: '',
    district_type: '',
    valid_from: '2025-07-01',
    valid_to: '',
    predecessor_codes: r.predecessor_codes.replaceAll('*', ''),
  });
}
writeCsv(join(out, 'units.csv'), unitRows, Object.keys(unitRows[0]));

writeCsv(
  join(out, 'crosswalk.csv'),
  crosswalk.map((r) => ({
    old_unit_code: r.old_commune_code,
    new_unit_code: r.new_unit_code,
    relation: r.relation,
    legal_basis: r.nq1679_clause ? `NQ 1679/NQ-UBTVQH15, khoản ${r.nq1679_clause}` : '',
    verified: r.verified.startsWith('yes') ? 'yes' : r.verified.startsWith('partly') ? 'partly' : 'no',
  })),
  ['old_unit_code', 'new_unit_code', 'relation', 'legal_basis', 'verified'],
);

const gso = read('statistics/gso-poverty-rate-by-province-2006-2016.csv');
writeCsv(join(out, 'gso_province_poverty_rates.csv'), gso, Object.keys(gso[0]));

copyFileSync(join(ref, 'boundaries/districts-2020-2024.geojson'), join(out, 'boundaries/districts.geojson'));
// geoBoundaries writes every province's name with its diacritics but one: Hồ Chí Minh's, which a
// Vietnamese page would otherwise show as "Ho Chi Minh". The join to GSO's names folds diacritics, so
// it is the same either way.
const NAMES_AS_WRITTEN: Record<string, string> = { 'VN-SG': 'Hồ Chí Minh' };
const provinces = JSON.parse(readFileSync(join(ref, 'boundaries/provinces-2008-2025.geojson'), 'utf8'));
for (const f of provinces.features) f.properties.province_name = NAMES_AS_WRITTEN[f.properties.iso_3166_2] ?? f.properties.province_name;
writeFileSync(join(out, 'boundaries/provinces.geojson'), JSON.stringify(provinces));
console.log(`units ${unitRows.length}, crosswalk ${crosswalk.length}, gso ${gso.length}`);
