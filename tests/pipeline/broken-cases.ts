/**
 * Broken inputs made from the valid template dataset by one change each: the ways a careless or
 * hostile file reaches the pipeline. Each case's expected issues are in
 * tests/fixtures/broken/<name>/expected.txt (with folder cases, which lay files over the template).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type CaseFiles = Record<string, string | Uint8Array | null>;

const template = (file: string) => readFileSync(`data/template/${file}`, 'utf8');
const metadata = () => JSON.parse(template('metadata.json'));
// biome-ignore lint/suspicious/noExplicitAny: a broken case may reshape any part of the metadata.
const withMetadata = (change: (m: Record<string, any>) => void) => {
  const m = metadata();
  change(m);
  return { 'metadata.json': JSON.stringify(m, null, 2) };
};
/** A template CSV with one cell changed: row `row` (1 = header) and column `column`. */
function editCell(file: string, row: number, column: string, value: string): string {
  const lines = template(file).trimEnd().split('\n');
  const header = lines[0].split(',');
  const cells = lines[row - 1].split(',');
  cells[header.indexOf(column)] = value;
  lines[row - 1] = cells.join(',');
  return `${lines.join('\n')}\n`;
}
const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

async function workbook(sheets: { name: string; rows: ExcelJS.CellValue[][]; merge?: string }[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date('2026-01-01T00:00:00Z');
  book.modified = book.created;
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    for (const row of s.rows) sheet.addRow(row);
    if (s.merge) sheet.mergeCells(s.merge);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const csvRows = (file: string): ExcelJS.CellValue[][] =>
  template(file)
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));

const PUBLISHED_FIGURES =
  'figure_id,area_name,area_code,period_vi,period_en,year,indicator,standard,value,unit,evidence,note_vi,note_en,source_url\n';
const publishedFigure = (note: string, url = 'https://example.org/a') =>
  `${PUBLISHED_FIGURES}f1,Tỉnh Mẫu,99,cuối năm 2022,end of 2022,2022,poor,national,12,households,verified,${quoted(note)},,${url}\n`;
const VILLAGES = 'village_id,village_name,name_is_placeholder,unit_code,listed_by,exit_year,exit_decision\n';

/** The same dataset with Quảng Ninh-like codes (0664x), so that a dropped leading zero can be shown. */
const zeroPadded = (file: string) => template(file).replaceAll(/\b9000(\d)\b/g, '0664$1');

