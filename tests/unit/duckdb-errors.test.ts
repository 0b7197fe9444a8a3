import { describe, expect, it } from 'vitest';
import { explainDuckDbError } from '../../src/lib/duckdb-errors.ts';

describe('DuckDB errors explained', () => {
  it('a column it does not know, with its suggestion and the caret', () => {
    const e = explainDuckDbError(
      'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "poor"\n\nLINE 1: SELECT year, nope FROM poverty\n                     ^',
    );
    expect(e).toMatchObject({ kind: 'column', name: 'nope', suggestion: 'poor' });
    expect(e.caret).toBe('LINE 1: SELECT year, nope FROM poverty\n                     ^');
  });
  it('a table, from the JSON DuckDB-WASM sometimes sends', () => {
    const e = explainDuckDbError(
      '{"exception_type":"Catalog","exception_message":"Table with name povrty does not exist!\\nDid you mean \\"poverty\\"?","name":"povrty"}',
    );
    expect(e).toMatchObject({ kind: 'table', name: 'povrty', suggestion: 'poverty' });
    expect(e.original).toContain('Catalog Error: Table with name povrty');
  });
  it('a function it does not know, with its suggestion, and one from an extension the page does not load, by name', () => {
    expect(
      explainDuckDbError(
        'Catalog Error: Scalar Function with name lenght does not exist!\nDid you mean "length"?\n\nLINE 1: SELECT lenght(\'x\')\n               ^',
      ),
    ).toMatchObject({ kind: 'function', name: 'lenght', suggestion: 'length' });
    expect(
      explainDuckDbError(
        'Catalog Error: Scalar Function with name "st_area" is not in the catalog, but it exists in the spatial extension.\n\nPlease try installing and loading the spatial extension:\nINSTALL spatial;\nLOAD spatial;',
      ),
    ).toMatchObject({ kind: 'extension', name: 'st_area', extension: 'spatial' });
  });
  it('syntax, external access, the locked configuration, a cancelled query', () => {
    expect(explainDuckDbError('Parser Error: syntax error at or near "SELEC"')).toMatchObject({ kind: 'syntax', name: 'SELEC' });
    expect(
      explainDuckDbError('Permission Error: Cannot access file "http://x/y.csv" - file system operations are disabled by configuration')
        .kind,
    ).toBe('external');
    expect(
      explainDuckDbError(
        'Invalid Input Error: Cannot change configuration option "enable_external_access" - the configuration has been locked',
      ).kind,
    ).toBe('locked');
    expect(explainDuckDbError('INTERRUPT Error: Interrupted!').kind).toBe('cancelled');
    expect(explainDuckDbError('query was canceled').kind).toBe('cancelled');
    expect(explainDuckDbError('something new').kind).toBe('other');
  });
});
