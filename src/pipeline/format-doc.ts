import { TABLES } from './input-schema.ts';

const TYPE_TEXT: Record<string, string> = {
  unit_code: 'GSO commune code: 5 digits, as text (`06649`)',
  unit_code_list: '5-digit commune codes separated by `;`',
  district_code: 'GSO district code: 3 digits, as text (`193`)',
  area_code: 'GSO code (2, 3 or 5 digits) or `VN`',
  code: 'id: letters, digits, `_`, `.`, `-`',
  text: 'text',
  integer: 'whole number ≥ 0',
  number: 'number, "." as decimal mark',
  year: 'four-digit year',
  date: 'date YYYY-MM-DD',
  enum: 'one of the allowed values',
  boolean: 'yes / no',
  url: 'http(s) address',
};

/** The column reference of data/README.md, written from the same schema the validator uses. */
export function formatReference(): string {
  return TABLES.map((t) => {
    const rows = t.columns.map(
      (c) =>
        `| \`${c.name}\` | ${TYPE_TEXT[c.type]}${c.type === 'text' ? `, ≤ ${c.max ?? 200} characters${c.multiline ? ', may span lines' : ''}` : ''}${c.values ? `: ${c.values.map((v) => `\`${v}\``).join(', ')}` : ''} | ${c.unit ?? ''} | ${c.required ? 'yes' : 'no'} | ${c.en} / ${c.vi} |`,
    );
    return [
      `### \`${t.name}.csv\` (or \`${t.name}.xlsx\`) — ${t.required ? 'required' : 'optional'}`,
      '',
      `${t.en} / ${t.vi}. One row per ${t.key.map((k) => `\`${k}\``).join(' + ')}.`,
      '',
      '| column | type | unit | required | meaning |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  }).join('\n\n');
}
