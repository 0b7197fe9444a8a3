/**
 * The one message the explore page sends DuckDB's worker before DuckDB's own: the wasm's
 * download, as a response body the page began (its HTML preloads the wasm, so the bytes flow from
 * the first round trip), or null where a stream cannot be handed to a worker, and the worker asks
 * for the wasm itself.
 */
export const WASM_HANDOVER = 'atlasWasmHandover';

export interface WasmHandover {
  [WASM_HANDOVER]: { body: ReadableStream<Uint8Array>; type: string } | null;
}
