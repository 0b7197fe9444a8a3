import { type Options, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, unquotedLines } from '../../src/pipeline/read-table.ts';

const csvParse = (text: string) => parse(text, CSV_OPTIONS as unknown as Options);
/** Texts made of what a CSV line holds, broken one way or the other, now and then with a quote or a stray break. */
const texts = (breakWith: fc.Arbitrary<string>) =>
  fc
    .array(fc.oneof(fc.constantFrom('a', 'Hạ Long', '06649', ',', ' ', ';', '\uFEFF', '\t', ''), breakWith), { maxLength: 40 })
    .map((parts) => parts.join(''));

describe('a CSV text without quotes', () => {
  it('is read into the same lines as csv-parse reads, with LF or CRLF line breaks', () => {
    for (const breaks of [fc.constant('\n'), fc.constant('\r\n')]) {
      fc.assert(
        fc.property(texts(breaks), (text) => {
          const lines = unquotedLines(text);
          expect(lines).not.toBeNull();
          expect(lines).toEqual(csvParse(text));
        }),
        { numRuns: 3_000 },
      );
    }
  });

  it('is left to csv-parse when it holds a quote or mixes its line breaks', () => {
    fc.assert(
      fc.property(texts(fc.constantFrom('\n', '\r\n', '\r', '"', '"a,b"')), (text) => {
        const lines = unquotedLines(text);
        if (lines) expect(lines).toEqual(csvParse(text));
        else expect(text.includes('"') || (text.includes('\r') && /\r(?!\n)|(?<!\r)\n/.test(text))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
    expect(unquotedLines('a,"b,c"\n')).toBeNull();
    expect(unquotedLines('a,b\r\nc,d\n')).toBeNull();
    expect(unquotedLines('a,b\rc,d')).toBeNull();
  });

  it('stops after as many records as csv-parse is told to read, and makes nothing of empty lines', () => {
    fc.assert(
      fc.property(texts(fc.constant('\n')), fc.integer({ min: 1, max: 8 }), (text, most) => {
        expect(unquotedLines(text, most)).toEqual(parse(text, { ...CSV_OPTIONS, to: most } as unknown as Options));
      }),
      { numRuns: 1_000 },
    );
    expect(unquotedLines('\n'.repeat(1_000_000))).toEqual([]);
  });

  it('keeps the line number each record is on, empty lines skipped', () => {
    expect(unquotedLines('h1,h2\n\n1,2\n,\n')).toEqual([
      { line: 1, values: ['h1', 'h2'] },
      { line: 3, values: ['1', '2'] },
      { line: 4, values: ['', ''] },
    ]);
  });
});
