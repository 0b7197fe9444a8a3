import { unitsOfYear } from '../lib/periods.ts';
import type { Profile, UnitInput } from './profiles.ts';
import { apportion, type Rng } from './random.ts';

export interface StockTargets {
  poor: number;
  near_poor: number;
}

export interface StandardPlan {
  id: string;
  years: number[];
  /** Province totals at the end of each year. */
  end: Record<number, StockTargets>;
  /** Province totals at the start of the first year (later years start where the last one ended). */
  start: StockTargets;
  /** District totals that must hold exactly, from published district figures. */
  pins: { year: number; district_code: string; poor?: number; near_poor?: number; poor_start?: number }[];
}

export interface PovertyRow {
  unit_code: string;
  year: number;
  standard: string;
  households: number;
  poor_start: number;
  poor_exited: number;
  poor_new: number;
  poor_relapsed: number;
  poor: number;
  near_poor_start: number;
  near_poor_exited: number;
  near_poor_new: number;
  near_poor_relapsed: number;
  near_poor: number;
  households_em: number;
  poor_em: number;
  near_poor_em: number;
  newly_escaped: number;
}

export interface GeneratorContext {
  units: UnitInput[];
  profileOf: (u: UnitInput) => Profile;
  households: Record<number, number>;
  rng: Rng;
}

type Stock = 'poor' | 'near_poor';

/** Apportions a total by weight without giving any unit more than its room; what does not fit goes to the others. */
function apportionWithin(total: number, weights: number[], room: number[]): number[] {
  const parts = weights.map(() => 0);
  let left = total;
  for (let round = 0; left > 0 && round < 50; round += 1) {
    const open = weights.map((w, i) => (parts[i] < room[i] ? w : 0));
    if (open.every((w) => w === 0)) break;
    const share = apportion(left, open);
    left = 0;
    share.forEach((n, i) => {
      const take = Math.min(n, room[i] - parts[i]);
      parts[i] += take;
      left += n - take;
    });
  }
  return parts;
}

/** Allocates a province total to units, honouring district pins, by each unit's (noisy) poverty weight. */
function allocate(
  ctx: GeneratorContext,
  units: UnitInput[],
  total: number,
  pins: Map<string, number>,
  room: Map<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const weight = (u: UnitInput) => ctx.profileOf(u).weight * Math.exp(ctx.rng.normal(0, 0.25));
  const groups = new Map<string, UnitInput[]>();
  for (const u of units) {
    const key = pins.has(u.district_code) ? u.district_code : '';
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const pinned = [...pins.values()].reduce((a, b) => a + b, 0);
  for (const [key, members] of groups) {
    const groupTotal = key === '' ? Math.max(0, total - pinned) : pins.get(key)!;
    const counts = apportionWithin(
      groupTotal,
      members.map(weight),
      members.map((u) => room.get(u.unit_code) ?? Infinity),
    );
    counts.forEach((n, i) => {
      out.set(members[i].unit_code, n);
    });
  }
  return out;
}

/** A unit starts the year with what its predecessors ended the last one with; a split unit's stock is shared out. */
function startStocks(units: UnitInput[], previous: Map<string, PovertyRow>, stock: Stock): Map<string, number> {
  const sourcesOf = (u: UnitInput) => (u.predecessor_codes ? u.predecessor_codes.split(';') : [u.unit_code]);
  const successors = new Map<string, number>();
  for (const u of units) for (const code of sourcesOf(u)) successors.set(code, (successors.get(code) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const u of units) {
    let sum = 0;
    for (const code of sourcesOf(u)) {
      const row = previous.get(code);
      if (row) sum += Math.round(row[stock] / successors.get(code)!);
    }
    out.set(u.unit_code, sum);
  }
  return out;
}

function flows(rng: Rng, start: number, end: number) {
  const relapsed = rng.count(0.03 * start + 0.05);
  let added = rng.count(0.1 * end + 0.15);
  let exited = start + added + relapsed - end;
  if (exited < 0) {
    added -= exited;
    exited = 0;
  }
  return { exited, added, relapsed };
}

export function generatePoverty(ctx: GeneratorContext, plan: StandardPlan): PovertyRow[] {
  const rows: PovertyRow[] = [];
  let previous: Map<string, PovertyRow> | null = null;
  const exitedHistory = new Map<string, number[]>();
  for (const year of plan.years) {
    const units = unitsOfYear(ctx.units, year);
    const sizes = apportion(
      ctx.households[year],
      units.map((u) => ctx.profileOf(u).households),
    );
    const pinsFor = (key: 'poor' | 'near_poor' | 'poor_start') =>
      new Map(plan.pins.filter((p) => p.year === year && p[key] != null).map((p) => [p.district_code, p[key]!]));
    // At most 60% of a unit's households are poor or near-poor, as in the poorest real communes.
    const room = new Map(units.map((u, i) => [u.unit_code, Math.floor(sizes[i] * 0.6)]));
    const rest = (taken: Map<string, number>) => new Map([...room].map(([code, r]) => [code, r - (taken.get(code) ?? 0)]));
    const startPoor = previous ? startStocks(units, previous, 'poor') : allocate(ctx, units, plan.start.poor, pinsFor('poor_start'), room);
    const start = {
      poor: startPoor,
      near_poor: previous
        ? startStocks(units, previous, 'near_poor')
        : allocate(ctx, units, plan.start.near_poor, new Map(), rest(startPoor)),
    };
    const endPoor = allocate(ctx, units, plan.end[year].poor, pinsFor('poor'), room);
    const end = { poor: endPoor, near_poor: allocate(ctx, units, plan.end[year].near_poor, pinsFor('near_poor'), rest(endPoor)) };
    const current = new Map<string, PovertyRow>();
    units.forEach((u, i) => {
      const p = ctx.profileOf(u);
      const households = sizes[i];
      const poor = end.poor.get(u.unit_code)!;
      const nearPoor = end.near_poor.get(u.unit_code)!;
      const fp = flows(ctx.rng, start.poor.get(u.unit_code)!, poor);
      const fn = flows(ctx.rng, start.near_poor.get(u.unit_code)!, nearPoor);
      const householdsEm = Math.round(households * p.emShare);
      const emOf = (n: number) => Math.min(n, householdsEm, Math.round(n * Math.min(1, p.emShare * 1.6)));
      const history = [...(exitedHistory.get(u.unit_code) ?? []), fp.exited].slice(-3);
      exitedHistory.set(u.unit_code, history);
      const row: PovertyRow = {
        unit_code: u.unit_code,
        year,
        standard: plan.id,
        households,
        poor_start: start.poor.get(u.unit_code)!,
        poor_exited: fp.exited,
        poor_new: fp.added,
        poor_relapsed: fp.relapsed,
        poor,
        near_poor_start: start.near_poor.get(u.unit_code)!,
        near_poor_exited: fn.exited,
        near_poor_new: fn.added,
        near_poor_relapsed: fn.relapsed,
        near_poor: nearPoor,
        households_em: householdsEm,
        poor_em: emOf(poor),
        near_poor_em: emOf(nearPoor),
        newly_escaped: history.reduce((a, b) => a + b, 0),
      };
      rows.push(row);
      current.set(u.unit_code, row);
    });
    previous = current;
  }
  return rows;
}
