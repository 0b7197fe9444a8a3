import type { Metadata } from './metadata.ts';
import { issue, type Issue } from './issues.ts';
import type { TypedRow } from './validate-columns.ts';
import { DEPRIVATION_INDICATORS } from './input-schema.ts';
import { COVERAGE_PROGRAMMES, isMeasured, TARGET_UNIT_OF, targetUnitWritten } from '../lib/target-indicators.ts';

const text = (r: TypedRow, c: string) => r[c] as string;
const MEASURED = Object.keys(TARGET_UNIT_OF);
const RESERVED_TARGET_IDS = ['report'];

/**
 * The plan's tables against what the dataset can show. A plan is written for people, not for the
 * atlas: what it cannot measure or show is listed as the plan words it, with a warning; only what
 * would be misjudged (a target of one unit read in another, a near miss of a measured indicator)
 * is an error.
 */
export function validatePlan(
  t: Record<string, TypedRow[] | undefined>,
  meta: Metadata,
  issues: Issue[],
  fileOf: (table: string) => string,
): void {
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
    const warn = (column: string, value: unknown, rule: string, message: string) =>
      issues.push(issue('warning', fileOf('targets'), r._line, column, value, rule, message));
    const fail = (column: string, value: unknown, rule: string, message: string) =>
      issues.push(issue('error', fileOf('targets'), r._line, column, value, rule, message));
    // A target's page is targets/<id>/, beside the reports' pages (compared as a host that ignores case would).
    if (RESERVED_TARGET_IDS.includes(text(r, 'target_id').toLowerCase()))
      fail('target_id', r.target_id, 'reserved_id', `"${r.target_id}" is the address of the targets' one-page report: choose another id`);
    const indicator = text(r, 'indicator');
    const unit = TARGET_UNIT_OF[indicator];
    if (!unit) {
      // A plan sets targets the dataset cannot measure (income, schooling): each is still listed, with
      // its text and without a result. A near miss of a measured one is a mistake, which would lose the result.
      const meant = MEASURED.find((i) => i.toLowerCase() === indicator.toLowerCase().replaceAll('-', '_'));
      if (meant) fail('indicator', indicator, 'measured_indicator', `did you mean "${meant}"?`);
      else
        warn(
          'indicator',
          indicator,
          'measured_indicator',
          `the atlas does not measure this indicator: the target is listed with its text, without a result (it measures ${MEASURED.join(', ')})`,
        );
      continue;
    }
    // The atlas judges and shows a target in its indicator's unit. A target written in another ("%"
    // of a number of households: a relative cut, which nothing here measures) would be misjudged;
    // a unit it does not know ("người") is shown as the indicator's, and said so.
    const written = targetUnitWritten(text(r, 'unit'));
    if (written && written !== unit && !(unit === 'percentage points' && written === '%'))
      fail(
        'unit',
        r.unit,
        'indicator_unit',
        `${indicator} is measured in ${unit}, not ${written}: choose the indicator that measures this target, or leave it out`,
      );
    if (!written)
      warn('unit', r.unit, 'indicator_unit', `not a unit the atlas knows: ${indicator} is measured in ${unit}, and pages show it so`);
    // Coverage and villages are counted whatever the standard; a poverty figure is one standard's,
    // and where a year has several, a target that names none is judged by whichever is further from it.
    const byStandard = !indicator.startsWith('coverage_') && indicator !== 'villages_exited';
    const standardsOfYear = meta.standards.filter((st) => st.years.includes(r.year as number)).map((st) => st.id);
    if (!byStandard && r.standard != null)
      warn('standard', r.standard, 'standard_not_used', `${indicator} is counted whatever the standard: it is not used`);
    if (byStandard && r.standard == null && standardsOfYear.length > 1)
      warn(
        'standard',
        '',
        'standard_named',
        `${r.year} has ${standardsOfYear.length} standards (${standardsOfYear.join(', ')}): the target is judged by whichever result is further from it; name the standard the plan means`,
      );
    // Villages are counted for the province as a whole: no district or commune has a result to judge.
    if (!isMeasured({ indicator, scope: text(r, 'scope') }))
      warn(
        'scope',
        r.scope,
        'scope_measured',
        `${indicator} is measured for the province only: the target is listed with its text, without a result`,
      );
  }
}
