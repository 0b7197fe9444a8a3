import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geometryProblem } from './boundary-geometry.ts';
import { readableInput } from './input-file.ts';
import { checkCell } from './column-forms.ts';
import { type ColumnSpec, TABLES } from './input-schema.ts';
import { fileIssue, issue, type Issue } from './issues.ts';
import { readMetadata, type Metadata } from './metadata.ts';
import { checkMicrodata } from './microdata.ts';
import { homeAreas, joinProvinces, type ProvinceShape } from './province-join.ts';
import { readTable } from './read-table.ts';
import { validateColumns, type TypedRow } from './validate-columns.ts';
import { validateRules, type TypedTables } from './validate-rules.ts';

export interface Dataset {
  dir: string;
  meta: Metadata;
  tables: TypedTables;
  boundaries: Record<string, unknown>;
  /** GSO province name → its polygon's name and ISO code, when the dataset has province polygons. */
  provinces: Map<string, ProvinceShape>;
}

/** Each boundary file and the property that names its units (province polygons join by name instead). */
const BOUNDARY_KEYS: Record<string, string | null> = { districts: 'district_code', communes: 'unit_code', provinces: null };
const KNOWN_FILES = new Set(['metadata.json', 'boundaries', 'README.md', ...TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.xlsx`])]);

/** Reads the boundary files; unit codes are checked against units.csv when it could be read (`codes` null otherwise). */
function readBoundaries(dir: string, codes: Set<string> | null, unitsFile: string, issues: Issue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(BOUNDARY_KEYS)) {
    const file = `boundaries/${name}.geojson`;
    if (!existsSync(join(dir, file))) continue;
    if (!readableInput(dir, file, issues)) continue;
    let geo: { type?: string; features?: { properties?: Record<string, unknown> }[] };
    try {
      geo = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      issues.push(fileIssue('error', file, 'json_syntax', `not valid JSON: ${(e as Error).message}`));
      continue;
    }
    if (geo.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
      issues.push(issue('error', file, 0, 'type', geo.type, 'geojson', 'a GeoJSON FeatureCollection is required'));
      continue;
    }
    geo.features.forEach((f, i) => {
      const wrong = geometryProblem((f as { geometry?: unknown }).geometry);
      if (wrong)
        issues.push(issue('error', file, i + 1, 'geometry', wrong.value, 'geojson_geometry', `feature ${i + 1}: ${wrong.message}`));
      const code = String(f.properties?.[key ?? 'province_name'] ?? '');
      if (key && codes && !codes.has(code))
        issues.push(issue('error', file, i + 1, key, code, 'known_unit', `feature ${i + 1}: ${key} is not in ${unitsFile}`));
      if (!key) provinceProperties(f.properties ?? {}, file, i + 1, issues);
    });
    out[name] = geo;
  }
  return out;
}

/** A province shape's name and ISO 3166-2 code, which the national page and its table publish: checked as cells are. */
function provinceProperties(properties: Record<string, unknown>, file: string, feature: number, issues: Issue[]) {
  const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));
  const name = checkCell(PROVINCE_NAME, text(properties.province_name));
  if ('rule' in name)
    issues.push(issue('error', file, feature, 'province_name', properties.province_name, name.rule, `feature ${feature}: ${name.message}`));
  if (!/^VN-(\d{2}|[A-Z]{2})$/.test(text(properties.iso_3166_2)))
    issues.push(
      issue(
        'error',
        file,
        feature,
        'iso_3166_2',
        properties.iso_3166_2,
        'province_properties',
        `feature ${feature}: iso_3166_2 is a province's ISO 3166-2 code (VN-13, VN-HN)`,
      ),
    );
}

const PROVINCE_NAME: ColumnSpec = { name: 'province_name', type: 'text', required: true, max: 60, vi: 'Tên tỉnh', en: 'Province name' };

/**
 * When units, poverty or metadata.json could not be read, every row that refers to them would
 * fail too: one line says which checks were skipped, instead of thousands of follow-on errors.
 */
