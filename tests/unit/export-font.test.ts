import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { EXPORT_FONT_FILES, textWidth, wrapToWidth } from '../../src/lib/export-font.ts';

describe('lines broken by what the text measures in the export face', () => {
  it('measures wide letters wider than narrow ones, and bold wider than regular', () => {
    expect(textWidth('WWWW', 12)).toBeGreaterThan(textWidth('iiii', 12));
    expect(textWidth('Tỷ lệ hộ nghèo', 18, 'bold')).toBeGreaterThan(textWidth('Tỷ lệ hộ nghèo', 18));
    expect(textWidth('Hộ nghèo', 24)).toBeCloseTo(2 * textWidth('Hộ nghèo', 12), 5);
  });

  it('measures a line as its words and spaces, as the face shapes the whole line', () => {
    const bytes = readFileSync(EXPORT_FONT_FILES.bold);
    const face = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z\u00C0-\u024F\u1EA0-\u1EF90-9(),.%:'"-]{1,12}$/), { minLength: 1, maxLength: 12 }),
        (words) => {
          const line = words.join(' ');
          expect(textWidth(line, 18, 'bold')).toBeCloseTo(face.getAdvanceWidth(line, 18, { kerning: true }), 3);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps every word, in order, and no line wider than asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z\u00C0-\u024F\u1EA0-\u1EF90-9(),.%:-]{1,30}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 40, max: 700 }),
        fc.constantFrom('regular' as const, 'bold' as const),
        (words, width, weight) => {
          const lines = wrapToWidth(words.join(' '), width, 18, weight);
          for (const line of lines) {
            // A single letter wider than the line is the one thing that cannot be made to fit.
            if (line.length > 1) expect(textWidth(line, 18, weight)).toBeLessThanOrEqual(width);
          }
          expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breaks a long Vietnamese title the way the face needs, not by a count of letters', () => {
    const title =
      'Tỷ lệ hộ gia đình thiếu hụt chỉ số tiếp cận dịch vụ viễn thông trong tổng số hộ nghèo và cận nghèo (2024, chuẩn tỉnh): Phường Hà Khánh';
    const lines = wrapToWidth(title, 608, 18, 'bold');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
  });
});
