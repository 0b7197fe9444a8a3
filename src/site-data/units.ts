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
export const listCommunes = () => once('communes', () => query<CommuneEntry>(communeIndex()));
export const listDistricts = () => once('districts', () => query<{ unit_code: string; unit_name: string }>(districtIndex()));
