import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedDuckDbWasm } from '../../src/build/duckdb-wasm.ts';
import { keepLoaderExports } from '../../src/build/wasm-exports.ts';

const bytes = (text: string) => [...new TextEncoder().encode(text)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/** A module of three functions returning 42, 7 and 9, exported under the given names. */
function module(names: [string, string, string]) {
  return Uint8Array.from([
    ...[0, 97, 115, 109, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 0, 1, 0x7f]),
    ...section(3, [3, 0, 0, 0]),
    ...section(7, [3, ...names.flatMap((name, i) => [name.length, ...bytes(name), 0, i])]),
    ...section(10, [3, ...[42, 7, 9].flatMap((n) => [4, 0, 0x41, n, 0x0b])]),
  ]);
}

describe('keeping only the exports a loader asks for', () => {
  it('keeps the names the loader writes out and those it builds from a prefix; drops the rest, and the module still runs', async () => {
    const wasm = module(['answer', '_ZN4dropEv', 'dynCall_i']);
    const kept = keepLoaderExports(wasm, 'var answer = wasmExports["answer"]; Module["dynCall_" + sig]');
    expect([kept.kept, kept.dropped]).toEqual([2, 1]);
    const instance = await WebAssembly.instantiate(new WebAssembly.Module(kept.wasm));
    expect(Object.keys(instance.exports).sort()).toEqual(['answer', 'dynCall_i']);
    expect((instance.exports.answer as () => number)()).toBe(42);
    expect((instance.exports.dynCall_i as () => number)()).toBe(9);
  });

  it('matches whole words only, so a name inside a longer one is not kept by it', async () => {
    const kept = keepLoaderExports(module(['log', 'log2', 'a.b']), 'Math.log2(x); f["a.b"]');
    const instance = await WebAssembly.instantiate(new WebAssembly.Module(kept.wasm));
    expect(Object.keys(instance.exports).sort()).toEqual(['a.b', 'log2']);
  });

  it("keeps every export DuckDB's worker reads from the wasm it ships, and the module is valid", () => {
    const loader = readFileSync(fileURLToPath(import.meta.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js')), 'utf8');
    const shipped = readFileSync(shippedDuckDbWasm('eh'));
    expect(WebAssembly.validate(shipped)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(shipped)).map((e) => e.name);
    const read = new Set([...loader.matchAll(/wasmExports\.(\w+)|wasmExports\["(\w+)"\]/g)].map((m) => m[1] ?? m[2]));
    expect(read.size).toBeGreaterThan(50);
    expect([...read].filter((name) => !names.includes(name))).toEqual([]);
    expect(names.filter((name) => name.startsWith('duckdb_web_')).length).toBeGreaterThan(40);
    expect(names.length).toBeLessThan(1000);
  });
});
