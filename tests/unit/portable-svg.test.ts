import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/export-font.ts';
import { portableSvg } from '../../src/lib/portable-svg.ts';

const lengthOf = (svg: string) => [...svg.matchAll(/textLength="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('a chart made to read the same in Word or LibreOffice', () => {
  it('holds every label to the width it measures in the export face, whatever face stands in', () => {
    const svg = portableSvg(
      '<svg><text x="4" y="8" font-size="12" fill="currentColor">Hạ Long &amp; Cô Tô</text>' +
        '<text x="4" y="30" font-size="18" font-weight="bold">Tổng</text></svg>',
    );
    const [label, title] = lengthOf(svg);
    expect(label).toBeCloseTo(textWidth('Hạ Long & Cô Tô', 12), 0);
    expect(title).toBeCloseTo(textWidth('Tổng', 18, 'bold'), 0);
    expect(title).toBeGreaterThan(textWidth('Tổng', 18) - 0.1);
    expect(svg.match(/lengthAdjust="spacingAndGlyphs"/g)).toHaveLength(2);
  });

  it('fits each line of a label of several lines, and leaves a width already given as it is', () => {
    const svg = portableSvg(
      '<text font-size="12"><tspan x="0" dy="0">Huyện</tspan><tspan x="0" dy="14">Bình Liêu</tspan></text>' +
        '<text font-size="12" textLength="50">Đã đo</text>',
    );
    expect(lengthOf(svg)).toEqual([Math.floor(textWidth('Huyện', 12) * 10) / 10, Math.floor(textWidth('Bình Liêu', 12) * 10) / 10, 50]);
  });

  it('sets a label centred on its y on the baseline that puts it there, for renderers that ignore dominant-baseline', () => {
    const svg = portableSvg(
      '<text x="4" y="20" text-anchor="end" dominant-baseline="middle" font-size="12">0</text>' +
        '<text x="4" y="50" dominant-baseline="middle" font-size="12"><tspan x="4" dy="0">Chuẩn</tspan><tspan x="4" dy="14">tỉnh</tspan></text>',
    );
    expect(svg).not.toContain('dominant-baseline');
    // Half of Be Vietnam Pro's x-height (0,53 em) below: where Chromium puts the middle baseline.
    expect([...svg.matchAll(/<text[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([23.2, 53.2]);
    expect(svg).toContain('dy="14"');
  });

  it('names the colour of what a page draws in its text colour, which a file has no page to take from', () => {
    const svg = portableSvg('<line stroke="currentColor"></line><text y="1" font-size="12" fill="currentColor">0</text>');
    expect(svg).not.toContain('currentColor');
    expect(svg.match(/"#0f172a"/g)).toHaveLength(2);
  });

  it('draws a label on a halo as the halo first and the letters over it, without paint-order', () => {
    const svg = portableSvg(
      '<text x="1" y="2" font-size="12" fill="#0f172a" stroke="#ffffff" stroke-width="3" paint-order="stroke" aria-hidden="true">Ba Chẽ</text>',
    );
    expect(svg).not.toContain('paint-order');
    const texts = [...svg.matchAll(/<text([^>]*)>Ba Chẽ<\/text>/g)].map((m) => m[1]);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('fill="#ffffff"');
    expect(texts[0]).toContain('stroke="#ffffff"');
    expect(texts[1]).toContain('fill="#0f172a"');
    expect(texts[1]).not.toContain('stroke');
  });
});