export const CODE_CASES: Record<string, () => CaseFiles | Promise<CaseFiles>> = {
  'duplicate-header': () => ({
    'poverty.csv': template('poverty.csv')
      .split('\n')
      .map((l, i) => (l ? `${l},${i === 0 ? 'households' : '7'}` : l))
      .join('\n'),
  }),
  'xlsx-merged-header': async () => {
    const rows = csvRows('units.csv');
    rows[0][1] = null;
    return { 'units.csv': null, 'units.xlsx': await workbook([{ name: 'units', rows, merge: 'A1:B1' }]) };
  },
  'leading-zero-dropped': () => ({
    'units.csv': zeroPadded('units.csv'),
    'coverage.csv': zeroPadded('coverage.csv'),
    'poverty.csv': zeroPadded('poverty.csv').replaceAll(/^0664/gm, '664'),
    'boundaries/communes.geojson': zeroPadded('boundaries/communes.geojson'),
  }),
  'boundaries-not-drawable': () => {
    // As GIS offices often keep them: in VN-2000 metres, a commune's office as a point, a ring left open, latitude first.
    const geo = JSON.parse(template('boundaries/communes.geojson'));
    const [projected, point, open, swapped] = geo.features;
    swapped.geometry.coordinates[0] = swapped.geometry.coordinates[0].map(([x, y]: number[]) => [y, x]);
    projected.geometry.coordinates[0] = projected.geometry.coordinates[0].map(([x, y]: number[]) => [
      Math.round(430000 + (x - 106) * 1e5),
      Math.round(2322000 + (y - 21) * 1e5),
    ]);
    point.geometry = { type: 'Point', coordinates: [106.15, 21.05] };
    open.geometry.coordinates[0].pop();
    return { 'boundaries/communes.geojson': JSON.stringify(geo) };
  },
  'code-junk': () => ({ 'poverty.csv': editCell('poverty.csv', 2, 'unit_code', 'X-1.a') }),
  'district-code-letters': () => ({ 'units.csv': editCell('units.csv', 2, 'district_code', 'ABC') }),
  'commune-of-another-province': () => ({
    'poverty.csv': `${template('poverty.csv')}00004,2022,national,900,1,0,0,0,1,2,0,0,0,2,0,0,0,0\n`,
  }),
  'control-character-in-name': () => ({ 'units.csv': editCell('units.csv', 2, 'unit_name', 'Xã\u0007Một') }),
  'illustrative-table-without-a-note': () =>
    withMetadata((m) => {
      delete m.illustrative_note;
    }),
  'control-character-in-metadata': () =>
    withMetadata((m) => {
      m.title.vi = 'Bộ dữ liệu\u0001 mẫu';
    }),
  'province-named-with-its-kind': () =>
    withMetadata((m) => {
      m.province.name_vi = 'Tỉnh Mẫu';
      m.province.kind = 'town';
    }),
  'bidi-override-in-name': () => ({ 'units.csv': editCell('units.csv', 3, 'unit_name', 'Phường \u202EiaH') }),
  // Names that went through the wrong encoding: UTF-8 read as Windows-1252 (Excel's ANSI), and
  // typed in the TCVN3 and VNI font codes; the metadata's title read as Windows-1252 too.
  'mis-encoded-names': () => {
    const names: Record<number, [string, string]> = {
      2: ['unit_name', 'XÃ£ Ä\u0090á»“ng VÄƒn'],
      3: ['unit_name', 'Ph\u00adêng H¹ Long'],
      4: ['district_name', 'Huyeän Ñoàng Hyû'],
    };
    const lines = template('units.csv').trimEnd().split('\n');
    const header = lines[0].split(',');
    for (const [row, [column, value]] of Object.entries(names)) {
      const cells = lines[Number(row) - 1].split(',');
      cells[header.indexOf(column)] = value;
      lines[Number(row) - 1] = cells.join(',');
    }
    return {
      'units.csv': `${lines.join('\n')}\n`,
      ...withMetadata((m) => {
        m.title.vi = 'Bá»™ dá»¯ liá»‡u máº«u';
      }),
    };
  },
  'line-break-in-name': () => ({ 'units.csv': editCell('units.csv', 2, 'unit_name', '"Xã\nMột"') }),
  'c1-control-in-name': () => ({ 'units.csv': editCell('units.csv', 2, 'unit_name', 'Xã\u0085Một') }),
  'noncharacter-in-name': () => ({ 'units.csv': editCell('units.csv', 2, 'unit_name', 'Xã Một\uFFFF') }),
  // Text that draws nothing, or draws a tower: a name that looks like another one, marks stacked on a letter.
  'invisible-or-stacked-in-names': () => ({
    'units.csv': editCell('units.csv', 2, 'unit_name', 'Xã\u200B Một').replace('Phường Hai', 'Phường Ha\u0300\u0301\u0302\u0303\u0304i'),
    ...withMetadata((m) => {
      m.source_agency.en = 'Provincial\u2060 office';
      m.title.en = 'Sample d\u0308\u0308\u0308ataset';
    }),
    // The province shapes' names and codes are published on the national page: checked as cells are.
    'boundaries/provinces.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: [
        ['Quảng\u200DNinh', 'VN-13'],
        ['Hà Nội', '13'],
        ['<b>Hải Phòng</b>'.repeat(10), 'VN-HP'],
        [null, 'VN-HN'],
      ].map(([province_name, iso_3166_2], i) => ({
        type: 'Feature',
        properties: { province_name, iso_3166_2 },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [105 + i, 20],
              [105.5 + i, 20],
              [105.5 + i, 20.5],
              [105 + i, 20],
            ],
          ],
        },
      })),
    }),
  }),
  'phone-in-note': () => ({ 'published_figures.csv': publishedFigure('Số liệu do anh Nguyễn Văn Nam cung cấp, ĐT +84 (0) 912 345 678') }),
  'landline-in-note': () => ({ 'published_figures.csv': publishedFigure('Liên hệ phòng LĐTBXH: 0203 3835 123') }),
  'id-number-in-village': () => ({
    'villages.csv': `${VILLAGES}V01,${quoted('Thôn Nà Pá (trưởng thôn Hoàng Văn Bình, CCCD 022190001234)')},no,90003,QĐ 612/QĐ-UBDT,,\n`,
  }),
  'households-as-units': () => ({
    'units.csv': `${template('units.csv')}90005,Hộ Nguyễn Văn An,Xã,902,Huyện B,Huyện,2020-01-01,,\n90006,Hộ Lò Thị Bình,Xã,902,Huyện B,Huyện,2020-01-01,,\n`,
    'poverty.csv': `${template('poverty.csv')}90005,2022,national,1,1,0,0,0,1,0,0,0,0,0,1,1,0,0\n90006,2022,national,2,0,0,0,0,0,1,0,0,0,1,0,0,0,0\n`,
  }),
  'very-long-name': () => ({ 'units.csv': editCell('units.csv', 2, 'unit_name', `Xã ${'A'.repeat(4997)}`) }),
  'url-bad-port': () => ({ 'published_figures.csv': publishedFigure('note', 'https://host:80800/') }),
  'version-path-traversal': () =>
    withMetadata((m) => {
      m.version = 'x/../../../../tmp/pwned/evil';
    }),
  'version-markup': () =>
    withMetadata((m) => {
      m.version = '1" onload="alert(document.domain)" x="';
    }),
  'utf16-without-bom': () => ({ 'poverty.csv': new Uint8Array(Buffer.from(template('poverty.csv'), 'utf16le')) }),
  'semicolon-delimited': () => ({ 'coverage.csv': template('coverage.csv').replaceAll(',', ';') }),
  'tab-delimited': () => ({ 'coverage.csv': template('coverage.csv').replaceAll(',', '\t') }),
  'xlsx-formula-without-value': async () => {
    const rows = csvRows('coverage.csv');
    rows[3][4] = { formula: 'D4*0.95' } as ExcelJS.CellValue;
    return { 'coverage.csv': null, 'coverage.xlsx': await workbook([{ name: 'coverage', rows }]) };
  },
  'xlsx-division-by-zero': async () => {
    const rows = csvRows('coverage.csv');
    rows[2][4] = { formula: 'D3/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    rows[5][3] = { error: '#N/A' } as ExcelJS.CellValue;
    return { 'coverage.csv': null, 'coverage.xlsx': await workbook([{ name: 'coverage', rows }]) };
  },
  'xlsx-table-on-second-sheet': async () => ({
    'coverage.csv': null,
    'coverage.xlsx': await workbook([
      { name: 'Ghi chú', rows: [['Bảng độ bao phủ BHYT, số liệu năm 2022–2023']] },
      { name: 'coverage', rows: csvRows('coverage.csv') },
    ]),
  }),
  'excel-serial-date': () => ({ 'units.csv': editCell('units.csv', 2, 'valid_from', '43831') }),
  'impossible-date': () => ({ 'units.csv': editCell('units.csv', 3, 'valid_from', '2021-02-30') }),
  'header-in-capitals': () => ({
    'poverty.csv': template('poverty.csv').replace('households,', 'Households,').replace(',year,', ', Year ,'),
  }),
  'title-row-above-header': () => ({ 'coverage.csv': `BẢNG ĐỘ BAO PHỦ CHÍNH SÁCH,,,,\n${template('coverage.csv')}` }),
  'units-rejected-whole': () => ({ 'units.csv': template('units.csv').replace('unit_code,', 'ma_xa,') }),
  // One bad cell is one error: the deprivation rows of that commune and year, and the check that
  // every commune has its row, do not report it missing as well.
  'thousands-separator-in-a-count': () => ({
    'poverty.csv': editCell('poverty.csv', 2, 'households', '1.000'),
    'deprivation.csv':
      'unit_code,year,standard,indicator,households_deprived\n90001,2022,national,employment,3\n90001,2022,national,health_insurance,1\n',
  }),
  // A target the atlas has no result for would be listed as "no data" for ever, under its code.
  'target-the-atlas-cannot-measure': () => ({
    'plan_sections.csv':
      'section_id,source_section,title_vi,title_en,plan_text_vi,summary_en,indicators\n' +
      // A typo, a table the atlas has no section figures from, and two it has (one with spaces).
      'health,II.1,Y tế,Health,,,deprivation:health_insurence;poverty:poor; coverage : bhyt ;deprivation:water\n',
    'targets.csv':
      'target_id,indicator,scope,comparator,value,unit,year,standard,source_document,source_document_en,source_section,text_vi,text_en\n' +
      'income,income_per_capita,province,>=,1.5,times,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.1,"Thu nhập tăng 1,5 lần",Income up 1.5 times\n' +
      'typo,Poor-Rate,province,<=,2,%,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.8,Tỷ lệ nghèo dưới 2%,Poverty under 2%\n' +
      'villages,villages_exited,district,>=,2,villages,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.2,Mỗi huyện 2 thôn,Two villages a district\n' +
      // People, not households; and a share of households where a number of them is measured.
      'people,poor_reduction,province,>=,300,người,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.3,Giảm 300 người nghèo,300 fewer poor people\n' +
      'share,poor,province,<=,2,%,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.4,Hộ nghèo dưới 2%,Poor households under 2%\n' +
      // Each unit as a plan may write it, in either language: no issue.
      'fewer,near_poor_reduction,province,>=,10,Hộ cận nghèo,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.5,Giảm 10 hộ cận nghèo,10 fewer near-poor households\n' +
      'points,poor_rate_reduction,province,>=,1.5,%/năm,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.6,"Giảm 1,5%/năm",1.5 points lower a year\n' +
      '"hamlets",villages_exited,province,>=,2,"thôn, bản, ấp",2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.7,2 thôn,Two villages\n' +
      // A standard on a coverage target, which is counted whatever the standard.
      'bhyt,coverage_bhyt,province,>=,100,%,2023,national,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.9,100% có BHYT,Everyone insured\n' +
      // The targets report's address, as a host that ignores case would read it.
      'Report,coverage_credit,province,>=,100,%,2023,,Kế hoạch 1/KH-UBND,Plan 1/KH-UBND,I.10,100% được vay vốn,Everyone may borrow\n',
  }),
  'integer-overflow': () => ({ 'poverty.csv': editCell('poverty.csv', 2, 'households', '99999999999') }),
  'units-from-xlsx': async () => ({
    'units.csv': null,
    'units.xlsx': await workbook([{ name: 'units', rows: csvRows('units.csv').filter((r) => r[0] !== '90004') }]),
  }),
  'unnamed-column-with-data': () => ({
    'coverage.csv': template('coverage.csv')
      .split('\n')
      .map((l, i) => (l ? `${l},,${i === 0 ? '' : 'x'}` : l))
      .join('\n'),
  }),
  // Names an object's own machinery: each must still be a column like any other, checked and reported.
  'object-machinery-columns': () => ({
    'poverty.csv': template('poverty.csv')
      .split('\n')
      .map((l, i) => (l ? `${l},${i === 0 ? '__proto__,constructor' : '0912 345 678,0912345678'}` : l))
      .join('\n'),
  }),
  'allowed-value-in-capitals': () => ({ 'coverage.csv': editCell('coverage.csv', 2, 'programme', 'BHYT') }),
  'province-code-form': () =>
    withMetadata((m) => {
      m.province.code = '099';
    }),
  'licence-url-invalid': () =>
    withMetadata((m) => {
      m.licence.url = 'creativecommons.org/publicdomain/zero/1.0/';
    }),
  'dataset-id-with-diacritics': () =>
    withMetadata((m) => {
      m.dataset_id = 'tỉnh-mẫu';
    }),
  'predecessor-codes-form': () => ({ 'units.csv': editCell('units.csv', 5, 'predecessor_codes', '90001;X2') }),
  'same-rule-on-many-rows': () => ({
    'coverage.csv': template('coverage.csv')
      .split('\n')
      .map((l, i) => (i === 0 || !l ? l : l.replace(',bhyt,', ',BHYT,')))
      .join('\n'),
  }),
};

