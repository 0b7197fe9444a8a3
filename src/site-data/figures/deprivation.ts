import { labelOf, translator } from '../../i18n/t.ts';
import { heatmap } from '../../lib/charts/heatmap.ts';
import { missingText } from '../../lib/cells.ts';
import { formatPercent } from '../../lib/format.ts';
import { isIllustrative } from '../../lib/manifest.ts';
import { deprivationByDistrict, deprivationPeriods } from '../../lib/queries.ts';
import { periodSlug } from '../../lib/shape/map-views.ts';
import { once } from '../memo.ts';
import { datasetSource, provinceWords, rateBase, standardShort } from '../page.ts';
import { loadManifest, query } from '../db.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/** A year under one poverty standard. */
export type Period = {
  year: number;
  standard: string;
};

/** Years and standards with district deprivation figures (read once per build). */
export const listDeprivationPeriods = () => once('deprivation-periods', () => query(deprivationPeriods()));

/** Which of the 12 indicators poor and near-poor households lack most, for the province and each district. */
async function drawDeprivation({ year, standard }: Period, { locale, svgId }: DrawContext): Promise<Drawing> {
  const t = translator(locale);
  const { kind } = provinceWords(locale);
  const manifest = loadManifest();
  const rows = await query(deprivationByDistrict(year, standard));
  const units = [...new Map(rows.map((r) => [r.unit_code, { key: r.unit_code, label: r.unit_name, level: r.level }])).values()];
  const byCell = new Map(rows.map((r) => [`${r.indicator}|${r.unit_code}`, r]));
  const province = units.find((u) => u.level === 'province');
  // Indicators in the order the province lacks them most, so the heaviest rows come first.
  const indicators = [...new Set(rows.map((r) => r.indicator))]
    .map((key) => ({
      key,
      label: labelOf(locale, 'deprivation', key),
      share: province ? (byCell.get(`${key}|${province.key}`)?.share_deprived ?? -1) : 0,
    }))
    .sort((a, b) => b.share - a.share || a.key.localeCompare(b.key));
  const rate = rateBase('deprivation', 'share_deprived')!;
  const shareOf = (ind: string, unit: string) => byCell.get(`${ind}|${unit}`)?.share_deprived ?? null;
  // Why a cell has no share: its households are too few for one, or there is no row at all.
  const missingOf = (ind: string, unit: string) => missingText(locale, byCell.get(`${ind}|${unit}`) ?? {}, rate);
  const format = (v: number) => formatPercent(locale, v, 1)!;
  const standardName = standardShort(locale, standard);
  const title = t('deprivation.view.title', { year, standard: standardName });
  return {
    title,
    description: t('deprivation.view.desc', { kind }),
    chart: heatmap(indicators, units, (ind, unit) => ({ value: shareOf(ind, unit), missing: missingOf(ind, unit) }), {
      id: svgId,
      title,
      description: t('deprivation.view.desc', { kind }),
      format,
      missingLabel: t('no_data'),
      top: 100,
    }),
    source: datasetSource(locale, 'deprivation'),
    illustrative: isIllustrative(manifest, 'deprivation'),
    notes: [t('deprivation.view.note', { kind }), t('rate.too_few.dash', { min: rate.min })],
    table: {
      columns: [
        { key: 'indicator', label: t('col.indicator'), numeric: false },
        ...units.map((u) => ({ key: u.key, label: u.label, numeric: true })),
      ],
      rowHeader: 0,
      rows: indicators.map((ind) => ({
        key: ind.key,
        cells: [
          ind.label,
          ...units.map((u) => {
            const share = shareOf(ind.key, u.key);
            return share == null ? missingOf(ind.key, u.key) : format(share);
          }),
        ],
        values: [ind.key, ...units.map((u) => shareOf(ind.key, u.key))],
      })),
    },
  };
}

export const deprivationFigure: FigureKind<Period> = {
  instances: listDeprivationPeriods,
  id: ({ year, standard }) => `deprivation/${periodSlug(year, standard)}`,
  page: ({ year, standard }) => `deprivation/${periodSlug(year, standard)}/`,
  draw: drawDeprivation,
};
