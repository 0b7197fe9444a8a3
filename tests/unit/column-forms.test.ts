import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCell } from '../../src/pipeline/column-forms.ts';
import type { ColumnSpec } from '../../src/pipeline/input-schema.ts';
import { misEncoding } from '../../src/pipeline/mis-encoded-text.ts';
import { stackedMarks, unsafeCharacter } from '../../src/pipeline/unsafe-characters.ts';

const printableAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const column = (over: Partial<ColumnSpec>): ColumnSpec => ({ name: 'note', type: 'text', required: false, vi: '', en: '', ...over });

describe("a cell's characters", () => {
  // checkCell skips these three checks for printable ASCII: this is what makes that safe.
  it('in printable ASCII, can be none of what the character checks look for', () => {
    fc.assert(
      fc.property(printableAscii, fc.boolean(), fc.boolean(), (text, placeName, multiline) => {
        expect(misEncoding(text, placeName)).toBeNull();
        expect(unsafeCharacter(text, multiline)).toBeNull();
        expect(stackedMarks(text)).toBeNull();
      }),
      { numRuns: 5_000 },
    );
  });

  it('past ASCII, are still checked: a mis-encoding, an invisible character and stacked marks each fail', () => {
    expect(checkCell(column({ name: 'unit_name' }), 'Quáº£ng Ninh')).toMatchObject({ rule: 'text_encoding' });
    expect(checkCell(column({}), 'Hạ\u200bLong')).toMatchObject({ rule: 'control_character' });
    expect(checkCell(column({}), 'Tab\there')).toMatchObject({ rule: 'control_character' });
    expect(checkCell(column({ multiline: true }), 'Tab\there')).toEqual({ value: 'Tab\there' });
    expect(checkCell(column({}), 'e\u0300\u0301\u0302')).toMatchObject({ rule: 'stacked_marks' });
    expect(checkCell(column({}), 'Hạ Long')).toEqual({ value: 'Hạ Long' });
  });
});
