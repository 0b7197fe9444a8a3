/**
 * DuckDB's worker, as the explore page starts it: it has the wasm's download before DuckDB's
 * module has arrived in the page and sent it the address. The page hands over the download its
 * HTML's preload began (see duckdb-handover.ts); where it cannot, this worker asks for the wasm at
 * once. On a slow network those are round trips saved before the largest download.
 * The page names the build in the address's fragment (#eh or #mvp), from the same feature test.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { WASM_HANDOVER, type WasmHandover } from './duckdb-handover.ts';

declare function importScripts(...urls: string[]): void;

const [wasmUrl, workerUrl] = self.location.hash === '#mvp' ? [mvpWasm, mvpWorker] : [ehWasm, ehWorker];
const wasm = new URL(wasmUrl, self.location.href).href;
const early = new Promise<Response>((resolve) => {
  const take = (event: MessageEvent) => {
    const data = event.data as Partial<WasmHandover> | null;
    if (!data || !(WASM_HANDOVER in data)) return;
    // Registered before DuckDB's handler, which never sees this message.
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    const given = data[WASM_HANDOVER];
    resolve(given ? new Response(given.body, { headers: { 'content-type': given.type } }) : fetch(wasm, { credentials: 'same-origin' }));
  };
  self.addEventListener('message', take);
});
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
