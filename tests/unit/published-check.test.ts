import { describe, expect, it } from 'vitest';
import { declaredColumns } from '../../src/lib/published-tables.ts';
import { checkDeclared } from '../../src/pipeline/published-check.ts';

const standards = declaredColumns('standards');
const names = standards.map((c) => c.name);
const types = standards.map((c) => c.type);
const row = { standard: 'national', name_vi: 'Chuẩn', name_en: 'Standard', legal_basis: null, first_year: 2022, last_year: 2025 };
const columnsOf = (rows: Record<string, unknown>[]) => names.map((n) => rows.map((r) => r[n]));

describe('a published table is what src/lib/published-tables.ts declares', () => {
  it('passes a table as declared, empty values only where allowed', () => {
    expect(() => checkDeclared('standards', names, types, columnsOf([row]))).not.toThrow();
  });

  it('names every difference at once: a column missing, a type changed, an empty value, a value outside its set', () => {
    const changed = types.map((t, i) => (names[i] === 'first_year' ? 'BIGINT' : t));
    const error = () => checkDeclared('standards', names.slice(0, -1), changed.slice(0, -1), columnsOf([{ ...row, name_en: null }]));
    expect(error).toThrow(
      /Published table standards: columns are \[.*first_year BIGINT.*\], declared \[.*first_year INTEGER, last_year INTEGER\]/,
    );
    expect(error).toThrow(/name_en is empty in 1 row\(s\)/);
    const progress = declaredColumns('target_progress');
    const status = progress.findIndex((c) => c.name === 'status');
    expect(() =>
      checkDeclared(
        'target_progress',
        progress.map((c) => c.name),
        progress.map((c) => c.type),
        progress.map((c, i) => [i === status ? 'on_track' : c.type === 'VARCHAR' ? (c.values?.[0] ?? 'x') : 1]),
      ),
    ).toThrow(/status holds on_track, not one of met, not_met, no_data/);
  });
});
