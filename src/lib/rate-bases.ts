import type { PUBLISHED_TABLES } from './published-tables.ts';

type Tables = typeof PUBLISHED_TABLES;
type ColumnOf<T extends keyof Tables> = keyof Tables[T]['columns'] & string;

/**
 * The count each published rate is a share of. Every count is rounded to a multiple of the
 * base, so a share of a few households is mostly rounding (5 of 5 is "100 %" for anything
 * from 1 of 9 to 9 of 9): a rate is published only where its base reaches `minRateBase`, and
 * the site says why a rate is missing by reading the base beside it.
 */
export const RATE_BASES = {
  poverty: {
    poor_rate: 'households',
    near_poor_rate: 'households',
    poor_near_poor_rate: 'households',
    poor_rate_change_pp: 'households',
    near_poor_rate_change_pp: 'households',
    em_household_share: 'households',
    em_share_of_poor: 'poor',
  },
  deprivation: { share_deprived: 'poor_near_poor' },
  coverage: { coverage_rate: 'eligible' },
  poverty_2025_units: { poor_rate: 'households', near_poor_rate: 'households' },
} as const satisfies { [T in keyof Tables]?: Partial<Record<ColumnOf<T>, ColumnOf<T>>> };

/** The column a rate is a share of, or undefined for a column that is not a rate. */
export const rateBaseOf = (table: string, column: string): string | undefined =>
  (RATE_BASES as Record<string, Record<string, string>>)[table]?.[column];

/**
 * The smallest base a rate is given for: ten rounding steps. There, rounding the part and the
 * base each by less than a step moves a rate by under 20 percentage points at the very worst and
 * by a few in most cases; at a base of one step it can move it anywhere.
 */
export const minRateBase = (roundingBase: number) => 10 * roundingBase;

/** Whether a rate is missing because its base, though published, is too small to give one. */
export const tooFewForRate = (base: unknown, min: number) => typeof base === 'number' && base < min;
