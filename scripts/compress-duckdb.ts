/**
 * Run by `npm install` (postinstall), once per installed version, so that no build spends the
 * time: makes DuckDB's wasm builds as the site ships them (src/build/duckdb-wasm.ts, about 20 s
 * each), and compresses the one browsers load (its "eh" build, 24 MB) at brotli's highest setting
 * into the cache the build's precompression reads. It becomes 3,9 MB instead of 4,8 MB at the
 * build's own setting, almost a second less at 9 Mbit/s for a reader who opens a query, for about
 * 60 s on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { shippedDuckDbWasm } from '../src/build/duckdb-wasm.ts';
import { compressBestOnce } from '../src/build/precompress.ts';

shippedDuckDbWasm('mvp');
const WASM = shippedDuckDbWasm('eh');
const t0 = performance.now();
const size = await compressBestOnce(readFileSync(WASM));
console.log(`${WASM}: ${(size / 1e6).toFixed(2)} MB brotli, ready for the build (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
