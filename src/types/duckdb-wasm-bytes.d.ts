/** Each build of DuckDB's wasm as the site ships it, in bytes (src/build/duckdb-wasm.ts). */
declare module 'virtual:duckdb-wasm-bytes' {
  const bytes: Record<'eh' | 'mvp', number>;
  export default bytes;
}
