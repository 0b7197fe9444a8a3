import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/charts/bar-chart.ts';
import { type Box, boxesOverlap, type Segment, segmentCrossesBox } from '../../src/lib/charts/collision.ts';
import { heatmap } from '../../src/lib/charts/heatmap.ts';
import { lineChart } from '../../src/lib/charts/line-chart.ts';
import { stripPlot } from '../../src/lib/charts/strip-plot.ts';
import { textWidth } from '../../src/lib/export-font.ts';

/**
 * Every text of a chart, measured in the face the figures are exported in, against the chart's
 * box: what sticks out of it is cut off on the page, in an embed and in a download.
 */
function outside({ svg, width, height }: { svg: string; width: number; height: number }): string[] {
  const root = parse(svg);
  const found: string[] = [];
  for (const text of root.querySelectorAll('text')) {
    const anchor = text.getAttribute('text-anchor') ?? 'start';
    const tspans = text.querySelectorAll('tspan');
    const lines = tspans.length ? tspans.map((t) => t.textContent) : [text.textContent];
    const x = Number(text.getAttribute('x'));
    // A line's glyphs reach about 0,9 of the size above its baseline and 0,25 below it.
    const size = Number(text.getAttribute('font-size') ?? 12);
    const y = Number(text.getAttribute('y'));
    const baseline = text.getAttribute('dominant-baseline') === 'middle' ? y + size * 0.33 : y;
    const [top, bottom] = [baseline - size * 0.9, baseline + (lines.length - 1) * 14 + size * 0.25];
    if (top < -0.5 || bottom > height + 0.5)
      found.push(`"${lines.join(' ')}" spans y ${top.toFixed(0)}–${bottom.toFixed(0)} of 0–${height}`);
    for (const line of lines) {
      const w = textWidth(line, size);
      const [left, right] = anchor === 'end' ? [x - w, x] : anchor === 'middle' ? [x - w / 2, x + w / 2] : [x, x + w];
      if (left < -0.5 || right > width + 0.5) found.push(`"${line}" spans ${left.toFixed(0)}–${right.toFixed(0)} of 0–${width}`);
    }
  }
  for (const dot of root.querySelectorAll('circle')) {
    const [cx, cy] = [Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))];
    if (cx < 0 || cx > width) found.push(`a point at x = ${cx.toFixed(0)} of 0–${width}`);
    if (cy < 0 || cy > height) found.push(`a point at y = ${cy.toFixed(0)} of 0–${height}`);
  }
  return found;
}

/** Tick labels of an axis drawn over each other: each as wide as it is measured, centred on its tick. */
function crowdedTicks(svg: string): string[] {
  const spans = parse(svg)
    .querySelectorAll('.tick text')
    .map((t) => {
      const [x, w] = [Number(t.getAttribute('x')), textWidth(t.textContent, 12)];
      return { text: t.textContent, left: x - w / 2, right: x + w / 2 };
    })
    .sort((a, b) => a.left - b.left);
  return spans.flatMap((s, i) => (i > 0 && s.left < spans[i - 1].right ? [`"${spans[i - 1].text}" and "${s.text}" overlap`] : []));
}

/**
 * The end labels of a line chart that a line, a point, a break (its dashed line or its label) or
 * the reference line runs through, or that another end label covers: each measured as drawn, its
 * first line centred on its y.
 */
