import { makeProfiles, type Profile, type UnitInput } from './profiles.ts';
import type { Rng } from './random.ts';

const keyOf = (u: UnitInput) => `${u.unit_code}@${u.valid_from}`;

/**
 * Gives every unit period a profile. A unit formed by a merger inherits its predecessors'
 * households and a household-weighted mix of their ethnic-minority share and poverty weight.
 */
export function profilesOfUnits(
  units: UnitInput[],
  emShareByDistrict: Record<string, number>,
  defaultEmShare: number,
  rng: Rng,
): (u: UnitInput) => Profile {
  const own = makeProfiles(
    units.filter((u) => !u.predecessor_codes),
    emShareByDistrict,
    defaultEmShare,
    rng,
  );
  const byKey = new Map<string, Profile>();
  const sorted = [...units].sort((a, b) => a.valid_from.localeCompare(b.valid_from) || a.unit_code.localeCompare(b.unit_code));
  for (const u of sorted) {
    if (!u.predecessor_codes) {
      byKey.set(keyOf(u), own.get(u.unit_code)!);
      continue;
    }
    const preds = u.predecessor_codes.split(';').flatMap((code) => {
      const earlier = sorted.filter((p) => p.unit_code === code && p.valid_from < u.valid_from).at(-1);
      return earlier ? [byKey.get(keyOf(earlier))!] : [];
    });
    const households = preds.reduce((a, p) => a + p.households, 0) || 1000;
    const mix = (f: (p: Profile) => number) => preds.reduce((a, p) => a + f(p) * p.households, 0) / households;
    byKey.set(keyOf(u), { households, emShare: mix((p) => p.emShare), weight: mix((p) => p.weight) });
  }
  return (u) => byKey.get(keyOf(u))!;
}
