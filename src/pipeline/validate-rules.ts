import type { Metadata } from './metadata.ts';
import { issue, type Issue } from './issues.ts';
import { unitAtYearEnd, unitsOfYear, yearEnd } from '../lib/periods.ts';
import { type TypedRow, writtenKey } from './validate-columns.ts';
import { COVERAGE_PROGRAMMES, DEPRIVATION_INDICATORS, STANDARDS_COLUMN, TABLES } from './input-schema.ts';
import { isMeasured, TARGET_UNIT_OF, targetUnitWritten } from '../lib/target-indicators.ts';

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
  // A plan section's figures are found by these references; one that names nothing would be left
  // off its page without a word.
  const referable: Record<string, readonly string[]> = { deprivation: DEPRIVATION_INDICATORS, coverage: COVERAGE_PROGRAMMES };
  for (const r of t.plan_sections ?? []) {
    for (const reference of ((r.indicators as string | null) ?? '')
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const [table, code] = reference.split(':').map((x) => x.trim());
      if (referable[table]?.includes(code)) continue;
      issues.push(
        issue(
          'warning',
          fileOf('plan_sections'),
          r._line,
          'indicators',
          reference,
          'known_reference',
          `not a figure of the dataset, so the section shows none for it: write deprivation:<indicator> (${DEPRIVATION_INDICATORS.join(', ')}) or coverage:<programme> (${COVERAGE_PROGRAMMES.join(', ')})`,
        ),
      );
    }
  }
  for (const r of t.targets ?? []) {
    // The atlas judges and shows a target in its indicator's unit. A target written in another ("%"
    // of a number of households: a relative cut, which nothing here measures) would be misjudged;
    // a unit it does not know ("người") is shown as the indicator's, and said so.
    const unit = TARGET_UNIT_OF[s(r, 'indicator')];
    // A plan sets targets the dataset cannot measure (income, schooling): each is still listed, with
    // its text and without a result. A near miss of a measured one is a mistake, which would lose the result.
    if (!unit) {
      const meant = Object.keys(TARGET_UNIT_OF).find((i) => i.toLowerCase() === s(r, 'indicator').toLowerCase().replaceAll('-', '_'));
      issues.push(
        meant
          ? issue('error', fileOf('targets'), r._line, 'indicator', r.indicator, 'measured_indicator', `did you mean "${meant}"?`)
          : issue(
              'warning',
              fileOf('targets'),
              r._line,
              'indicator',
              r.indicator,
              'measured_indicator',
              `the atlas does not measure this indicator: the target is listed with its text, without a result (it measures ${Object.keys(TARGET_UNIT_OF).join(', ')})`,
            ),
      );
    }
    const written = targetUnitWritten(s(r, 'unit'));
    if (unit && written !== unit && !(unit === 'percentage points' && written === '%'))
      issues.push(
        written
          ? issue(
              'error',
              fileOf('targets'),
              r._line,
              'unit',
              r.unit,
              'indicator_unit',
              `${r.indicator} is measured in ${unit}, not ${written}: choose the indicator that measures this target, or leave it out`,
            )
          : issue(
              'warning',
              fileOf('targets'),
              r._line,
              'unit',
              r.unit,
              'indicator_unit',
              `not a unit the atlas knows: ${r.indicator} is measured in ${unit}, and pages show it so`,
            ),
      );
    // Coverage and villages are counted whatever the standard; a poverty figure is one standard's,
    // and where a year has several, a target that names none is judged by whichever is further from it.
    const byStandard = unit && !s(r, 'indicator').startsWith('coverage_') && r.indicator !== 'villages_exited';
    const standardsOfYear = meta.standards.filter((st) => st.years.includes(n(r, 'year'))).map((st) => st.id);
    if (unit && !byStandard && r.standard != null)
      issues.push(
        issue(
          'warning',
          fileOf('targets'),
          r._line,
          'standard',
          r.standard,
          'standard_not_used',
          `${r.indicator} is counted whatever the standard: it is not used`,
        ),
      );
    if (byStandard && r.standard == null && standardsOfYear.length > 1)
      issues.push(
        issue(
          'warning',
          fileOf('targets'),
          r._line,
          'standard',
          '',
          'standard_named',
          `${r.year} has ${standardsOfYear.length} standards (${standardsOfYear.join(', ')}): the target is judged by whichever result is further from it; name the standard the plan means`,
        ),
      );
    // Villages are counted for the province as a whole: no district or commune has a result to judge.
    if (unit && !isMeasured({ indicator: s(r, 'indicator'), scope: s(r, 'scope') }))
      issues.push(
        issue(
          'warning',
          fileOf('targets'),
          r._line,
          'scope',
          r.scope,
          'scope_measured',
          `${r.indicator} is measured for the province only: the target is listed with its text, without a result`,
        ),
      );
  }
  for (const r of [...(t.targets ?? []), ...(t.published_figures ?? [])]) {
    if (r.standard != null && !standards.has(s(r, 'standard'))) {
      const file = 'target_id' in r ? fileOf('targets') : fileOf('published_figures');
      issues.push(
        issue('error', file, r._line, 'standard', r.standard, 'known_standard', `declared standards: ${[...standards.keys()].join(', ')}`),
      );
    }
  }
}
