import { dayBefore, validOn, yearEnd } from './periods.ts';

/** One period of a unit code as the published units table gives it (dates as yyyy-mm-dd). */
export interface PublishedPeriod {
  unit_name: string;
  unit_type: string | null;
  district_code: string | null;
  district_name: string | null;
  valid_from: string;
  valid_to: string | null;
  /** Codes whose area the unit took over when this period began, `;`-separated. */
  predecessor_codes: string | null;
}

/** A name (and district) the code went by before its latest one, and the last day it did. */
export interface EarlierIdentity {
  name: string;
  districtCode: string | null;
  districtName: string | null;
  until: string;
}

export interface UnitHistory {
  /** The period of the latest year with figures: the unit the page is named after. */
  current: PublishedPeriod;
  /** Where the current unit took over other units' area: since when, and each of them with its name then. */
  formed: { since: string; from: { code: string; name: string | null }[] } | null;
  earlier: EarlierIdentity[];
  /**
   * The first year with figures on a different area (other units merged in since the year before):
   * a line over the years is not joined across it.
   */
  breaks: { year: number; since: string }[];
}

const predecessors = (p: PublishedPeriod) => (p.predecessor_codes ?? '').split(';').filter(Boolean);

/**
 * What a unit code was over the years it has figures for. A code may outlive its unit: in 2025
 * most new communes kept the code of one of the communes merged into them (06652 was Phường Hà
 * Phong, then Phường Hà Tu, twice its size), so the years before and after are different places.
 * Null where no period of the code covers any of the years.
 */
export function unitHistory(code: string, years: number[], periodsOf: (code: string) => readonly PublishedPeriod[]): UnitHistory | null {
  const periods = [...periodsOf(code)].sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  const sorted = [...years].sort((a, b) => a - b);
  const ofYear = sorted.map((year) => ({ year, period: periods.find((p) => validOn(p, yearEnd(year))) }));
  const covered = ofYear.filter((y): y is { year: number; period: PublishedPeriod } => y.period != null);
  if (covered.length === 0) return null;
  const current = covered.at(-1)!.period;

  const mergedIn = (p: PublishedPeriod) => predecessors(p).some((c) => c !== code);
  const breaks: UnitHistory['breaks'] = [];
  for (let i = 1; i < covered.length; i++) {
    const [before, after] = [yearEnd(covered[i - 1].year), yearEnd(covered[i].year)];
    const merger = periods.find((p) => p.valid_from > before && p.valid_from <= after && mergedIn(p));
    if (merger) breaks.push({ year: covered[i].year, since: merger.valid_from });
  }

  const formed = mergedIn(current)
    ? {
        since: current.valid_from,
        from: predecessors(current).map((c) => {
          const day = dayBefore(current.valid_from);
          return { code: c, name: periodsOf(c).find((p) => validOn(p, day))?.unit_name ?? null };
        }),
      }
    : null;

  // Each name and district the code went by before the current one, once, with the last day of
  // the last period that bore it.
  const earlier: EarlierIdentity[] = [];
  const same = (p: PublishedPeriod, q: { name: string; districtName: string | null }) =>
    p.unit_name === q.name && p.district_name === q.districtName;
  for (const { period } of covered) {
    if (period === current || same(period, { name: current.unit_name, districtName: current.district_name })) continue;
    const last = earlier.at(-1);
    if (last && same(period, last)) last.until = period.valid_to ?? last.until;
    else
      earlier.push({
        name: period.unit_name,
        districtCode: period.district_code,
        districtName: period.district_name,
        until: period.valid_to ?? dayBefore(current.valid_from),
      });
  }
  return { current, formed, earlier, breaks };
}
