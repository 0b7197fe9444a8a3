/**
 * The Content-Security-Policy every page ships with (as a meta tag; hosts can send it as a header).
 * 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; nothing may load from another host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
