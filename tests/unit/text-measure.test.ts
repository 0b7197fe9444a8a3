import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glyphWidths, textWidth } from '../../src/lib/export-font.ts';
import { chartTextWidth, fitText, wrapChartText } from '../../src/lib/text-measure.ts';

describe("charts' text measure without the font file", () => {
  it("holds the export face's advances as the font has them (else run npm run glyph-widths)", () => {
    expect(JSON.parse(readFileSync('src/lib/glyph-widths.json', 'utf8'))).toEqual(glyphWidths());
  });

  it('never measures Vietnamese or English text narrower than the face draws it', () => {
    const text = fc.array(
      fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯWVTYáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ0123456789 ,.%()–:/'),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(text, (chars) => {
        const s = chars.join('');
        expect(chartTextWidth(s, 12)).toBeGreaterThanOrEqual(textWidth(s, 12) - 0.01);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('wraps to lines that fit, cutting a word longer than the line', () => {
    const lines = wrapChartText(`Thôn đã ra khỏi diện ${'Hai'.repeat(30)}`, 100, 12);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(chartTextWidth(line, 12)).toBeLessThanOrEqual(100);
  });

  it('keeps on one line a text given exactly its own width (a chart makes room for its widest label)', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9ăâđêôơưạảấầẩẫậếềểễệốồổỗộớờởỡợứừửữự–]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(' ');
        expect(wrapChartText(text, chartTextWidth(text, 12), 12)).toEqual([text]);
      }),
      { numRuns: 1000, seed: 6 },
    );
    expect(wrapChartText('chuẩn 2016–2020', chartTextWidth('chuẩn 2016–2020', 12), 12)).toEqual(['chuẩn 2016–2020']);
  });
});

describe('a name held to the room it has', () => {
  it('stays whole where it fits, and is cut with "…" to fit where it does not, whatever its length', () => {
    expect(fitText('Phường Hà Phong', 200, 12)).toBe('Phường Hà Phong');
    const cut = fitText('Phường Hà Phong', 60, 12);
    expect(cut).toMatch(/^Phường.*…$/);
    expect(chartTextWidth(cut, 12)).toBeLessThanOrEqual(60);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.integer({ min: 20, max: 600 }), (text, width) => {
        const fitted = fitText(text, width, 12);
        expect(fitted === text || (fitted.endsWith('…') && text.startsWith(fitted.slice(0, -1)))).toBe(true);
        expect(chartTextWidth(fitted, 12)).toBeLessThanOrEqual(Math.max(width, chartTextWidth('…', 12)));
      }),
    );
  });
});
