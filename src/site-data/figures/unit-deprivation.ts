import { unitInDistrict } from '../../lib/place.ts';
import { labelOf, translator } from '../../i18n/t.ts';
import { barChart } from '../../lib/charts/bar-chart.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { isIllustrative } from '../../lib/manifest.ts';
import { unitDeprivation } from '../../lib/queries.ts';
import { tooFewForRate } from '../../lib/rate-bases.ts';
import { unitPage } from '../../lib/routes.ts';
import { datasetSource, rateBase, standardShort } from '../page.ts';
import { loadManifest, rowsOfUnit } from '../db.ts';
import { listUnits, type UnitRef } from '../units.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/**
 * A unit's deprivation profile: the share of its poor and near-poor households lacking each
 * indicator, or, where they are too few for a share, how many of them lack it; null when it has none.
 */
async function drawUnitDeprivation({ level, code }: UnitRef, { locale, svgId }: DrawContext): Promise<Drawing | null> {
  const t = translator(locale);
  const manifest = loadManifest();
  const rows = await rowsOfUnit(unitDeprivation(level), code);
  const first = rows[0];
  if (!first) return null;
  const rate = rateBase('deprivation', 'share_deprived')!;
  const counts = tooFewForRate(first.poor_near_poor, rate.min);
  const words = { name: unitInDistrict(first, level), year: first.year, standard: standardShort(locale, first.standard) };
  // The unit is named in the title, so that an embed, a download or a report says whose profile it is.
  const title = t(counts ? 'unit.deprivation.counts.title' : 'unit.deprivation.title', words);
  const description = counts
    ? t('unit.deprivation.counts.desc', { base: formatNumber(locale, first.poor_near_poor)!, min: rate.min })
    : t('unit.deprivation.desc');
  const format = (v: number) => (counts ? formatNumber(locale, v)! : formatPercent(locale, v, 1)!);
  const shown = (d: (typeof rows)[number]) => (counts ? d.households_deprived : d.share_deprived);
  const missing = t('no_data');
  return {
    title,
    description,
    ...drawnTwice((width, suffix) =>
      barChart(
        rows.map((d) => ({ key: d.indicator, label: labelOf(locale, 'deprivation', d.indicator), value: shown(d) })),
        { id: svgId + suffix, width, title, description, format, missingLabel: missing },
      ),
    ),
    source: datasetSource(locale, 'deprivation'),
    illustrative: isIllustrative(manifest, 'deprivation'),
    notes: counts ? [description] : [],
    table: {
      columns: [
        { key: 'indicator', label: t('col.indicator'), numeric: false },
        counts
          ? { key: 'households_deprived', label: t('col.households_deprived'), numeric: true }
          : { key: 'share_deprived', label: '%', numeric: true },
      ],
      rowHeader: 0,
      rows: rows.map((d) => {
        const value = shown(d);
        return {
          key: d.indicator,
          cells: [labelOf(locale, 'deprivation', d.indicator), value == null ? missing : format(value)],
          values: [d.indicator, value],
        };
      }),
    },
  };
}

export const unitDeprivationFigure: FigureKind<UnitRef> = {
  instances: listUnits,
  id: ({ level, code }) => `${unitPage(level, code)}deprivation`,
  page: ({ level, code }) => unitPage(level, code),
  draw: drawUnitDeprivation,
};
