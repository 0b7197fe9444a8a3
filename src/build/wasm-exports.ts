/**
 * DuckDB's wasm is built to load extensions as side modules, so it exports every one of its 75.000
 * symbols (7,4 MB of names, 0,7 MB of its brotli download) and its loader makes a table entry for
 * each at start. The site turns extensions off (see LOCKDOWN in src/client/duckdb-client.ts); what
 * calls into the wasm is then only its JavaScript loader, which asks for exports by name. So the
 * exports kept are the names that loader's text contains, and those it builds by prefix.
 */

/**
 * The prefix the loader joins to a name at run time instead of writing the name out. (The loader
 * also looks for "orig$" + name, but only to link a side module: those 11.000 exports go.)
 */
const BUILT_BY_PREFIX = /^dynCall_/;
const EXPORT_SECTION = 7;

/** Reads an unsigned LEB128 number at `offset`; returns it and the offset after it. */
function readUnsigned(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, offset];
}

function unsigned(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

export interface ExportsKept {
  wasm: Uint8Array<ArrayBuffer>;
  kept: number;
  dropped: number;
}

/**
 * The module with only the exports its loader (`loaderText`, the worker script's text) can ask
 * for. Every other section is copied byte for byte. A name is kept when it is a word of the text
 * (an identifier or a string's content); a word that merely looks like an export keeps it, which
 * costs a few bytes and never a missing export.
 */
export function keepLoaderExports(wasm: Uint8Array, loaderText: string): ExportsKept {
  const words = new Set(loaderText.match(/[\w$]+/g));
  const named = (name: string) => (/^[\w$]+$/.test(name) ? words.has(name) : loaderText.includes(name));
  const decoder = new TextDecoder();
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let kept = 0;
  let dropped = 0;
  let offset = 8;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const [size, start] = readUnsigned(wasm, offset + 1);
    const end = start + size;
    if (id !== EXPORT_SECTION) {
      parts.push(wasm.subarray(offset, end));
      offset = end;
      continue;
    }
    const entries: Uint8Array[] = [];
    let [count, at] = readUnsigned(wasm, start);
    for (; count > 0; count -= 1) {
      const entryStart = at;
      const [length, nameStart] = readUnsigned(wasm, at);
      const name = decoder.decode(wasm.subarray(nameStart, nameStart + length));
      // The name is followed by its kind (one byte) and its index.
      at = readUnsigned(wasm, nameStart + length + 1)[1];
      if (BUILT_BY_PREFIX.test(name) || named(name)) {
        entries.push(wasm.subarray(entryStart, at));
        kept += 1;
      } else dropped += 1;
    }
    if (at !== end) throw new Error(`export section ends at byte ${at}, its size says ${end}`);
    const body = [Uint8Array.from(unsigned(entries.length)), ...entries];
    const bodySize = body.reduce((sum, b) => sum + b.length, 0);
    parts.push(Uint8Array.from([EXPORT_SECTION, ...unsigned(bodySize)]), ...body);
    offset = end;
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { wasm: out, kept, dropped };
}
