/**
 * The form every kind of cell must have, and the message that says how to fix one that hasn't.
 * GSO codes are text of a fixed number of digits: 2 for a province, 3 for a district, 5 for a commune.
 */
import type { ColumnSpec, ColumnType } from './input-schema.ts';
import { misEncoding, misEncodingMessage } from './mis-encoded-text.ts';
import { stackedMarks, unsafeCharacter } from './unsafe-characters.ts';
import { isPrintableAscii } from '../lib/printable-ascii.ts';
import { parseWebUrl } from '../lib/web-url.ts';

export type Value = string | number | boolean | null;
export type Checked = { value: Value } | { rule: string; message: string };

/** Longest accepted text per type, unless the column sets its own. */
const MAX_LENGTH: Record<ColumnType, number> = {
  unit_code: 5,
  unit_code_list: 200,
  district_code: 3,
  area_code: 5,
  code: 40,
  text: 200,
  integer: 12,
  number: 24,
  year: 4,
  date: 10,
  enum: 40,
  boolean: 3,
  url: 500,
};

/** The largest count a commune-level table may hold: far above any commune, far below integer overflow. */
export const MAX_COUNT = 10_000_000;

const fail = (rule: string, message: string): Checked => ({ rule, message });

/** A GSO code of `digits` digits, with the hint Excel users need when a leading zero was dropped. */
function gsoCode(text: string, digits: number, what: string): Checked {
  if (text.length === digits && /^\d+$/.test(text)) return { value: text };
  const bare = /^(\d+)(\.0+)?$/.exec(text)?.[1];
  if (bare && bare.length < digits) {
    return fail(
      'code_form',
      `a ${what} code has ${digits} digits, as text: "${bare.padStart(digits, '0')}"? Excel drops leading zeros when the column is formatted as a number; format it as Text and type the code again`,
    );
  }
  return fail('code_form', `a ${what} code is ${digits} digits, as GSO publishes it (for example ${'0'.repeat(digits - 1)}1)`);
}

const excelSerialDate = (text: string) => {
  if (!/^\d{5}(\.\d+)?$/.test(text) || Number(text) < 20000 || Number(text) > 80000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
};

const isCalendarDate = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

function byType(spec: ColumnSpec, text: string): Checked {
  switch (spec.type) {
    case 'unit_code':
      return gsoCode(text, 5, 'commune');
    case 'district_code':
      return gsoCode(text, 3, 'district');
    case 'area_code':
      return /^(\d{2}|\d{3}|\d{5}|VN)$/.test(text)
        ? { value: text }
        : fail(
            'code_form',
            'an area code is a GSO code (2 digits for a province, 3 for a district, 5 for a commune) or VN for the whole country',
          );
    case 'unit_code_list': {
      const bad = text
        .split(';')
        .map((c) => c.trim())
        .find((c) => !/^\d{5}$/.test(c));
      return bad == null
        ? {
            value: text
              .split(';')
              .map((c) => c.trim())
              .join(';'),
          }
        : fail('code_form', `"${bad}" is not a 5-digit commune code: list codes separated by ";" (06649;06652)`);
    }
    case 'code':
      return /^[0-9A-Za-z][0-9A-Za-z_.-]*$/.test(text)
        ? { value: text }
        : fail('code', 'an id has only letters, digits, "_", "." or "-", and starts with a letter or digit');
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return fail('integer', 'a whole number is required (no decimals, spaces or thousands separators)');
      const n = Number(text);
      if (n < 0) return fail('non_negative', 'counts cannot be negative');
      return n > MAX_COUNT
        ? fail('count_range', `a count above ${MAX_COUNT.toLocaleString('vi-VN')} is not a commune figure: check the cell`)
        : { value: n };
    }
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))
        ? { value: Number(text) }
        : fail('number', 'a number is required, with "." as the decimal mark');
    case 'year':
      return /^(19|20)\d{2}$/.test(text) ? { value: Number(text) } : fail('year', 'a four-digit year is required');
    case 'date': {
      if (isCalendarDate(text)) return { value: text };
      const serial = excelSerialDate(text);
      return serial
        ? fail('date', `this is an Excel date number (${serial}): format the column as Text and write dates as YYYY-MM-DD`)
        : fail('date', 'a date as YYYY-MM-DD is required');
    }
    case 'boolean':
      return text === 'yes' || text === 'no' ? { value: text === 'yes' } : fail('boolean', 'yes or no is required');
    case 'url':
      return parseWebUrl(text)
        ? { value: text }
        : fail('url', 'a complete web address (http:// or https://, a valid host and port, no spaces) is required');
    case 'enum': {
      if (spec.values!.includes(text)) return { value: text };
      const meant = spec.values!.find((v) => v.toLowerCase() === text.toLowerCase());
      return fail('allowed_values', `${meant ? `did you mean "${meant}"? ` : ''}allowed values: ${spec.values!.join(', ')}`);
    }
    default:
      return { value: text };
  }
}

/** What is wrong with a text's characters (its encoding, an invisible one, stacked marks), if anything. */
function characterProblem(spec: ColumnSpec, text: string): Checked | null {
  // Before the control characters: a text read in the wrong encoding can hold some ("ỏ" as "á»\u008F").
  const misEncoded = spec.type === 'text' ? misEncoding(text, spec.name.endsWith('_name')) : null;
  if (misEncoded) return fail('text_encoding', misEncodingMessage(misEncoded));
  const unsafe = unsafeCharacter(text, spec.multiline);
  if (unsafe) {
    return fail(
      'control_character',
      `holds the invisible character ${unsafe}${/U\+000[9AD]/.test(unsafe) ? ' (a tab or line break, allowed only in notes and quotes)' : ''}: retype the text or remove it`,
    );
  }
  const marks = stackedMarks(text);
  if (marks)
    return fail('stacked_marks', `stacks the marks ${marks} on one letter; a Vietnamese letter carries two at most: retype the text`);
  return null;
}

/** Converts one cell to its typed value, or says which rule it breaks. */
export function checkCell(spec: ColumnSpec, text: string): Checked {
  if (text === '') return spec.required ? fail('required', 'a value is required') : { value: null };
  // Printable ASCII, as nearly every code and number is, holds nothing the next three checks look
  // for (no character past ASCII to be mis-encoded, no control, no mark): one test instead of up to
  // four regular expressions for each of a national dataset's seven million cells.
  const problem = isPrintableAscii(text) ? null : characterProblem(spec, text);
  if (problem) return problem;
  const max = spec.max ?? MAX_LENGTH[spec.type];
  // Counted in characters, not UTF-16 units; a text no longer than the limit in units is within it.
  const length = text.length > max ? [...text].length : text.length;
  if (length > max) return fail('max_length', `is ${length} characters long; at most ${max} are accepted in this column`);
  return byType(spec, text);
}