function skippedChecks(rejected: Map<string, string>, fileNames: Record<string, string>, noMeta: boolean, issues: Issue[]) {
  const missing = [...(noMeta ? ['metadata.json'] : []), ...['units', 'poverty'].flatMap((t) => rejected.get(t) ?? [])];
  if (missing.length === 0) return;
  const others = Object.values(fileNames);
  issues.push(
    issue(
      'warning',
      others.join(', ') || '(dataset)',
      0,
      '',
      '',
      'checks_skipped',
      `the checks that relate tables to each other were not run, because ${missing.join(' and ')} could not be read: fix ${missing.length > 1 ? 'those files' : 'that file'} first`,
    ),
  );
}

/** Reads and validates a whole dataset folder. Every problem found is in `issues`; `dataset` is null on any error. */
export async function loadDataset(dir: string): Promise<{ dataset: Dataset | null; issues: Issue[] }> {
  const issues: Issue[] = [];
  if (!existsSync(dir)) {
    return { dataset: null, issues: [fileIssue('error', dir, 'missing_folder', 'the dataset folder does not exist')] };
  }
  for (const f of readdirSync(dir)) {
    if (!KNOWN_FILES.has(f) && !f.startsWith('.'))
      issues.push(fileIssue('warning', f, 'unknown_file', 'this file is not part of the dataset format and is ignored'));
  }
  const meta = readMetadata(dir, issues);
  const tables: Record<string, TypedRow[]> = {};
  const fileNames: Record<string, string> = {};
  /** Tables that could not be read at all (table → file): checks that refer to them are skipped, not failed row by row. */
  const rejected = new Map<string, string>();
  /** Every code written in the units file, including rows that fail for another reason (they are reported once, there). */
  let writtenCodes = new Set<string>();
  /** The keys of poverty rows dropped for an error in a cell: other tables' rows for them are not errors too. */
  const droppedPoverty = new Set<string>();
  for (const spec of TABLES) {
    const before = issues.length;
    const raw = await readTable(dir, spec, issues);
    if (!raw) {
      if (issues.length > before) rejected.set(spec.name, issues[before].file);
      continue;
    }
    fileNames[spec.name] = raw.file;
    if (spec.name === 'units') writtenCodes = new Set(raw.rows.flatMap((r) => [r.cells.unit_code, r.cells.district_code]).filter(Boolean));
    checkMicrodata(raw, issues);
    tables[spec.name] = validateColumns(raw, spec, issues, spec.name === 'poverty' ? droppedPoverty : undefined);
  }
  const codes = tables.units && !rejected.has('units') ? writtenCodes : null;
  const boundaries = readBoundaries(dir, codes, fileNames.units ?? 'units.csv', issues);
  if (meta && tables.units && tables.poverty) validateRules(tables as TypedTables, meta, issues, fileNames, writtenCodes, droppedPoverty);
  else skippedChecks(rejected, fileNames, meta == null, issues);
  const shapes = (boundaries.provinces as { features: { properties: ProvinceShape }[] } | undefined)?.features.map((f) => f.properties);
  const provinces =
    shapes && tables.gso_province_poverty_rates
      ? joinProvinces(tables.gso_province_poverty_rates, shapes, fileNames.gso_province_poverty_rates, issues)
      : new Map<string, ProvinceShape>();
  if (meta && shapes && tables.gso_province_poverty_rates && homeAreas(provinces, meta.province.name_vi).length === 0)
    issues.push(
      issue(
        'warning',
        fileNames.gso_province_poverty_rates,
        0,
        'area_name_en',
        meta.province.name_vi,
        'home_province',
        "the dataset's province is none of this file's provinces (names compared without diacritics): the national page marks none as its own",
      ),
    );
  const failed = issues.some((i) => i.severity === 'error') || !meta;
  return { dataset: failed ? null : { dir, meta: meta!, tables: tables as TypedTables, boundaries, provinces }, issues };
}
