import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatReference } from '../../src/pipeline/format-doc.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { scratchDir } from '../scratch-dir.ts';

describe('the dataset format', () => {
  it('is documented in data/README.md exactly as the validator checks it (npm run doc-format)', () => {
    expect(readFileSync('data/README.md', 'utf8')).toContain(`<!-- columns:start -->\n${formatReference()}\n<!-- columns:end -->`);
  });

  it('reads a table from an Excel workbook just as from CSV, errors included', async () => {
    const dir = scratchDir('atlas-xlsx');
    cpSync('data/template', dir, { recursive: true });
    const rows = readFileSync(join(dir, 'coverage.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('coverage');
    rows.forEach((r, i) => {
      sheet.addRow(i === 0 ? r : [r[0], Number(r[1]), r[2], Number(r[3]), Number(r[4])]);
    });
    sheet.getCell('E3').value = 99;
    await book.xlsx.writeFile(join(dir, 'coverage.xlsx'));
    rmSync(join(dir, 'coverage.csv'));
    const { issues } = await loadDataset(dir);
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.row, i.column, i.value, i.rule])).toEqual([
      ['coverage.xlsx', 3, 'covered', '99', 'covered_le_eligible'],
    ]);
  });
});