function crossedByEndLabels(svg: string): string[] {
  const root = parse(svg);
  const segments: Segment[] = [];
  for (const d of root.querySelectorAll('.series > path').map((p) => p.getAttribute('d')!)) {
    for (const run of d.split('M').filter(Boolean)) {
      const xy = run.split('L').map((pair) => pair.split(',').map(Number));
      for (let i = 1; i < xy.length; i++) segments.push({ x1: xy[i - 1][0], y1: xy[i - 1][1], x2: xy[i][0], y2: xy[i][1] });
    }
  }
  for (const l of root.querySelectorAll('.break line, .reference line')) {
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a)));
    segments.push({ x1, y1, x2, y2 });
  }
  const marks: Box[] = [
    ...root.querySelectorAll('.series circle:not(.hit)').map((c) => {
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
      return { left: cx - r, right: cx + r, top: cy - r, bottom: cy + r };
    }),
    ...root.querySelectorAll('.break rect').map((r) => {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)));
      return { left: x, right: x + w, top: y, bottom: y + h };
    }),
  ];
  const labels = root.querySelectorAll('.series > text').map((t) => {
    const lines = t.querySelectorAll('tspan').length ? t.querySelectorAll('tspan').map((s) => s.textContent) : [t.textContent];
    const [x, y] = [Number(t.getAttribute('x')), Number(t.getAttribute('y'))];
    const w = Math.max(...lines.map((l) => textWidth(l, 12)));
    const left = t.getAttribute('text-anchor') === 'end' ? x - w : x;
    return { text: lines.join(' '), box: { left, right: left + w, top: y - 7, bottom: y + (lines.length - 1) * 14 + 7 } };
  });
  return labels.flatMap(({ text, box }, i) => [
    ...segments.filter((s) => segmentCrossesBox(s, box)).map((s) => `"${text}" crosses a line from ${s.x1},${s.y1} to ${s.x2},${s.y2}`),
    ...marks.filter((b) => boxesOverlap(b, box)).map((b) => `"${text}" covers a mark at ${b.left},${b.top}`),
    ...labels.slice(i + 1).flatMap((other) => (boxesOverlap(other.box, box) ? [`"${text}" and "${other.text}" overlap`] : [])),
  ]);
}

