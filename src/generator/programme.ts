import { DEPRIVATION_INDICATORS, VILLAGE_CRITERIA } from '../pipeline/input-schema.ts';
import type { PovertyRow } from './poverty.ts';
import type { Rng } from './random.ts';

/** How common each deprivation is among poor and near-poor households (illustrative shares). */
const PREVALENCE: Record<(typeof DEPRIVATION_INDICATORS)[number], number> = {
  employment: 0.38,
  dependants: 0.42,
  nutrition: 0.09,
  health_insurance: 0.06,
  adult_education: 0.47,
  child_schooling: 0.07,
  housing_quality: 0.16,
  housing_area: 0.13,
  water: 0.21,
  sanitation: 0.31,
  telecom: 0.05,
  information_access: 0.11,
};

export function generateDeprivation(rows: PovertyRow[], emShare: (code: string) => number, rng: Rng) {
  const out: { unit_code: string; year: number; standard: string; indicator: string; households_deprived: number }[] = [];
  for (const r of rows) {
    const base = r.poor + r.near_poor;
    const remote = 1 + emShare(r.unit_code);
    let counts = DEPRIVATION_INDICATORS.map((ind) =>
      Math.min(base, Math.round(base * Math.min(1, PREVALENCE[ind] * remote * Math.exp(rng.normal(0, 0.3))))),
    );
    // A poor household lacks at least three indicators (Decree 07/2021), so the counts must allow for that.
    const floor = 3 * r.poor;
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum < floor) counts = counts.map((n) => Math.min(base, Math.ceil((n + 1) * (floor / Math.max(1, sum)))));
    DEPRIVATION_INDICATORS.forEach((indicator, i) => {
      out.push({ unit_code: r.unit_code, year: r.year, standard: r.standard, indicator, households_deprived: counts[i] });
    });
  }
  return out;
}

/** Coverage of the plan's four policies, measured against the poor and near-poor of the standard in force that year. */
export function generateCoverage(rows: PovertyRow[], standardOfYear: (year: number) => string, rng: Rng) {
  const out: { unit_code: string; year: number; programme: string; eligible: number; covered: number }[] = [];
  const gap = (eligible: number, miss: number) => Math.max(0, eligible - rng.count(eligible * miss));
  for (const r of rows.filter((row) => row.year >= 2022 && row.standard === standardOfYear(row.year))) {
    const households = r.poor + r.near_poor;
    const people = Math.round(households * (3.4 + rng.uniform()));
    const pupils = Math.round(households * (0.6 + 0.5 * rng.uniform()));
    const officials = 3 + Math.floor(rng.uniform() * 6);
    const lag = r.year === 2022 ? 0.04 : 0.01;
    out.push(
      { unit_code: r.unit_code, year: r.year, programme: 'credit', eligible: households, covered: gap(households, lag) },
      { unit_code: r.unit_code, year: r.year, programme: 'bhyt', eligible: people, covered: gap(people, lag / 2) },
      { unit_code: r.unit_code, year: r.year, programme: 'tuition', eligible: pupils, covered: gap(pupils, lag) },
      { unit_code: r.unit_code, year: r.year, programme: 'officials_trained', eligible: officials, covered: gap(officials, lag * 3) },
    );
  }
  return out;
}

export interface VillagePlan {
  communes: string[];
  exitYears: number[];
  listedBy: string;
  years: number[];
}

/** Placeholder villages (their real names are not public) with a reference-criteria checklist per year. */
export function generateVillages(plan: VillagePlan, rng: Rng) {
  const villages = plan.communes.map((unit_code, i) => ({
    village_id: `V${String(i + 1).padStart(2, '0')}`,
    village_name: `Thôn ĐBKK số ${i + 1} (tên tạm)`,
    name_is_placeholder: 'yes',
    unit_code,
    listed_by: plan.listedBy,
    exit_year: plan.exitYears[i] ?? '',
    exit_decision: '',
  }));
  const criteria: { village_id: string; year: number; criterion: string; value: string; met: string }[] = [];
  villages.forEach((v, i) => {
    const exitYear = plan.exitYears[i] ?? Infinity;
    for (const year of plan.years) {
      const done = year >= exitYear;
      for (const criterion of VILLAGE_CRITERIA) {
        const met = done || rng.uniform() < 0.55 + 0.15 * (year - plan.years[0]);
        const value =
          criterion === 'poverty_rate'
            ? (met ? 4 + rng.uniform() * 10 : 16 + rng.uniform() * 8).toFixed(1)
            : criterion === 'electricity' || criterion === 'water' || criterion === 'school'
              ? (met ? 80 + rng.uniform() * 20 : 40 + rng.uniform() * 25).toFixed(1)
              : '';
        criteria.push({ village_id: v.village_id, year, criterion, value, met: met ? 'yes' : 'no' });
      }
    }
  });
  return { villages, criteria };
}
