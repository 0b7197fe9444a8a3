import { issue, type Issue } from './issues.ts';
import type { RawTable } from './read-table.ts';
import { stripDiacritics } from '../lib/names.ts';

/** Column names that only household or person records have. */
const PERSONAL_COLUMN =
  /(^|_)(ho_?ten|ten_chu_ho|chu_ho|full_?name|person_?name|head_name|cccd|cmnd|id_?number|national_?id|citizen_?id|so_?dinh_?danh|phone|so_?dien_?thoai|dien_?thoai|mobile|email|household_?id|ma_?ho|dia_?chi|address|ngay_?sinh|birth)/i;

/** Runs of digits as people write phone and ID numbers: grouped by spaces, dots, dashes or brackets, perhaps after +84. */
const NUMBER_RUN = /(?:\+\s*)?\(?\d[\d\s().-]{6,24}\d/g;
/** Words that say a number is an identity document's. */
const ID_CONTEXT = /\b(cmnd|cccd|cmt|can cuoc|chung minh|dinh danh|id)\b/;

/** The digits of a written number with the country code +84 (and a bracketed 0 after it) taken back to a leading 0. */
export function nationalDigits(written: string): string {
  const digits = written.replace(/\D/g, '');
  if (written.trim().startsWith('+') || /^84[1-9]/.test(digits) || digits.startsWith('840')) {
    return `0${digits.replace(/^840?/, '')}`;
  }
  return digits;
}

/** A Vietnamese mobile (10 digits, 03/05/07/08/09) or landline (11 digits, 02x) number. */
const isPhone = (digits: string) => /^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits);

/** What personal number a free text holds, if any: a phone number, or an ID-card (CMND 9 / CCCD 12 digits) number. */
export function personalNumber(text: string): 'phone' | 'id' | null {
  // Read only when a 9- or 12-digit run needs it: most cells hold no number at all.
  let context: boolean | undefined;
  for (const [written] of text.matchAll(NUMBER_RUN)) {
    const digits = nationalDigits(written);
    if (isPhone(digits)) return 'phone';
    if (/^0\d{11}$/.test(digits) && /^\d+$/.test(written.trim())) return 'id';
    if (digits.length !== 9 && digits.length !== 12) continue;
    context ??= ID_CONTEXT.test(` ${stripDiacritics(text).toLowerCase()} `);
    if (context) return 'id';
  }
  return null;
}

const HOUSEHOLD_PREFIX = /^(hộ gia đình|gia đình|chủ hộ|hộ|hgđ|gđ)\s+((ông|bà|anh|chị|cụ)\s+)?/iu;
const PERSON_PREFIX = /^(ông|bà|anh|chị|cụ)\s+/iu;
const capitalisedWords = (text: string) => text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;

/**
 * A name that designates a household or a person ("Hộ Nguyễn Văn A", "Gia đình bà Lò Thị B"),
 * not a place: a household word before a personal name. "Bà Rịa" is a place: one word follows.
 */
export function namesAHousehold(name: string): boolean {
  const text = name.normalize('NFC').trim();
  const household = HOUSEHOLD_PREFIX.exec(text);
  if (household) return capitalisedWords(text.slice(household[0].length)) >= 2;
  const person = PERSON_PREFIX.exec(text);
  return person != null && capitalisedWords(text.slice(person[0].length)) >= 3;
}

/** Columns whose values are web addresses or codes: digit runs there are not personal numbers. */
const NOT_FREE_TEXT =
  /(^|_)(url|code|codes|id|year|value|households|poor|near_poor|eligible|covered|deprived)(_|$)|_(start|exited|new|relapsed|em|escaped|pct)$/;

/**
 * Refuses tables that look like household microdata instead of aggregates: personal columns,
 * ID-card or phone numbers anywhere in a text, units named like households, or a poverty table
 * whose rows are single households.
 */
export function checkMicrodata(table: RawTable, issues: Issue[]): void {
  for (const h of table.header) {
    if (PERSONAL_COLUMN.test(stripDiacritics(h).replace(/\s+/g, '_'))) {
      issues.push(
        issue(
          'error',
          table.file,
          1,
          h,
          h,
          'microdata_column',
          'this column looks like personal data (names, ID or phone numbers, addresses): the atlas accepts only aggregates per commune, never household records',
        ),
      );
    }
  }
  const notFreeText = new Set(table.header.filter((h) => NOT_FREE_TEXT.test(h)));
  // Each column once (a header may repeat one): the cells' own keys, without a list of them a row.
  const columns = [...new Set(table.header)];
  for (const { line, cells } of table.rows) {
    for (const column of columns) {
      const value = cells[column];
      // The shortest number run a personal number can be written in is 8 characters.
      if (value.length < 8 || (notFreeText.has(column) && !/^\+?[\d\s().-]+$/.test(value))) continue;
      const found = personalNumber(value);
      if (found) {
        issues.push(
          issue(
            'error',
            table.file,
            line,
            column,
            value,
            'microdata_value',
            `this holds ${found === 'phone' ? 'a phone number' : 'an ID-card (CMND/CCCD) number'}: remove personal data and send aggregates only`,
          ),
        );
      }
    }
    for (const column of ['unit_name', 'village_name']) {
      if (cells[column] && namesAHousehold(cells[column])) {
        issues.push(
          issue(
            'error',
            table.file,
            line,
            column,
            cells[column],
            'microdata_name',
            'this names a household or a person, not a commune or village: the atlas accepts only aggregates per unit, never household records',
          ),
        );
      }
    }
    const households = Number(cells.households);
    if (cells.households && /^\d+$/.test(cells.households) && households >= 1 && households <= 2) {
      issues.push(
        issue(
          'error',
          table.file,
          line,
          'households',
          cells.households,
          'microdata_rows',
          'a commune with 1 or 2 households is a household record: send aggregates per commune only',
        ),
      );
    }
  }
}
