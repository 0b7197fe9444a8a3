import { translator, type Locale } from '../../i18n/t.ts';
import { lineChart } from '../../lib/charts/line-chart.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatNumber } from '../../lib/format.ts';
import { inLocale, isIllustrative } from '../../lib/manifest.ts';
import { villagesExitedByYear } from '../../lib/queries.ts';
import { loadManifest, query } from '../db.ts';
import type { Drawing, FigureKind } from './kind.ts';

/** How many Program-135 villages had left the list by each year; none when the dataset has no village criteria. */
export const p135ProgressFigure: FigureKind<null> = {
  instances: async () => [null],
  id: () => 'program-135/progress',
  page: () => 'program-135/',
  draw: (_, { locale, svgId }) => drawP135Progress(locale, svgId),
};

async function drawP135Progress(locale: Locale, svgId: string): Promise<Drawing | null> {
  const t = translator(locale);
  const manifest = loadManifest();
  const progress = await query(villagesExitedByYear());
  if (!progress.length) return null;
  const title = t('p135.progress.title');
  return {
    title,
    description: t('p135.progress.desc'),
    ...drawnTwice((width, suffix) =>
      lineChart([{ id: 'exited', label: t('p135.progress.series'), points: progress.map((p) => ({ x: p.year, y: p.exited })) }], {
        id: svgId + suffix,
        width,
        title,
        description: t('p135.progress.desc'),
        format: (v) => formatNumber(locale, v)!,
        missingLabel: t('no_data'),
        height: 220,
      }),
    ),
    source: inLocale(manifest.tables.find((x) => x.name === 'villages')?.source, locale),
    illustrative: isIllustrative(manifest, 'villages'),
    notes: [],
    table: {
      columns: [
        { key: 'year', label: t('col.year'), numeric: false },
        { key: 'exited', label: title, numeric: true },
        { key: 'total', label: t('p135.col.total'), numeric: true },
      ],
      rowHeader: 0,
      rows: progress.map((p) => ({
        key: String(p.year),
        data: { year: p.year },
        cells: [String(p.year), String(p.exited), String(p.total)],
        values: [p.year, p.exited, p.total],
      })),
    },
  };
}
