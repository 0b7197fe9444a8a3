import type { Rng } from './random.ts';

export interface UnitInput {
  unit_code: string;
  unit_name: string;
  unit_type: string;
  district_code: string;
  valid_from: string;
  valid_to: string | null;
  predecessor_codes: string;
}

/** What makes a commune poorer or richer in the generated data: urban or rural, and its ethnic-minority share. */
export interface Profile {
  households: number;
  emShare: number;
  weight: number;
}

export function makeProfiles(
  units: UnitInput[],
  emShareByDistrict: Record<string, number>,
  defaultEmShare: number,
  rng: Rng,
): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  for (const u of units) {
    if (profiles.has(u.unit_code)) continue;
    const urban = u.unit_type === 'Phường' || u.unit_type === 'Thị trấn';
    const districtShare = emShareByDistrict[u.district_code] ?? defaultEmShare;
    const emShare = Math.min(0.98, Math.max(0, districtShare * (urban ? 0.45 : 1.15) * rng.normal(1, 0.2)));
    const households = Math.max(250, Math.round(rng.normal(urban ? 3200 : 1300, urban ? 900 : 450)));
    const weight = (urban ? 0.15 : 1) * (1 + 8 * emShare) * Math.exp(rng.normal(0, 0.5));
    profiles.set(u.unit_code, { households, emShare, weight });
  }
  return profiles;
}
