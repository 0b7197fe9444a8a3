import { labelOf, translator } from '../../i18n/t.ts';
import { barChart } from '../../lib/charts/bar-chart.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatPercent } from '../../lib/format.ts';
import { isIllustrative } from '../../lib/manifest.ts';
import { unitDeprivation } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { datasetSource, standardShort } from '../page.ts';
import { loadManifest, rowsOfUnit } from '../db.ts';
import { listUnits, type UnitRef } from '../units.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/** A unit's deprivation profile: the share of its poor and near-poor households lacking each indicator; null when it has none. */
async function drawUnitDeprivation({ level, code }: UnitRef, { locale, svgId }: DrawContext): Promise<Drawing | null> {
  const t = translator(locale);
  const manifest = loadManifest();
  const rows = await rowsOfUnit(unitDeprivation(level), code);
  const first = rows[0];
  if (!first) return null;
  // The unit is named in the title, so that an embed, a download or a report says whose profile it is.
  const title = t('unit.deprivation.title', {
    name: first.unit_name,
    year: first.year,
    standard: standardShort(locale, first.standard),
  });
  const format = (v: number) => formatPercent(locale, v, 1)!;
  return {
    title,
    description: t('unit.deprivation.desc'),
    ...drawnTwice((width, suffix) =>
      barChart(
        rows.map((d) => ({ key: d.indicator, label: labelOf(locale, 'deprivation', d.indicator), value: d.share_deprived })),
        {
          id: svgId + suffix,
          width,
          title,
          description: t('unit.deprivation.desc'),
          format,
          missingLabel: t('no_data'),
        },
      ),
    ),
    source: datasetSource(locale, 'deprivation'),
    illustrative: isIllustrative(manifest, 'deprivation'),
    notes: [],
    table: {
      columns: [
        { key: 'indicator', label: t('col.indicator'), numeric: false },
        { key: 'share_deprived', label: '%', numeric: true },
      ],
      rowHeader: 0,
      rows: rows.map((d) => ({
        key: d.indicator,
        cells: [labelOf(locale, 'deprivation', d.indicator), d.share_deprived == null ? t('no_data') : format(d.share_deprived)],
        values: [d.indicator, d.share_deprived],
      })),
    },
  };
}

export const unitDeprivationFigure: FigureKind<UnitRef> = {
  instances: listUnits,
  id: ({ level, code }) => `${unitPage(level, code)}deprivation`,
  page: ({ level, code }) => unitPage(level, code),
  draw: drawUnitDeprivation,
};
