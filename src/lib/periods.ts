/** Which administrative units a year's figures are reported on: those valid on 31 December. */
export interface UnitPeriod {
  unit_code: string;
  valid_from: string;
  valid_to: string | null;
}

export const yearEnd = (year: number): string => `${year}-12-31`;

export const validOn = (unit: Pick<UnitPeriod, 'valid_from' | 'valid_to'>, date: string): boolean =>
  unit.valid_from <= date && (unit.valid_to == null || unit.valid_to === '' || date <= unit.valid_to);

/** The day before a date (yyyy-mm-dd): the last day of what a change on that date ended. */
export const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Finds the period of a unit code that a year's figures are reported on (valid on 31 December). */
export function unitAtYearEnd<T extends UnitPeriod>(units: T[]): (code: string, year: number) => T | undefined {
  const periods = new Map<string, T[]>();
  for (const u of units) periods.set(u.unit_code, [...(periods.get(u.unit_code) ?? []), u]);
  // Asked once a row: a national table's million rows span a handful of years.
  const ends = new Map<number, string>();
  return (code, year) => {
    let end = ends.get(year);
    if (end === undefined) {
      end = yearEnd(year);
      ends.set(year, end);
    }
    return periods.get(code)?.find((u) => validOn(u, end));
  };
}

export function unitsOfYear<T extends UnitPeriod>(units: T[], year: number): T[] {
  const date = yearEnd(year);
  return units.filter((u) => validOn(u, date));
}
