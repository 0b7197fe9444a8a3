import type { Metadata } from './metadata.ts';
import { issue, type Issue } from './issues.ts';
import { unitAtYearEnd, unitsOfYear, yearEnd } from '../lib/periods.ts';
import { type TypedRow, writtenKey } from './validate-columns.ts';
import { STANDARDS_COLUMN, TABLES } from './input-schema.ts';
import { validatePlan } from './validate-plan.ts';

export interface TypedTables {
  units: TypedRow[];
  poverty: TypedRow[];
  [name: string]: TypedRow[];
}

const n = (r: TypedRow, c: string) => r[c] as number;
const s = (r: TypedRow, c: string) => r[c] as string;

/** Rules that relate columns, rows and tables to each other. Each finding names its row and rule. */
export function validateRules(
  t: TypedTables,
  meta: Metadata,
  issues: Issue[],
  fileNames: Record<string, string> = {},
  /** Codes written in the units file on rows that failed for another reason: referring to them is not a second error. */
  writtenCodes = new Set<string>(),
  /** Keys of poverty rows that failed a cell's check (as written, see writtenKey): their rows elsewhere are not a second error. */
  droppedPoverty = new Set<string>(),
): void {
  const fileOf = (table: string) => fileNames[table] ?? `${table}.csv`;
  const standards = new Map(meta.standards.map((st) => [st.id, st]));
  const unitsWithPeriods = t.units.map((u) => ({
    ...u,
    unit_code: s(u, 'unit_code'),
    valid_from: s(u, 'valid_from'),
    valid_to: u.valid_to as string | null,
    predecessor_codes: (u.predecessor_codes as string | null) ?? '',
  }));
  const unitCodes = new Set(unitsWithPeriods.map((u) => u.unit_code));
  const unitAt = unitAtYearEnd(unitsWithPeriods);

  for (const u of t.units) {
    if (u.valid_to != null && s(u, 'valid_to') < s(u, 'valid_from')) {
      issues.push(issue('error', fileOf('units'), u._line, 'valid_to', u.valid_to, 'period_order', 'valid_to is before valid_from'));
    }
    for (const code of String(u.predecessor_codes ?? '')
      .split(';')
      .filter(Boolean)) {
      if (!unitCodes.has(code))
        issues.push(issue('error', fileOf('units'), u._line, 'predecessor_codes', code, 'known_unit', `no unit has the code ${code}`));
    }
  }

  const inPeriod = (file: string, r: TypedRow) => {
    const code = s(r, 'unit_code');
    if (!unitCodes.has(code)) {
      if (writtenCodes.has(code)) return false;
      issues.push(
        issue(
          'error',
          file,
          r._line,
          'unit_code',
          code,
          'known_unit',
          `this code is not a unit of ${meta.province.name_vi} in ${fileOf('units')}`,
        ),
      );
      return false;
    }
    if (!unitAt(code, n(r, 'year'))) {
      issues.push(
        issue(
          'error',
          file,
          r._line,
          'unit_code',
          code,
          'unit_in_period',
          `the unit did not exist on ${yearEnd(n(r, 'year'))} (see valid_from / valid_to in ${fileOf('units')})`,
        ),
      );
      return false;
    }
    return true;
  };
  const knownYear = (file: string, r: TypedRow) => {
    if (meta.years.includes(n(r, 'year'))) return true;
    issues.push(
      issue('error', file, r._line, 'year', r.year, 'year_in_metadata', `metadata.json covers the years ${meta.years.join(', ')}`),
    );
    return false;
  };
  const knownStandard = (file: string, r: TypedRow) => {
    const st = standards.get(s(r, 'standard'));
    if (!st) {
      issues.push(
        issue('error', file, r._line, 'standard', r.standard, 'known_standard', `declared standards: ${[...standards.keys()].join(', ')}`),
      );
      return false;
    }
    if (r.year != null && !st.years.includes(n(r, 'year'))) {
      issues.push(
        issue('error', file, r._line, 'year', r.year, 'standard_year', `the standard "${st.id}" applies in ${st.years.join(', ')} only`),
      );
      return false;
    }
    return true;
  };
  const atMost = (file: string, r: TypedRow, part: string, whole: string | string[], rule: string) => {
    const wholes = Array.isArray(whole) ? whole : [whole];
    // An optional column a province does not collect has nothing to check.
    if ([part, ...wholes].some((c) => r[c] == null)) return;
    const limit = wholes.reduce((a, c) => a + n(r, c), 0);
    if (n(r, part) > limit) {
      issues.push(issue('error', file, r._line, part, r[part], rule, `${part} cannot exceed ${wholes.join(' + ')} (${limit})`));
    }
  };

  const povertyKey = (r: TypedRow) => `${r.unit_code}|${r.year}|${r.standard}`;
  const POVERTY_KEY = TABLES.find((spec) => spec.name === 'poverty')!.key;
  const dropped = (unit_code: unknown, year: unknown, standard: unknown) =>
    droppedPoverty.has(writtenKey({ unit_code: String(unit_code), year: String(year), [STANDARDS_COLUMN]: String(standard) }, POVERTY_KEY));
  const povertyByKey = new Map<string, TypedRow>();
  for (const r of t.poverty) {
    const f = fileOf('poverty');
    if (!knownYear(f, r) || !knownStandard(f, r) || !inPeriod(f, r)) continue;
    povertyByKey.set(povertyKey(r), r);
    atMost(f, r, 'poor', 'households', 'poor_le_households');
    atMost(f, r, 'near_poor', 'households', 'near_poor_le_households');
    if (n(r, 'poor') + n(r, 'near_poor') > n(r, 'households')) {
      issues.push(
        issue('error', f, r._line, 'near_poor', r.near_poor, 'poor_near_poor_le_households', 'poor + near_poor cannot exceed households'),
      );
    }
    atMost(f, r, 'households_em', 'households', 'subset_le_total');
    atMost(f, r, 'poor_em', 'poor', 'subset_le_total');
    atMost(f, r, 'poor_em', 'households_em', 'subset_le_total');
    atMost(f, r, 'near_poor_em', 'near_poor', 'subset_le_total');
    atMost(f, r, 'newly_escaped', 'households', 'subset_le_total');
    for (const stock of ['poor', 'near_poor']) {
      if (['start', 'exited', 'new', 'relapsed'].some((f) => r[`${stock}_${f}`] == null)) continue;
      const expected = n(r, `${stock}_start`) - n(r, `${stock}_exited`) + n(r, `${stock}_new`) + n(r, `${stock}_relapsed`);
      if (expected !== n(r, stock)) {
        issues.push(
          issue(
            'error',
            f,
            r._line,
            stock,
            r[stock],
            'flow_reconciles',
            `end of year must equal start − exited + new + relapsed = ${expected}`,
          ),
        );
      }
    }
  }
  for (const r of povertyByKey.values()) {
    const unit = unitAt(s(r, 'unit_code'), n(r, 'year'));
    const before = povertyByKey.get(`${r.unit_code}|${n(r, 'year') - 1}|${r.standard}`);
    if (unit && !unit.predecessor_codes && before) {
      for (const stock of ['poor', 'near_poor']) {
        if (r[`${stock}_start`] != null && n(before, stock) !== n(r, `${stock}_start`)) {
          issues.push(
            issue(
              'warning',
              fileOf('poverty'),
              r._line,
              `${stock}_start`,
              r[`${stock}_start`],
              'start_matches_previous_end',
              `the start of ${r.year} differs from the end of ${n(r, 'year') - 1} (${before[stock]}, row ${before._line})`,
            ),
          );
        }
      }
    }
  }
  for (const st of meta.standards) {
    for (const year of st.years.filter((y) => meta.years.includes(y))) {
      for (const u of unitsOfYear(unitsWithPeriods, year)) {
        if (!povertyByKey.has(`${u.unit_code}|${year}|${st.id}`) && !dropped(u.unit_code, year, st.id)) {
          issues.push(
            issue(
              'warning',
              fileOf('poverty'),
              0,
              'unit_code',
              u.unit_code,
              'complete_units',
              `no row for ${u.unit_code} in ${year} under "${st.id}": totals will leave it out`,
            ),
          );
        }
      }
    }
  }

  for (const r of t.deprivation ?? []) {
    const p = povertyByKey.get(povertyKey(r));
    if (!p && dropped(r.unit_code, r.year, r.standard)) continue;
    if (!p) {
      issues.push(
        issue(
          'error',
          fileOf('deprivation'),
          r._line,
          'unit_code',
          povertyKey(r),
          'matches_poverty_row',
          'no poverty row has this unit, year and standard',
        ),
      );
    } else if (n(r, 'households_deprived') > n(p, 'poor') + n(p, 'near_poor')) {
      issues.push(
        issue(
          'error',
          fileOf('deprivation'),
          r._line,
          'households_deprived',
          r.households_deprived,
          'deprived_le_poor_near_poor',
          `cannot exceed the poor + near-poor households of that unit (${n(p, 'poor') + n(p, 'near_poor')})`,
        ),
      );
    }
  }
  for (const r of t.coverage ?? []) {
    if (!knownYear(fileOf('coverage'), r) || !inPeriod(fileOf('coverage'), r)) continue;
    atMost(fileOf('coverage'), r, 'covered', 'eligible', 'covered_le_eligible');
  }
  const villageIds = new Set((t.villages ?? []).map((v) => s(v, 'village_id')));
  for (const v of t.villages ?? []) {
    if (!unitCodes.has(s(v, 'unit_code')))
      issues.push(
        issue(
          'error',
          fileOf('villages'),
          v._line,
          'unit_code',
          v.unit_code,
          'known_unit',
          `this code is not a unit of ${meta.province.name_vi} in ${fileOf('units')}`,
        ),
      );
  }
  for (const c of t.village_criteria ?? []) {
    if (!villageIds.has(s(c, 'village_id')))
      issues.push(
        issue(
          'error',
          fileOf('village_criteria'),
          c._line,
          'village_id',
          c.village_id,
          'known_village',
          `this village is not in ${fileOf('villages')}`,
        ),
      );
  }
  validatePlan(t, meta, issues, fileOf);
  for (const r of [...(t.targets ?? []), ...(t.published_figures ?? [])]) {
    if (r.standard != null && !standards.has(s(r, 'standard'))) {
      const file = 'target_id' in r ? fileOf('targets') : fileOf('published_figures');
      issues.push(
        issue('error', file, r._line, 'standard', r.standard, 'known_standard', `declared standards: ${[...standards.keys()].join(', ')}`),
      );
    }
  }
}
