import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import { geoArea } from 'd3';
import { parse } from 'node-html-parser';
import { textWidth } from '../../src/lib/export-font.ts';
import { simplifyFeatures, windForD3 } from '../../src/lib/geo.ts';
import { describe, expect, it } from 'vitest';
import { heatmap } from '../../src/lib/charts/heatmap.ts';
import { shader } from '../../src/lib/charts/legend.ts';
import { stripPlot } from '../../src/lib/charts/strip-plot.ts';
import { tileMap } from '../../src/lib/charts/tile-map.ts';
import { figureCsv } from '../../src/lib/figure.ts';
import { classBreaks, roundBreak, ZERO_BREAK } from '../../src/lib/shape/class-breaks.ts';
import fc from 'fast-check';
import { mapData, tileGroups, type MapRow } from '../../src/lib/shape/map-data.ts';
import { measuresFor } from '../../src/lib/shape/map-measures.ts';
import { rateBaseOf } from '../../src/lib/rate-bases.ts';
import { mapSwitches, mapViews, switchTo, type MapPeriod } from '../../src/lib/shape/map-views.ts';
import { standing, toldAs } from '../../src/lib/shape/peers.ts';

const row = (code: string, group: string, value: number | null, extra: Partial<MapRow> = {}): MapRow => ({
  unit_code: code,
  unit_name: `Xã ${code}`,
  group_code: group,
  group_name: `Huyện ${group}`,
  value,
  complete: true,
  note: null,
  ...extra,
});
const labels = { noData: 'no data', partial: 'partial', tooFew: 'too few' };

/** How many values fall in each class of the breaks (class i: from break i − 1 up to break i). */
const classSizes = (values: number[], breaks: number[]) =>
  Array.from(
    { length: breaks.length + 1 },
    (_, i) => values.filter((v) => (i === 0 || v >= breaks[i - 1]) && (i === breaks.length || v < breaks[i])).length,
  );

