/**
 * DuckDB's worker, as the explore page starts it: it asks for the wasm the moment it starts,
 * beside DuckDB's own worker script, instead of when the page's DuckDB module has arrived and sent
 * it the address. On a slow network those are round trips saved before the largest download.
 * The page names the build in the address's fragment (#eh or #mvp), from the same feature test.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

declare function importScripts(...urls: string[]): void;

const [wasmUrl, workerUrl] = self.location.hash === '#mvp' ? [mvpWasm, mvpWorker] : [ehWasm, ehWorker];
const wasm = new URL(wasmUrl, self.location.href).href;
const early = fetch(wasm, { credentials: 'same-origin' });
// A failed download is DuckDB's to report, when it asks for the wasm.
early.catch(() => undefined);
const fetchOther = self.fetch.bind(self);
let handedOver = false;
self.fetch = (input, init) => {
  const request = new Request(input, init);
  if (handedOver || request.url !== wasm || request.method !== 'GET') return fetchOther(input, init);
  handedOver = true;
  return early;
};
importScripts(new URL(workerUrl, self.location.href).href);