const words = fc.array(
  fc.constantFrom('Số', 'thôn', 'ra', 'khỏi', 'diện', 'đặc', 'biệt', 'khó', 'khăn', 'Standard', 'changes:', 'provincial', 'since', '2023'),
  {
    minLength: 1,
    maxLength: 12,
  },
);
const label = words.map((w) => w.join(' '));
/** Ten years, as a province's two standards and their predecessor cover them. */
const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('a chart keeps its text inside its box', () => {
  it("a line chart, at any width from a phone up, whatever its series and break labels and its values' unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 960 }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        label,
        fc.constantFrom(0.01, 1, 1000, 1e6),
        fc.constantFrom(
          String,
          (v: number) => `${v.toFixed(2).replace('.', ',')} điểm %`,
          (v: number) => `${v.toLocaleString('vi')} hộ`,
        ),
        (width, labels, breakLabel, scale, format) => {
          const series = labels.map((l, i) => ({
            id: `s${i}`,
            label: l,
            // Each ends on a round number, so that the highest end is the top of the chart.
            points: [2021, 2022, 2023, 2024].map((x, k) => ({ x, y: scale * (k === 3 ? 100 * (i + 1) : 10 * k) })),
          }));
          const chart = lineChart(series, {
            id: 'c',
            title: 't',
            description: 'd',
            format,
            missingLabel: '–',
            breaks: [{ x: 2023, label: breakLabel }],
            reference: { y: scale * 50, label: `Target: ${breakLabel}` },
            width,
          });
          expect(outside(chart)).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('a line chart keeps every point in its box, values below zero included (a reduction that went the other way)', () => {
    // A count, a rate or a change of one, to hundredths as published: −10.000 to 10.000.
    const value = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 100);
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 960 }),
        fc.array(fc.array(fc.option(value), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        fc.option(value),
        (width, lines, target) => {
          const chart = lineChart(
            lines.map((values, i) => ({ id: `s${i}`, label: `Dãy ${i}`, points: values.map((y, k) => ({ x: 2020 + k, y })) })),
            {
              id: 'c',
              title: 't',
              description: 'd',
              format: (v) => `${v.toLocaleString('vi')} điểm %`,
              missingLabel: '–',
              reference: target == null ? undefined : { y: target, label: 'Chỉ tiêu' },
              width,
            },
          );
          expect(outside(chart)).toEqual([]);
          // The plot spans every value: its grid runs from the lowest tick to the highest.
          const ticks = parse(chart.svg)
            .querySelectorAll('.tick line')
            .map((l) => Number(l.getAttribute('y1')));
          const points = parse(chart.svg)
            .querySelectorAll('circle:not(.hit)')
            .map((c) => Number(c.getAttribute('cy')));
          for (const cy of points) expect(cy).toBeGreaterThanOrEqual(Math.min(...ticks) - 0.5);
          for (const cy of points) expect(cy).toBeLessThanOrEqual(Math.max(...ticks) + 0.5);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it("a line chart's end labels, however many lines end however close together, each clear of the next", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.array(fc.constantFrom('chuẩn', 'quốc', 'gia', 'tỉnh', 'cũ', '2016–2020'), { maxLength: 6 }),
          ),
          {
            minLength: 2,
            maxLength: 8,
          },
        ),
        (ends) => {
          const chart = lineChart(
            ends.map(([end, words], k) => ({
              id: `s${k}`,
              label: [`Dãy${k}`, ...words].join(' '),
              points: [2021, 2022, 2023].map((x) => ({ x, y: x === 2023 ? end : 50 })),
            })),
            { id: 'c', title: 't', description: 'd', format: String, missingLabel: '–', width: 640 },
          );
          // Each label's lines, from its first line's baseline down by 14 px a line.
          const spans = parse(chart.svg)
            .querySelectorAll('.series > text')
            .map((t) => {
              const first = Number(t.getAttribute('y'));
              return { first, last: first + (Math.max(1, t.querySelectorAll('tspan').length) - 1) * 14 };
            })
            .sort((a, b) => a.first - b.first);
          const crowded = spans.slice(1).filter((s, i) => s.first - spans[i].last < 12);
          expect(crowded).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });

  it("a line chart's end labels cross no line, point, break or label, whatever years each line covers (a standard replaced, a commune merged)", () => {
    // A standard's name, as long as "Chuẩn nghèo đa chiều của tỉnh".
    const name = words.map((w) => w.slice(0, 6).join(' '));
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 960 }),
        fc.array(
          fc.tuple(
            name,
            fc.integer({ min: 0, max: 8 }),
            fc.integer({ min: 1, max: 9 }),
            fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 10, maxLength: 10 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.option(fc.tuple(fc.constantFrom(...years.slice(1)), name, fc.boolean())),
        fc.option(fc.integer({ min: 0, max: 90_000 })),
        (width, lines, change, target) => {
          const series = lines.map(([l, from, span, values], i) => ({
            id: `s${i}`,
            label: l,
            points: years.slice(from, Math.min(10, from + span + 1)).map((x, k) => ({ x, y: values[from + k] })),
          }));
          const chart = lineChart(series, {
            id: 'c',
            title: 't',
            description: 'd',
            format: (v) => `${v.toLocaleString('vi')} hộ`,
            missingLabel: '–',
            breaks: change ? [{ x: change[0], label: change[1], separates: change[2] }] : [],
            reference: target == null ? undefined : { y: target, label: 'Mục tiêu' },
            width,
          });
          expect(crossedByEndLabels(chart.svg)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });

  it("a line chart's break labels cover no point: a standard that starts at its highest, beside its break, is drawn under the labels", () => {
    // A standard's short name, as legends write it ("chuẩn thành phố", "provincial standard").
    const name = words.map((w) => w.slice(0, 3).join(' '));
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 960 }),
        fc.uniqueArray(
          fc.tuple(name, fc.integer({ min: 0, max: 8 }), fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 10, maxLength: 10 })),
          // Each standard from its own year, as they come (one replacing another, one added beside).
          { minLength: 1, maxLength: 3, selector: ([, from]) => from },
        ),
        (width, lines) => {
          const series = lines.map(([l, from, values], i) => ({
            id: `s${i}`,
            label: l,
            points: years.slice(from).map((x, k) => ({ x, y: values[from + k] })),
          }));
          const breaks = series.flatMap((s) => (s.points[0].x > years[0] ? [{ x: s.points[0].x, label: `Đổi chuẩn: ${s.label}` }] : []));
          const root = parse(
            lineChart(series, { id: 'c', title: 't', description: 'd', format: String, missingLabel: '–', breaks, width }).svg,
          );
          const covered = root.querySelectorAll('.break rect').flatMap((r) => {
            const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)));
            return root
              .querySelectorAll('.series circle:not(.hit)')
              .map((c) => ['cx', 'cy'].map((a) => Number(c.getAttribute(a))))
              .filter(([cx, cy]) => cx + 4 > x && cx - 4 < x + w && cy + 4 > y && cy - 4 < y + h)
              .map(([cx, cy]) => `${cx},${cy} under ${x},${y} ${w}×${h}`);
          });
          expect(covered).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('a strip plot, whatever the format of its ticks, none over another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 280, max: 960 }), fc.double({ min: 0.001, max: 5000, noNaN: true }), (width, top) => {
        const chart = stripPlot(
          [{ label: 'Huyện', points: [0, top / 2, top].map((value, i) => ({ key: String(i), name: `Xã ${i}`, value })) }],
          {
            id: 's',
            title: 't',
            description: 'd',
            format: (v) => `${v.toFixed(2).replace('.', ',')}%`,
            highlight: '1',
            distribution: (n) => `${n}`,
            width,
          },
        );
        expect(outside(chart)).toEqual([]);
        expect(crowdedTicks(chart.svg)).toEqual([]);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('a bar chart, whatever its names and values, below zero too, and wherever its reference line falls', () => {
    const value = fc.integer({ min: -10_000_000, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 960 }),
        fc.array(fc.tuple(label, fc.option(value)), { minLength: 1, maxLength: 6 }),
        fc.option(fc.tuple(value, label)),
        (width, rows, reference) => {
          const chart = barChart(
            rows.map(([l, value], i) => ({ key: String(i), label: l, value })),
            {
              id: 'b',
              title: 't',
              description: 'd',
              format: (v) => `${v.toLocaleString('vi')} hộ`,
              missingLabel: 'không có số liệu',
              reference: reference ? { value: reference[0], label: reference[1] } : undefined,
              width,
            },
          );
          expect(outside(chart)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('a heat map, its slanted column headings and row names however long (a district named as long as any in Việt Nam and more)', () => {
    const name = words.map((w) => w.join(' ').slice(0, 48));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 14 }), fc.array(name, { minLength: 1, maxLength: 12 }), (cols, rows) => {
        const chart = heatmap(
          rows.map((label, i) => ({ key: String(i), label })),
          cols.map((label, j) => ({ key: String(j), label })),
          () => ({ value: 42 }),
          { id: 'h', title: 't', description: 'd', format: String, missingLabel: '–', top: 100 },
        );
        const root = parse(chart.svg);
        const found: string[] = [];
        for (const text of root.querySelectorAll('text[transform]')) {
          // rotate(-a x y) about the text's start: its baseline runs up and to the right.
          const [, a] = /rotate\(-([\d.]+) /.exec(text.getAttribute('transform')!)!;
          const rad = (Number(a) * Math.PI) / 180;
          const [x, y, w] = [Number(text.getAttribute('x')), Number(text.getAttribute('y')), textWidth(text.textContent, 12)];
          // The glyphs' tops lean back from the baseline by their height (about 0,9 of the size).
          const top = y - w * Math.sin(rad) - 12 * 0.9 * Math.cos(rad);
          const right = x + w * Math.cos(rad);
          if (top < 0 || right > chart.width)
            found.push(`"${text.textContent}" reaches y ${top.toFixed(0)}, x ${right.toFixed(0)} of ${chart.width}`);
        }
        expect(found).toEqual([]);
        expect(outside({ ...chart, svg: chart.svg.replace(/<text[^>]*transform[^>]*>[^<]*<\/text>/g, '') })).toEqual([]);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