describe('class breaks follow the distribution', () => {
  it('a Quảng Ninh-like distribution (mostly 0, the rest under 2 %): zero alone, every class used', () => {
    const values = [...Array(120).fill(0), 0.02, 0.03, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.22, 0.3, 0.35, 0.5, 0.7, 0.9, 1.2, 1.8];
    const breaks = classBreaks(values);
    expect(breaks[0]).toBe(ZERO_BREAK);
    expect(breaks).toHaveLength(4);
    expect(classSizes(values, breaks).every((n) => n > 0)).toBe(true);
  });
  it('a high-poverty distribution (5–60 %): five classes, every one used, round breaks', () => {
    const values = Array.from({ length: 150 }, (_, i) => 5 + (55 * ((i * 37) % 150)) / 149);
    const breaks = classBreaks(values);
    expect(breaks).toHaveLength(4);
    expect(classSizes(values, breaks).every((n) => n > 0)).toBe(true);
    for (const b of breaks) expect(roundBreak(b)).toBe(b);
  });
  it('one class when the data is constant', () => {
    expect(classBreaks([0, 0, null])).toEqual([]);
    expect(classBreaks([12, 12, 12])).toEqual([]);
  });
  it('never leaves a class empty, whatever the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 100, noNaN: true })), { minLength: 1, maxLength: 200 }),
        (values) => {
          const breaks = classBreaks(values);
          expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
          expect(classSizes(values, breaks).every((n) => n > 0)).toBe(true);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('map views', () => {
  const poverty = ['poor_rate', 'near_poor_rate', 'poor_near_poor_rate', 'poor', 'near_poor', 'em_share_of_poor'];
  const periods: MapPeriod[] = [
    { level: 'district', source: 'poverty', year: 2022, standard: 'national', programme: null, valued: poverty },
    { level: 'district', source: 'poverty', year: 2023, standard: 'provincial', programme: null, valued: poverty },
    { level: 'district', source: 'coverage', year: 2022, standard: null, programme: 'bhyt', valued: ['coverage_rate'] },
    { level: 'district', source: 'coverage', year: 2022, standard: null, programme: 'credit', valued: ['coverage_rate'] },
    { level: 'district', source: 'coverage', year: 2023, standard: null, programme: 'credit', valued: ['coverage_rate'] },
    { level: 'district', source: 'coverage', year: 2023, standard: null, programme: 'tuition', valued: [] },
    { level: 'units2025', source: 'poverty', year: 2022, standard: 'national', programme: null, valued: poverty },
  ];
  const views = mapViews(periods);

  it('offers each level the measures its table has, with one path per view', () => {
    expect(views.filter((v) => v.level === 'district').length).toBe(2 * 6 + 3);
    expect(views.filter((v) => v.level === 'units2025').map((v) => v.measure.id)).toEqual(measuresFor('units2025').map((i) => i.id));
    expect(new Set(views.map((v) => v.path)).size).toBe(views.length);
    expect(views[0].path).toBe('map/district/poor_rate/2022-national/');
  });

  it('leaves out a view in which no unit has a value (every base too small for a rate)', () => {
    const some = mapViews([{ ...periods[0], valued: ['poor', 'near_poor', 'poor_rate'] }]);
    expect(some.map((v) => v.measure.id)).toEqual(['poor_rate', 'poor', 'near_poor']);
  });

  it("maps a programme's coverage only in the years it has figures, and not at all without them", () => {
    const coverage = views.filter((v) => v.measure.table === 'coverage').map((v) => v.path);
    expect(coverage).toEqual([
      'map/district/coverage_bhyt/2022/',
      'map/district/coverage_credit/2022/',
      'map/district/coverage_credit/2023/',
    ]);
  });

  it('keeps the year and standard when switching, else falls back to the nearest view that exists', () => {
    const from = views.find((v) => v.path === 'map/district/poor_rate/2022-national/')!;
    expect(switchTo(views, from, { measure: 'near_poor' }).path).toBe('map/district/near_poor/2022-national/');
    expect(switchTo(views, from, { measure: 'coverage_bhyt' }).path).toBe('map/district/coverage_bhyt/2022/');
    expect(switchTo(views, from, { level: 'units2025' }).path).toBe('map/units2025/poor_rate/2022-national/');
    const provincial = views.find((v) => v.path === 'map/district/poor_rate/2023-provincial/')!;
    expect(switchTo(views, provincial, { level: 'units2025' }).path).toBe('map/units2025/poor_rate/2022-national/');
  });

  it('offers a row of switches per setting, the current view marked once in each', () => {
    const from = views.find((v) => v.path === 'map/district/poor_rate/2023-provincial/')!;
    const rows = mapSwitches(views, from);
    expect(rows.map((r) => r.kind)).toEqual(['level', 'measure', 'period']);
    expect(rows.map((r) => r.options.filter((o) => o.current).length)).toEqual([1, 1, 1]);
    expect(rows[2].options.map((o) => o.value)).toEqual(['2022-national', '2023-provincial']);
    expect(rows[1].options.find((o) => o.value === 'coverage_bhyt')!.target.path).toBe('map/district/coverage_bhyt/2022/');
  });
});

describe('map data', () => {
  it('says why a value is missing: not computable, or no data', () => {
    const data = mapData([row('1', 'a', 0.5), row('3', 'b', null, { complete: false }), row('4', 'b', null)], labels);
    expect(data.get('1')).toMatchObject({ value: 0.5, missing: undefined });
    expect(data.get('3')).toMatchObject({ missing: 'partial', hatched: true });
    expect(data.get('4')!.missing).toBe('no data');
  });

  it('says a rate is missing for too few where its base is published but below the least a rate is given for', () => {
    const rate = { base: 'eligible', min: 50 };
    const data = mapData(
      [
        row('1', 'a', null, { eligible: 45 }),
        row('2', 'a', null, { eligible: null }),
        row('3', 'a', 80, { eligible: 50 }),
        row('4', 'a', null, { eligible: 0 }),
        row('5', 'a', null, { eligible: 10, complete: false }),
      ],
      labels,
      rate,
    );
    expect(data.get('1')).toMatchObject({ missing: 'too few', tooFew: true });
    expect(data.get('2')).toMatchObject({ missing: 'no data', tooFew: undefined });
    expect(data.get('3')).toMatchObject({ value: 80, missing: undefined });
    expect(data.get('4')!.missing).toBe('too few');
    expect(data.get('5')).toMatchObject({ missing: 'partial', hatched: true, tooFew: undefined });
    // Each reason its own fill, so that the legend never shows two swatches alike.
    const shade = shader([10, 20], 'm');
    expect(new Set(['1', '2', '5'].map((c) => shade(data.get(c))))).toHaveProperty('size', 3);
  });

  it('groups units by district in the order they come', () => {
    const groups = tileGroups(
      [
        row('1', 'a', 1),
        row('2', 'b', 1),
        row('3', 'a', 1),
        row('4', null as unknown as string, 1, { group_code: null, group_name: null }),
      ],
      'unknown',
    );
    expect(groups.map((g) => [g.name, g.units])).toEqual([
      ['Huyện a', ['1', '3']],
      ['Huyện b', ['2']],
      ['unknown', ['4']],
    ]);
  });
});

describe('map and comparison charts', () => {
  const values = mapData([row('1', 'a', 0), row('2', 'a', 0.3), row('3', 'b', null), row('4', 'b', null, { complete: false })], labels);
  const options = {
    id: 't',
    title: 'Tiles',
    description: 'd',
    format: (v: number) => `${v}%`,
    missingLabel: 'no data',
    legendTitle: 'Rate',
    breaks: classBreaks([0, 0.3]),
    href: (c: string) => `/communes/${c}/`,
  };
  const tiles = tileMap(
    [
      { code: 'a', name: 'Huyện <a>', units: ['1', '2'] },
      { code: 'b', name: 'Huyện b', units: ['3', '4'] },
    ],
    values,
    options,
  ).svg;

  it('breaks a long legend title into lines that fit the map, never past its edge', () => {
    const legendTitle = 'Tỷ lệ hộ được cấp thẻ bảo hiểm y tế trong số hộ nghèo và cận nghèo đủ điều kiện';
    const { svg: narrow, width } = tileMap([{ code: 'a', name: 'A', units: ['1'] }], values, { ...options, legendTitle, width: 220 });
    const lines = [...narrow.matchAll(/<text x="([\d.]+)"[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].filter(([, , t]) => t !== 'A');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(([, , t]) => t).join(' ')).toBe(legendTitle);
    for (const [, x, t] of lines) expect(Number(x) + textWidth(t, 12, 'bold')).toBeLessThanOrEqual(width);
  });

  it('keeps every tile, swatch and district name inside the map, whatever the districts and width, squares named or not', () => {
    const name = fc
      .array(
        fc.constantFrom(
          'Thành',
          'phố',
          'Huyện',
          'Thị',
          'xã',
          'Phan',
          'Rang',
          '–',
          'Tháp',
          'Chàm',
          'Buôn',
          'Ma',
          'Thuột',
          'Đăk',
          'Glong',
          '<a>',
        ),
        {
          minLength: 1,
          maxLength: 10,
        },
      )
      .map((w) => w.join(' '));
    const groups = fc.array(fc.record({ name, units: fc.integer({ min: 1, max: 120 }) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(groups, fc.integer({ min: 200, max: 640 }), fc.nat(), fc.boolean(), (gs, width, pick, labels) => {
        const codes = gs.map((g, i) => Array.from({ length: g.units }, (_, j) => `${i}-${j}`));
        const highlight = codes.flat()[pick % codes.flat().length];
        const { svg } = tileMap(
          gs.map((g, i) => ({ code: String(i), name: g.name, units: codes[i] })),
          values,
          { ...options, width, highlight, labels },
        );
        const root = parse(svg);
        const cut = root.querySelectorAll('rect[stroke-width]').filter((r) => {
          const [x, w, stroke] = ['x', 'width', 'stroke-width'].map((a) => Number(r.getAttribute(a)));
          return x - stroke / 2 < 0 || x + w + stroke / 2 > width;
        });
        expect(cut.map((r) => r.toString())).toEqual([]);
        const weight = (t: { getAttribute(a: string): string | undefined }) =>
          t.getAttribute('font-weight') === 'bold' ? 'bold' : 'regular';
        const names = root
          .querySelectorAll('.tile-group > text')
          .filter((t) => Number(t.getAttribute('x')) + textWidth(t.text, 12, weight(t)) > width);
        expect(names.map((t) => t.text)).toEqual([]);
        // Named, each square's name starts right of it and no two overlap.
        const named = root.querySelectorAll('.tile-group > text:not([font-weight])');
        expect(named.length).toBe(labels ? codes.flat().length : 0);
        const boxes = named.map((t) => {
          const [x, y] = [Number(t.getAttribute('x')), Number(t.getAttribute('y'))];
          return { left: x, right: x + textWidth(t.text, 12), top: y - 11, bottom: y + 3 };
        });
        const overlapping = boxes.filter((b, i) =>
          boxes.some((o, j) => j !== i && b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom),
        );
        expect(overlapping).toEqual([]);
      }),
    );
  });

  it('draws one linked, labelled tile per unit, grouped under escaped district names', () => {
    expect(tiles.match(/<rect[^>]*data-code=/g)).toHaveLength(4);
    expect(tiles).toContain('href="/communes/2/" aria-label="Xã 2: 0.3%"');
    expect(tiles).toContain('Huyện &lt;a&gt;');
    expect(tiles).not.toContain('Huyện <a>');
  });

  it('keeps zero, no data and not computable apart in the legend and the fill', async () => {
    expect(tiles).toContain('>0%</text>');
    expect(tiles).toContain('>no data</text>');
    expect(tiles).toContain('>partial</text>');
    expect(tiles).toMatch(/data-code="4"[^>]*|fill="url\(#t-hatch\)"/);
    await expect(tiles).toMatchFileSnapshot('__snapshots__/tile-map.svg');
  });

  it('ranks a unit among its peers, highest rate first, ties sharing a rank', () => {
    const peers = [{ rate: 0.5 }, { rate: 0.2 }, { rate: 0.2 }, { rate: null }].map((p, i) => ({
      unit_code: String(i),
      unit_name: `U${i}`,
      district_code: 'a',
      poor_rate: p.rate,
    }));
    expect(standing(peers, '0')).toEqual({ rank: 1, rated: 3, peers: 4, tied: 0 });
    expect(standing(peers, '2')).toEqual({ rank: 2, rated: 3, peers: 4, tied: 1 });
    expect(standing(peers, '3')).toBeNull();
  });

  it('draws the peers as dots with the unit marked, and a heat map with every cell labelled', async () => {
    const strip = stripPlot(
      [
        {
          label: 'Tỉnh',
          points: [
            { key: 'a', name: 'A', value: 0.5 },
            { key: 'b', name: 'B', value: 0.1, href: '/b/' },
          ],
        },
      ],
      { id: 's', title: 'Peers', description: 'd', format: (v) => `${v}%`, highlight: 'a', distribution: (n) => `${n} units` },
    ).svg;
    expect(strip).toContain('fill="#b45309"');
    expect(strip).toContain('href="/b/"');
    await expect(strip).toMatchFileSnapshot('__snapshots__/strip-plot.svg');
    // A province of hundreds of communes: a histogram with the unit marked, not hundreds of links on every page.
    const many = Array.from({ length: 300 }, (_, i) => ({ key: String(i), name: `U${i}`, value: (i % 50) / 100, href: `/u/${i}/` }));
    const crowd = stripPlot([{ label: 'Tỉnh', points: many }], {
      id: 'c',
      title: 'Peers',
      description: 'd',
      format: (v) => `${v}%`,
      highlight: '7',
      distribution: (n) => `${n} units`,
    }).svg;
    expect(crowd).not.toContain('<a ');
    expect(crowd).toContain('aria-label="300 units"');
    expect(crowd.match(/<circle(?![^>]*class="hit")/g)).toHaveLength(1);
    expect(crowd.length).toBeLessThan(8_000);
    const heat = heatmap(
      [{ key: 'water', label: 'Water' }],
      [
        { key: 'p', label: 'Province' },
        { key: 'd', label: 'District' },
      ],
      (_, col) => (col === 'p' ? { value: 42.4 } : { value: null, missing: 'no data' }),
      { id: 'h', title: 'H', description: 'd', format: (v) => `${v}%`, missingLabel: '-', top: 100 },
    ).svg;
    expect(heat).toContain('aria-label="Province, Water: 42.4%"');
    expect(heat).toContain('aria-label="District, Water: no data"');
    await expect(heat).toMatchFileSnapshot('__snapshots__/heatmap.svg');
  });
});

describe('figure data', () => {
  it('gives exactly the rows of the view as CSV, quoting what needs it', () => {
    const csv = figureCsv({
      illustrative: true,
      source: 'Generated',
      table: {
        columns: [
          { key: 'unit_name', label: 'Unit', numeric: false },
          { key: 'poor_rate', label: 'Rate', numeric: true },
        ],
        rowHeader: 0,
        rows: [
          { key: '1', cells: [], values: ['Xã "Một", A', 0.25] },
          { key: '2', cells: [], values: ['Xã Hai', null] },
        ],
      },
    });
    expect(csv).toBe('unit_name,poor_rate,illustrative,source\r\n"Xã ""Một"", A",0.25,true,Generated\r\nXã Hai,,true,Generated\r\n');
  });
});

describe('map measures and their rates', () => {
  it('reads every rate beside the count it is a share of, so a missing rate can say why', () => {
    for (const level of ['district', 'commune', 'units2025'] as const) {
      for (const m of measuresFor(level).filter((x) => x.kind === 'percent')) {
        const base = rateBaseOf(level === 'units2025' ? 'poverty_2025_units' : m.table, m.column);
        expect(base, `${level} ${m.id}`).toBeDefined();
        expect(m.counts, `${level} ${m.id}`).toContain(base);
      }
    }
  });
});

describe('boundary files as a dataset supplies them', () => {
  const square = (x: number, y: number, d: number) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  const shapes = (rings: number[][][]) =>
    ({
      type: 'FeatureCollection',
      features: rings.map((ring, i) => ({
        type: 'Feature',
        properties: { unit_code: String(i) },
        geometry: { type: 'Polygon', coordinates: [ring] },
      })),
    }) as FeatureCollection<Geometry, Record<string, unknown>>;

  it('draws a polygon wound either way as itself, never as the globe around it', () => {
    // RFC 7946 winds outer rings anticlockwise; d3 reads a ring so wound as all of the sphere but it.
    const standard = shapes([square(107, 21, 0.1), square(107.1, 21, 0.1)]);
    const reversed = shapes(standard.features.map((f) => [...(f.geometry as Polygon).coordinates[0]].reverse()));
    for (const geo of [standard, reversed]) {
      for (const f of windForD3(geo).features) expect(geoArea(f)).toBeLessThan(1e-5);
    }
    const multi = windForD3({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiPolygon', coordinates: [[square(107, 21, 0.1)], [[...square(108, 21, 0.1)].reverse()]] },
        },
      ],
    } as FeatureCollection<Geometry, Record<string, unknown>>);
    expect(geoArea(multi.features[0])).toBeLessThan(1e-5);
  });

  it('keeps every corner a reader would see when a file has few points to simplify', () => {
    const whole = windForD3(shapes([square(107, 21, 0.1), square(107.1, 21, 0.1), square(107, 21.1, 0.1)]));
    const simple = simplifyFeatures(whole, 0.15);
    expect(simple.features.map((f, i) => Math.round((geoArea(f) / geoArea(whole.features[i])) * 1000) / 1000)).toEqual([1, 1, 1]);
  });
});

describe("how a unit's place among its peers is told", () => {
  const rows = (rates: (number | null)[]) =>
    rates.map((poor_rate, i) => ({ unit_code: String(i), unit_name: `Xã ${i}`, district_code: '901', poor_rate }));
  it('as alone where no other unit has a rate, all tied, tied with some, or ranked', () => {
    expect(toldAs(standing(rows([3.2, null, null]), '0')!)).toBe('alone');
    expect(toldAs(standing(rows([1, 1, 1]), '2')!)).toBe('all_tied');
    expect(toldAs(standing(rows([2, 1, 1]), '1')!)).toBe('tied');
    expect(toldAs(standing(rows([2, 1, 0]), '1')!)).toBe('ranked');
  });
});