/** Inputs that look odd but are fine: each must pass with no error and publish the same values as the template. */
export const ACCEPTED_CASES: Record<string, () => CaseFiles | Promise<CaseFiles>> = {
  'metadata-with-bom': () => ({ 'metadata.json': `\uFEFF${template('metadata.json')}` }),
  'csv-with-bom': () => ({ 'poverty.csv': `\uFEFF${template('poverty.csv')}` }),
  'utf16-with-bom': () => ({
    'poverty.csv': new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template('poverty.csv'), 'utf16le')])),
  }),
  'windows-line-endings': () => ({ 'coverage.csv': template('coverage.csv').replaceAll('\n', '\r\n') }),
  'trailing-empty-columns-and-rows': () => ({
    'coverage.csv': `${template('coverage.csv')
      .split('\n')
      .map((l) => (l ? `${l},,,` : l))
      .join('\n')},,,,,,,\n,,,,,,,\n`,
  }),
  'decomposed-vietnamese': () => ({ 'units.csv': template('units.csv').normalize('NFD') }),
  'units-as-xlsx': async () => ({ 'units.csv': null, 'units.xlsx': await workbook([{ name: 'units', rows: csvRows('units.csv') }]) }),
  'note-with-line-break': () => ({ 'published_figures.csv': publishedFigure('Dòng một\nDòng hai') }),
};
