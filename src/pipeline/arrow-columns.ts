import { Bool, Float64, Int32, makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

/** A validity bitmap (bit set = value present), or null when every value is present. */
function validity(values: ArrayLike<unknown>): { bitmap: Uint8Array | null; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) nulls += 1;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap: nulls ? bitmap : null, nulls };
}

/**
 * Builds an Arrow column straight into typed buffers, in plain loops: much faster than Arrow's
 * generic builders on the national-scale tables. Text comes either as its values or, with
 * `dictionary`, as each row's index into it (how the export reads it from DuckDB); each distinct
 * text is encoded once.
 */
export function arrowColumn(sqlType: string, values: ArrayLike<unknown>, dictionary?: readonly string[]): Vector {
  const { bitmap, nulls } = validity(values);
  const length = values.length;
  if (sqlType === 'INTEGER' || sqlType === 'DOUBLE') {
    const data = sqlType === 'INTEGER' ? new Int32Array(length) : new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v != null) data[i] = Number(v);
    }
    const type = sqlType === 'INTEGER' ? new Int32() : new Float64();
    return makeVector(makeData({ type, length, nullCount: nulls, nullBitmap: bitmap, data } as never));
  }
  if (sqlType === 'BOOLEAN') {
    const data = new Uint8Array(Math.ceil(length / 8));
    for (let i = 0; i < length; i++) if (values[i]) data[i >> 3] |= 1 << (i & 7);
    return makeVector(makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap: bitmap, data }));
  }
  if (sqlType !== 'VARCHAR') throw new Error(`type ${sqlType} has no Arrow mapping; cast it in publish.sql`);
  const { codes, texts } = dictionary ? { codes: values, texts: dictionary } : dictionaryOf(values);
  const encoder = new TextEncoder();
  const encoded = texts.map((s) => encoder.encode(s));
  const valueOffsets = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    const code = codes[i];
    valueOffsets[i + 1] = valueOffsets[i] + (code == null ? 0 : encoded[Number(code)].length);
  }
  const data = new Uint8Array(valueOffsets[length]);
  for (let i = 0; i < length; i++) {
    const code = codes[i];
    if (code != null) data.set(encoded[Number(code)], valueOffsets[i]);
  }
  return makeVector(makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: bitmap, valueOffsets, data }));
}

/** Text values as indices into the list of the distinct ones (null stays null). */
function dictionaryOf(values: ArrayLike<unknown>): { codes: (number | null)[]; texts: string[] } {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const codes: (number | null)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null) {
      codes.push(null);
      continue;
    }
    const s = String(v);
    let code = index.get(s);
    if (code === undefined) {
      code = texts.length;
      index.set(s, code);
      texts.push(s);
    }
    codes.push(code);
  }
  return { codes, texts };
}
