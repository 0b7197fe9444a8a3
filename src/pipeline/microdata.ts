import { issue, type Issue } from './issues.ts';
import type { RawTable } from './read-table.ts';

/** Column names that only household or person records have. */
const PERSONAL_COLUMN = /(^|_)(ho_?ten|ten_chu_ho|chu_ho|full_?name|person_?name|head_name|cccd|cmnd|id_?number|national_?id|citizen_?id|so_?dinh_?danh|phone|so_?dien_?thoai|dien_?thoai|mobile|email|household_?id|ma_?ho|dia_?chi|address|ngay_?sinh|birth)/i;
const ID_NUMBER = /^\d{9}$|^\d{12}$/;
const PHONE = /^(\+?84|0)(3|5|7|8|9)\d{8}$/;

/**
 * Refuses tables that look like household microdata instead of aggregates: personal columns,
 * ID-card or phone numbers in cells, or a poverty table whose rows are single households.
 */
export function checkMicrodata(table: RawTable, issues: Issue[]): void {
  for (const h of table.header) {
    if (PERSONAL_COLUMN.test(h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/\s+/g, '_'))) {
      issues.push(issue('error', table.file, 1, h, h, 'microdata_column',
        'this column looks like personal data (names, ID or phone numbers, addresses): the atlas accepts only aggregates per commune, never household records'));
    }
  }
  for (const { line, cells } of table.rows) {
    for (const [column, value] of Object.entries(cells)) {
      const compact = value.replace(/[\s.-]/g, '');
      if (ID_NUMBER.test(compact) || PHONE.test(compact)) {
        issues.push(issue('error', table.file, line, column, value, 'microdata_value',
          'this looks like an ID-card (CMND/CCCD) or phone number: remove personal data and send aggregates only'));
      }
    }
  }
  if (table.header.includes('households') && table.rows.length >= 20) {
    const single = table.rows.filter((r) => r.cells.households === '1').length;
    if (single / table.rows.length > 0.5) {
      issues.push(issue('error', table.file, 0, 'households', '1', 'microdata_rows',
        `${single} of ${table.rows.length} rows have households = 1: this looks like one row per household, not aggregates per commune`));
    }
  }
}
