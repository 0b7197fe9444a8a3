import { labelOf, translator, type Locale } from '../../i18n/t.ts';
import { stripPlot } from '../../lib/charts/strip-plot.ts';
import { drawnTwice, type FigureModel } from '../../lib/figure.ts';
import { formatPercent } from '../../lib/format.ts';
import { isIllustrative } from '../../lib/manifest.ts';
import { peerRates } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { standing, standings, type PeerRow, type Standing } from '../../lib/views/peers.ts';
import { once } from '../memo.ts';
import { loadManifest, query } from '../db.ts';
import { datasetSource, provinceName } from '../page.ts';

type Row = PeerRow & { district_name: string | null; year: number; standard: string };

export interface UnitStanding {
  year: number;
  standard: string;
  province: Standing;
  district: Standing | null;
  figure: FigureModel;
}

/** Where a district or commune stands among its peers by poverty rate, as a sentence's figures and a strip plot. */
async function drawUnitStanding(
  locale: Locale,
  level: 'district' | 'commune',
  code: string,
  link: (path: string) => string,
): Promise<UnitStanding | null> {
  const href = (c: string) => link(unitPage(level, c));
  const t = translator(locale);
  const manifest = loadManifest();
  const rows = await query<Row>(peerRates(level, code));
  const me = rows.find((r) => r.unit_code === code);
  const province = standing(rows, code);
  if (!me || !province) return null;
  const inDistrict = level === 'commune' && me.district_code ? rows.filter((r) => r.district_code === me.district_code) : null;
  const format = (v: number) => formatPercent(locale, v, 2)!;
  const points = (list: Row[]) =>
    list
      .filter((r) => r.poor_rate != null)
      .map((r) => ({ key: r.unit_code, name: r.unit_name, value: r.poor_rate!, href: href(r.unit_code) }));
  const strips = [
    ...(inDistrict ? [{ label: me.district_name ?? '', points: points(inDistrict) }] : []),
    { label: provinceName(locale), points: points(rows) },
  ];
  const listed = standings(inDistrict ?? rows);
  const standard = labelOf(locale, 'standard.short', me.standard);
  const title = t('peers.title', { name: me.unit_name, year: me.year, standard });
  const id = `${unitPage(level, code)}peers`;
  return {
    year: me.year,
    standard: me.standard,
    province,
    district: inDistrict ? standing(inDistrict, code) : null,
    figure: {
      id,
      page: unitPage(level, code),
      title,
      description: t('peers.desc', { name: me.unit_name }),
      ...drawnTwice((width, suffix) =>
        stripPlot(strips, {
          id: id.replaceAll('/', '-') + suffix,
          width,
          title,
          description: t('peers.desc', { name: me.unit_name }),
          format,
          highlight: code,
          distribution: (count) => t('peers.distribution', { count, level: t(`peers.level.${level}`) }),
        }),
      ),
      source: datasetSource(locale, 'poverty'),
      illustrative: isIllustrative(manifest, 'poverty'),
      notes: [],
      table: {
        columns: [
          { key: 'rank', label: t('peers.col.rank'), numeric: true },
          { key: 'unit_name', label: t('col.unit'), numeric: false },
          { key: 'poor_rate', label: t('col.poor_rate'), numeric: true },
        ],
        rowHeader: 1,
        rows: (inDistrict ?? rows).map((r) => {
          const s = listed.get(r.unit_code);
          return {
            key: r.unit_code,
            href: r.unit_code === code ? undefined : href(r.unit_code),
            cells: [s ? String(s.rank) : '–', r.unit_name, r.poor_rate == null ? t('no_data') : format(r.poor_rate)],
            values: [s?.rank ?? null, r.unit_name, r.poor_rate],
          };
        }),
      },
    },
  };
}

/** The figure above, drawn once per build: its page, its embed and its files share it. */
export const unitStanding = (locale: Locale, level: 'district' | 'commune', code: string, link: (path: string) => string) =>
  once(`${locale}:${unitPage(level, code)}peers`, () => drawUnitStanding(locale, level, code, link));
