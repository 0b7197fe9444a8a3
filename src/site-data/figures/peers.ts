import { unitInDistrict } from '../../lib/place.ts';
import { translator } from '../../i18n/t.ts';
import { stripPlot } from '../../lib/charts/strip-plot.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatPercent } from '../../lib/format.ts';
import { isIllustrative } from '../../lib/manifest.ts';
import { peerPeriods, peerRates, type RowOf } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { standing, standings, toldAs, type Standing } from '../../lib/shape/peers.ts';
import { once } from '../memo.ts';
import { loadManifest, query, rowsOfUnit } from '../db.ts';
import { datasetSource, provinceName, standardShort } from '../page.ts';
import { listUnits, type UnitRef } from '../units.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

type Row = RowOf<typeof peerRates>;

export interface UnitStanding {
  province: Standing;
  district: Standing | null;
  /** The unit's peers (its district's communes, or the province's districts), each with its rate. */
  rows: Row[];
  /** The unit's own row: its rate, and the year and standard of the ranking. */
  me: Row;
  /** The commune's own district's communes; null for a district. */
  inDistrict: Row[] | null;
}

/** Every unit of a level in one period, and where each stands: one ranking shared by all the units ranked then. */
const ranking = (level: UnitRef['level'], year: number, standard: string) =>
  once(`ranking|${level}|${year}|${standard}`, async () => {
    const rows = await query(peerRates(level, year, standard));
    return { rows, standings: standings(rows) };
  });

/** Where a district or commune stands among its peers by poverty rate; null when it has no rate (read once per build). */
export const unitStanding = ({ level, code }: UnitRef): Promise<UnitStanding | null> =>
  once(`standing|${level}|${code}`, async () => {
    const [period] = await rowsOfUnit(peerPeriods(level), code);
    if (!period) return null;
    const { rows, standings: inProvince } = await ranking(level, period.year, period.standard);
    const me = rows.find((r) => r.unit_code === code);
    const province = inProvince.get(code);
    if (!me || !province) return null;
    const inDistrict = level === 'commune' && me.district_code ? rows.filter((r) => r.district_code === me.district_code) : null;
    return {
      province,
      district: inDistrict ? standing(inDistrict, code) : null,
      rows,
      me,
      inDistrict,
    };
  });

/** A strip plot of the unit among its district's and the province's peers, and their ranking as a table. */
async function drawPeers(unit: UnitRef, { locale, svgId, href: link }: DrawContext): Promise<Drawing | null> {
  const s = await unitStanding(unit);
  // A unit with no peer that has a rate has nothing to be drawn among.
  if (!s || toldAs(s.province) === 'alone') return null;
  const { level, code } = unit;
  const { rows, me, inDistrict } = s;
  const href = (c: string) => link(unitPage(level, c));
  const t = translator(locale);
  const manifest = loadManifest();
  const format = (v: number) => formatPercent(locale, v, 2)!;
  const points = (list: Row[]) =>
    list
      .filter((r) => r.poor_rate != null)
      .map((r) => ({ key: r.unit_code, name: r.unit_name, value: r.poor_rate!, href: href(r.unit_code) }));
  // The province's peers are the same list for every unit ranked in the same period: made once
  // per language (the address of their pages carries it), so that a commune's page costs the same
  // whether the province has 177 communes or 10.000.
  const inProvince = await once(`peer-points|${level}|${me.year}|${me.standard}|${href('')}`, async () => points(rows));
  const strips = [
    ...(inDistrict ? [{ label: me.district_name ?? '', points: points(inDistrict) }] : []),
    { label: provinceName(locale), points: inProvince },
  ];
  const listed = standings(inDistrict ?? rows);
  const standard = standardShort(locale, me.standard);
  const title = t('peers.title', { name: unitInDistrict(me, level), year: me.year, standard });
  return {
    title,
    description: t('peers.desc', { name: me.unit_name }),
    ...drawnTwice((width, suffix) =>
      stripPlot(strips, {
        id: svgId + suffix,
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
        const st = listed.get(r.unit_code);
        return {
          key: r.unit_code,
          href: r.unit_code === code ? undefined : href(r.unit_code),
          cells: [st ? String(st.rank) : '–', r.unit_name, r.poor_rate == null ? t('no_data') : format(r.poor_rate)],
          values: [st?.rank ?? null, r.unit_name, r.poor_rate],
        };
      }),
    },
  };
}

export const unitPeersFigure: FigureKind<UnitRef> = {
  instances: listUnits,
  id: ({ level, code }) => `${unitPage(level, code)}peers`,
  page: ({ level, code }) => unitPage(level, code),
  draw: drawPeers,
};
