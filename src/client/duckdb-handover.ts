/**
 * The one message the explore page sends DuckDB's worker before DuckDB's own: DuckDB's module,
 * compiled by the page as its download arrives (its HTML preloads the wasm, so the bytes flow from
 * the first round trip and the compiling begins as soon as the page's script runs, not when
 * DuckDB's own script has arrived and asked), or null where the page could not compile it, and the
 * worker asks for the wasm itself.
 */
export const WASM_HANDOVER = 'atlasWasmHandover';

export interface WasmHandover {
  [WASM_HANDOVER]: { module: WebAssembly.Module } | null;
}
