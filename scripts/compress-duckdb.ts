/**
 * Run by `npm install` (postinstall), once per installed version, so that no build spends the
 * time: makes DuckDB's wasm builds as the site ships them (src/build/duckdb-wasm.ts, 20–36 s
 * each), and compresses the one browsers load (its "eh" build, 24 MB) at brotli's highest setting
 * into the cache the build's precompression reads. It becomes 3,9 MB instead of 4,8 MB at the
 * build's own setting, almost a second less at 9 Mbit/s for a reader who opens a query, for
 * 60–105 s of one core. The other build, for browsers without WebAssembly's exceptions, is
 * compressed at the build's own setting.
 */
import { readFileSync } from 'node:fs';
import { shippedDuckDbWasm } from '../src/build/duckdb-wasm.ts';
import { compressBestOnce, compressOnce } from '../src/build/precompress.ts';

const t0 = performance.now();
const WASM = shippedDuckDbWasm('eh');
// Compressed on the thread pool while wasm-opt makes the other build in a process of its own: the
// two use both cores, where one after the other they took 175 s of a fresh install. The other
// build's copies at the build's own settings (2–3 s) are made beside the first's, which takes
// longer, instead of at the end of the first build of the site.
const compressing = compressBestOnce(readFileSync(WASM));
const other = compressOnce(readFileSync(shippedDuckDbWasm('mvp')));
const [size] = await Promise.all([compressing, other]);
console.log(`${WASM}: ${(size / 1e6).toFixed(2)} MB brotli, ready for the build (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
