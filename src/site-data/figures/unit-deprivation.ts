import { labelOf, translator, type Locale } from '../../i18n/t.ts';
import { barChart } from '../../lib/charts/bar-chart.ts';
import { drawnTwice, type FigureModel } from '../../lib/figure.ts';
import { formatPercent } from '../../lib/format.ts';
import { isIllustrative, standardName } from '../../lib/manifest.ts';
import { unitDeprivation } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { once } from '../memo.ts';
import { datasetSource } from '../page.ts';
import { loadManifest, query } from '../db.ts';

type Row = {
  indicator: string;
  share_deprived: number | null;
  year: number;
  standard: string;
  unit_name: string;
};

/** A unit's deprivation profile: the share of its poor and near-poor households lacking each indicator; null when it has none. */
async function drawUnitDeprivationFigure(locale: Locale, level: 'district' | 'commune', code: string): Promise<FigureModel | null> {
  const t = translator(locale);
  const manifest = loadManifest();
  const rows = await query<Row>(unitDeprivation(level, code));
  const first = rows[0];
  if (!first) return null;
  const id = `${unitPage(level, code)}deprivation`;
  // The unit is named in the title, so that an embed, a download or a report says whose profile it is.
  const title = t('unit.deprivation.title', {
    name: first.unit_name,
    year: first.year,
    standard: standardName(manifest, first.standard, locale),
  });
  const format = (v: number) => formatPercent(locale, v, 1)!;
  return {
    id,
    page: unitPage(level, code),
    title,
    description: t('unit.deprivation.desc'),
    ...drawnTwice((width, suffix) =>
      barChart(
        rows.map((d) => ({ key: d.indicator, label: labelOf(locale, 'deprivation', d.indicator), value: d.share_deprived })),
        {
          id: id.replaceAll('/', '-') + suffix,
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

/** The figure above, drawn once per build: its page, its embed and its files share it. */
export const unitDeprivationFigure = (locale: Locale, level: 'district' | 'commune', code: string) =>
  once(`${locale}:${unitPage(level, code)}deprivation`, () => drawUnitDeprivationFigure(locale, level, code));
