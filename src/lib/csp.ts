import { createHash } from 'node:crypto';

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

const STYLE_ELEMENT = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g;

/**
 * A built page whose stylesheet is inlined (so the first paint needs no second request), with
 * the hash of each inline style added to its policy: the browser applies exactly those styles
 * and no other inline one.
 */
export function allowInlineStyles(html: string): string {
  const hashes = [
    ...new Set([...html.matchAll(STYLE_ELEMENT)].map(([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`)),
  ];
  if (hashes.length === 0) return html;
  return html.replace(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self'/,
    (policy) => `${policy} ${hashes.join(' ')}`,
  );
}
