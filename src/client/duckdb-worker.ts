/**
 * DuckDB's worker, as the explore page starts it: it has DuckDB's module before DuckDB's own script
 * has arrived in the page and sent it the address. The page compiles the wasm as its HTML's
 * preload brings it and hands over the module (see duckdb-handover.ts); where it cannot, this
 * worker asks for the wasm at once. On a slow network those are round trips saved before the
 * largest download; on a fast one, the compiling starts as soon as the page's script runs.
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
/** The module the page compiled, until DuckDB instantiates it. */
let compiled: WebAssembly.Module | null = null;
const early = new Promise<Response>((resolve) => {
  const take = (event: MessageEvent) => {
    const data = event.data as Partial<WasmHandover> | null;
    if (!data || !(WASM_HANDOVER in data)) return;
    // Registered before DuckDB's handler, which never sees this message.
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    compiled = data[WASM_HANDOVER]?.module ?? null;
    // With the module here, DuckDB's request for the wasm is answered with nothing to download.
    resolve(
      compiled ? new Response(null, { headers: { 'content-type': 'application/wasm' } }) : fetch(wasm, { credentials: 'same-origin' }),
    );
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
// DuckDB instantiates its wasm from the response to that request: from the page's module, when there is one.
const instantiateOther = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const module = compiled;
  if (!module) return instantiateOther(response, imports);
  compiled = null;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};
importScripts(new URL(workerUrl, self.location.href).href);
