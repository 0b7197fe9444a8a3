import { planTargets, targetProgress, type RowOf } from '../lib/queries.ts';
import { isMeasured } from '../lib/target-indicators.ts';
import { targetStatus } from '../lib/target-status.ts';
import { query } from './db.ts';
import { once } from './memo.ts';

export type PlanTarget = RowOf<typeof planTargets> & {
  status: ReturnType<typeof targetStatus>;
  series: { year: number; actual: number | null }[];
  /** Where a target holds in every district or commune: the one whose result is shown (furthest from the target). */
  decidedBy: string | null;
  /** The coverage programme a target measures, when it is a coverage target. */
  programme: string | null;
  /** Whether the atlas measures it: a plan's other targets (income, schooling) are listed by their text alone. */
  measured: boolean;
};

/** The years the plan sets targets for, latest first: each has its one-page report. */
export const targetYears = (targets: readonly { year: number }[]) => [...new Set(targets.map((t) => t.year))].sort((a, b) => b - a);

/** Every plan target with its results by year and where it stands (read once per build). */
export const listTargets = () =>
  once('targets', async () => {
    const targets = await query(planTargets());
    const progress = await query(targetProgress());
    return targets.map((t) => {
      const series = progress.filter((p) => p.target_id === t.target_id);
      const measured = isMeasured(t);
      const status = measured ? targetStatus(t.year, series) : { status: 'not_measured' as const, actual: null, year: null };
      return {
        ...t,
        series,
        status,
        decidedBy: series.find((s) => s.year === status.year)?.decided_by ?? null,
        programme: t.indicator.startsWith('coverage_') ? t.indicator.slice('coverage_'.length) : null,
        measured,
      };
    });
  });
