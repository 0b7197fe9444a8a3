import type { MapDatum } from '../charts/legend.ts';
import type { TileGroup } from '../charts/tile-map.ts';
import type { RateBase } from '../cells.ts';
import { tooFewForRate } from '../rate-bases.ts';

export interface MapRow extends Record<string, unknown> {
  unit_code: string;
  unit_name: string;
  group_code: string | null;
  group_name: string | null;
  value: number | null;
  complete: boolean;
  note: string | null;
}

export interface MissingLabels {
  noData: string;
  partial: string;
  tooFew: string;
}

/**
 * Each unit's value, or the reason it has none: not computable (split unit), too few for a rate
 * (its base, one of the row's counts, is below the least a rate is given for), or no data.
 */
export function mapData(rows: MapRow[], labels: MissingLabels, rate?: RateBase): Map<string, MapDatum> {
  return new Map(
    rows.map((r) => {
      const tooFew = r.value == null && r.complete && rate != null && tooFewForRate(r[rate.base], rate.min);
      const missing = r.value != null ? undefined : !r.complete ? labels.partial : tooFew ? labels.tooFew : labels.noData;
      return [r.unit_code, { name: r.unit_name, value: r.value, missing, hatched: !r.complete || undefined, tooFew: tooFew || undefined }];
    }),
  );
}

/** Units in their groups (districts), in the order the rows come; units with no group last. */
export function tileGroups(rows: MapRow[], ungrouped: string): TileGroup[] {
  const groups = new Map<string, TileGroup>();
  for (const r of rows) {
    const code = r.group_code ?? '';
    if (!groups.has(code)) groups.set(code, { code, name: r.group_name ?? ungrouped, units: [] });
    groups.get(code)!.units.push(r.unit_code);
  }
  return [...groups.values()];
}
