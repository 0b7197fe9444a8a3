import { communeIndex, districtIndex } from '../lib/queries.ts';
import { query } from './db.ts';
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
export const listDistricts = () => once('districts', () => query(districtIndex()));
/** Whether the province has districts at all (a province's units after 1 July 2025 have none). */
export const hasDistricts = async () => (await listDistricts()).length > 0;

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
