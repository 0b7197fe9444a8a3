import { describe, expect, it } from 'vitest';
import { tablesReferenced } from '../../src/lib/tables-referenced.ts';

const NAMES = ['poverty', 'units', 'coverage', 'poverty_em'];

describe('the tables a query needs before it runs', () => {
  it('are the ones it names, as words, in any case and quoting', () => {
    expect(tablesReferenced('SELECT * FROM poverty p JOIN "units" u USING (unit_code)', NAMES)).toEqual(['poverty', 'units']);
    expect(tablesReferenced('select count(*) from POVERTY_EM', NAMES)).toEqual(['poverty_em']);
    expect(tablesReferenced('SELECT poverty_rate FROM coverage', NAMES)).toEqual(['coverage']);
  });

  it('ignore names inside comments and strings', () => {
    expect(tablesReferenced("-- from units\nSELECT 'poverty' AS x FROM coverage /* units */", NAMES)).toEqual(['coverage']);
    expect(tablesReferenced("SELECT 'it''s units' FROM coverage", NAMES)).toEqual(['coverage']);
  });

  it('are all of them when the query names none (SHOW TABLES, information_schema)', () => {
    expect(tablesReferenced('SHOW TABLES', NAMES)).toEqual(NAMES);
    expect(tablesReferenced('SELECT table_name FROM information_schema.tables', NAMES)).toEqual(NAMES);
  });
});
