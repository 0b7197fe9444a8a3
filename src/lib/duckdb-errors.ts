/**
 * A DuckDB error explained for a reader: what kind of problem it is, the name it did not know
 * and its suggestion, and the line and caret DuckDB drew under the position. DuckDB-WASM sometimes
 * sends the error as JSON; that is unpacked first. The original text is always kept.
 */
export const ERROR_KINDS = [
  'syntax',
  'column',
  'table',
  'function',
  'extension',
  'external',
  'locked',
  'cancelled',
  'type',
  'other',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ExplainedError {
  kind: ErrorKind;
  /** The name DuckDB did not know, or where the syntax broke. */
  name?: string;
  /** DuckDB's suggestion ("did you mean"). */
  suggestion?: string;
  /** The extension a function DuckDB did not know belongs to (which the page does not load). */
  extension?: string;
  /** The query line and the caret under the failing position, as DuckDB drew them. */
  caret?: string;
  original: string;
}

function unpack(message: string): string {
  const text = message.trim();
  if (!text.startsWith('{')) return text;
  try {
    const json = JSON.parse(text) as Record<string, string>;
    const type = json.exception_type ? `${json.exception_type} Error: ` : '';
    return `${type}${json.exception_message ?? text}`;
  } catch {
    return text;
  }
}

export function explainDuckDbError(message: string): ExplainedError {
  const original = unpack(message);
  const caret = /LINE \d+:.*\n.*\^/.exec(original)?.[0];
  const quoted = (re: RegExp) => re.exec(original)?.[1];
  const suggestion = quoted(/Did you mean "([^"]+)"/i) ?? quoted(/Candidate bindings: "([^"]+)"/i);
  const base = { original, caret, suggestion };
  if (/Interrupt|cancell?ed/i.test(original)) return { ...base, kind: 'cancelled' };
  if (/Parser Error|syntax error/i.test(original))
    return { ...base, kind: 'syntax', name: quoted(/at or near "([^"]*)"/) ?? quoted(/near "([^"]*)"/) };
  if (/column "?([^"\s]+)"? not found|Referenced column "([^"]+)"/i.test(original)) {
    return { ...base, kind: 'column', name: quoted(/column "([^"]+)"/i) };
  }
  if (/Table with name ([^\s!]+) does not exist|Table "([^"]+)" does not exist/i.test(original)) {
    return { ...base, kind: 'table', name: quoted(/Table with name ([^\s!]+) does not exist/i) ?? quoted(/Table "([^"]+)"/i) };
  }
  const fromExtension = /Function with name "?([^\s!"]+)"? is not in the catalog, but it exists in the (\w+) extension/i.exec(original);
  if (fromExtension) return { ...base, kind: 'extension', name: fromExtension[1], extension: fromExtension[2] };
  const unknownFunction = quoted(/Function with name "?([^\s!"]+)"? does not exist/i);
  if (unknownFunction) return { ...base, kind: 'function', name: unknownFunction };
  if (/Permission Error|disabled by configuration|extension/i.test(original) && !/locked/i.test(original))
    return { ...base, kind: 'external' };
  if (/configuration has been locked/i.test(original)) return { ...base, kind: 'locked' };
  if (/Conversion Error|Mismatch Type|Out of Range/i.test(original)) return { ...base, kind: 'type' };
  return { ...base, kind: 'other' };
}
