import { localized } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';
import { lineChart } from '../../lib/charts/line-chart.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { isIllustrative, type Manifest, tableTitle } from '../../lib/manifest.ts';
import { formatTargetGoal, formatTargetValue, targetScopeNote, targetSetBy } from '../../lib/target-format.ts';
import { loadManifest } from '../db.ts';
import { listTargets, type PlanTarget } from '../targets.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/** The table a target's results are computed from. */
export const resultTable = (indicator: string) =>
  indicator.startsWith('coverage_') ? 'coverage' : indicator === 'villages_exited' ? 'villages' : 'poverty';

/** Whether a target's result, where the atlas measures it, is computed from generated values. */
export const resultIllustrative = (manifest: Manifest, target: PlanTarget) =>
  target.measured && isIllustrative(manifest, resultTable(target.indicator));

/** A plan target's results over the years, read against the target as a dashed line. */
export const targetFigure: FigureKind<PlanTarget> = {
  // A target the atlas does not measure has no results to draw.
  instances: async () => (await listTargets()).filter((target) => target.measured),
  id: (target) => `targets/${target.target_id}`,
  page: () => 'targets/',
  draw: drawTarget,
};

function drawTarget(target: PlanTarget, { locale, svgId }: DrawContext): Drawing {
  const t = translator(locale);
  const manifest = loadManifest();
  const text = localized(target, 'text', locale);
  const show = (v: number | null) => formatTargetValue(locale, v, target.unit);
  const table = resultTable(target.indicator);
  const goal = formatTargetGoal(locale, target);
  const targetLabel = `${t('targets.card.target')}: ${goal} (${target.year})`;
  return {
    title: text,
    description: t('targets.trend'),
    ...drawnTwice((width, suffix) =>
      lineChart([{ id: 'actual', label: t('targets.card.actual'), points: target.series.map((s) => ({ x: s.year, y: s.actual })) }], {
        id: svgId + suffix,
        width,
        title: text,
        description: t('targets.trend'),
        format: (v) => show(v),
        missingLabel: t('no_data'),
        reference: { y: target.value, label: targetLabel },
        height: 240,
      }),
    ),
    source: `${targetSetBy(locale, target)}. ${t('targets.source.actual', { table: tableTitle(manifest, table, locale) })}.`,
    illustrative: isIllustrative(manifest, table),
    notes: [targetScopeNote(locale, target)].filter(Boolean),
    table: {
      columns: [
        { key: 'year', label: t('col.year'), numeric: false },
        { key: 'actual', label: t('targets.card.actual'), numeric: true },
        { key: 'target', label: t('targets.card.target'), numeric: true },
      ],
      rowHeader: 0,
      rows: target.series.map((s) => ({
        key: String(s.year),
        cells: [String(s.year), show(s.actual), s.year === target.year ? goal : ''],
        values: [s.year, s.actual, s.year === target.year ? target.value : null],
      })),
    },
  };
}
