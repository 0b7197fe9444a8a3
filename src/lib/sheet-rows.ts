import excelUtils from 'exceljs/lib/utils/utils.js';

/** A column of a sheet as its rows are written: whether it holds text, and its cells' style in the workbook. */
export interface SheetColumn {
  text: boolean;
  /** The style's number in the workbook's styles (0: the default, written as no style). */
  style: number;
}

/** A column's letters in a cell's address: A to Z, then AA, AB and so on. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Rows of a sheet as SpreadsheetML, the same XML exceljs writes for them (its `addRow` made a
 * dozen objects a cell and took 13 s of one core for a national table's 8,8 million cells): text
 * as text, with exceljs's own escaping; numbers and booleans as values; an empty cell written only
 * where its column has a style, an empty row not at all. `first` is the sheet's row number of the first row given.
 */
export function sheetRows(rows: Iterable<readonly unknown[]>, columns: readonly SheetColumn[], first: number): string {
  const letters = columns.map((_, i) => columnLetters(i));
  const styled = columns.map((c) => (c.style ? ` s="${c.style}"` : ''));
  const parts: string[] = [];
  let r = first;
  for (const row of rows) {
    // exceljs leaves out a row with no value at all: so does this, numbering the next rows as it does.
    if (row.every((v) => v == null)) {
      r++;
      continue;
    }
    parts.push(`<row r="${r}" spans="1:${row.length}" x14ac:dyDescent="0.25">`);
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      const at = `<c r="${letters[i]}${r}"${styled[i]}`;
      if (value == null) {
        if (columns[i].style) parts.push(`${at}/>`);
      } else if (columns[i].text || typeof value === 'string') {
        parts.push(`${at} t="str"><v>${excelUtils.xmlEncode(String(value))}</v></c>`);
      } else if (typeof value === 'number' || typeof value === 'bigint') {
        parts.push(`${at}><v>${Number(value)}</v></c>`);
      } else if (typeof value === 'boolean') {
        parts.push(`${at} t="b"><v>${value ? 1 : 0}</v></c>`);
      } else {
        throw new Error(`sheetRows: row ${r}, column ${letters[i]}: a value of a kind a sheet cell cannot hold (${typeof value})`);
      }
    }
    parts.push('</row>');
    r++;
  }
  return parts.join('');
}
