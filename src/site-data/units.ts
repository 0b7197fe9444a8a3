import { communeIndex, communeListings, districtIndex, unitPeriods, unitSeries } from '../lib/queries.ts';
import { type UnitHistory, unitHistory } from '../lib/unit-history.ts';
import { query, rowsByUnit, rowsOfUnit } from './db.ts';
import { once } from './memo.ts';

export interface CommuneEntry {
  unit_code: string;
  unit_name: string;
  unit_type: string | null;
  district_code: string | null;
  district_name: string | null;
}

/** Every commune that has figures, each once, for the static pages (read once per build). */
export const listCommunes = () => once('communes', () => query(communeIndex()));
/** Each commune under each district it had figures in, by the name it had there (see communeListings). */
export const listCommuneListings = () => once('commune-listings', () => query(communeListings()));

/** What a commune's code was over the years it has figures for (see unit-history.ts). */
export const communeHistory = (code: string): Promise<UnitHistory | null> =>
  once(`history|${code}`, async () => {
    const [periods, rows] = await Promise.all([rowsByUnit(unitPeriods()), rowsOfUnit(unitSeries('commune'), code)]);
    return unitHistory(code, [...new Set(rows.map((r) => r.year))], (c) => periods.get(c) ?? []);
  });

export const listDistricts = () => once('districts', () => query(districtIndex()));
/** Whether the province has districts at all (a province's units after 1 July 2025 have none). */
export const hasDistricts = async () => (await listDistricts()).length > 0;

/** The codes of the communes and of the districts that have a page, for links only to those. */
export const pagedCodes = () =>
  once('paged-codes', async () => ({
    commune: new Set((await listCommunes()).map((c) => c.unit_code)),
    district: new Set((await listDistricts()).map((d) => d.unit_code)),
  }));

/** A district or commune, as the figures about one unit are parameterised. */
export interface UnitRef {
  level: 'district' | 'commune';
  code: string;
}

/** Every district and commune that has a page. */
export const listUnits = async (): Promise<UnitRef[]> => [
  ...(await listDistricts()).map((d) => ({ level: 'district' as const, code: d.unit_code })),
  ...(await listCommunes()).map((c) => ({ level: 'commune' as const, code: c.unit_code })),
];
