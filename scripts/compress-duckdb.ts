/**
 * Run by `npm install` (postinstall): compresses the DuckDB wasm that browsers load (its "eh"
 * build, 34 MB) at brotli's highest setting, once per installed version, into the cache the
 * build's precompression reads. It becomes 5,1 MB instead of 6,2 MB at the build's own setting,
 * about a second less at 9 Mbit/s for a reader who opens a query, for about 85 s on 2 cores,
 * which no build should spend again.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressBestOnce } from '../src/build/precompress.ts';

// The same file the explore page's script imports (src/client/duckdb-client.ts), wherever npm put it.
const WASM = relative(process.cwd(), fileURLToPath(import.meta.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')));
const t0 = performance.now();
const size = await compressBestOnce(readFileSync(WASM));
console.log(`${WASM}: ${(size / 1e6).toFixed(2)} MB brotli, ready for the build (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
