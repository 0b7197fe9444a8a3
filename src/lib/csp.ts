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
 * and no other inline one. The page is read byte for byte (latin1), never decoded: the markup
 * looked for is ASCII, every other byte comes out as it went in, and each hash is of the
 * stylesheet's own UTF-8 bytes, as the browser computes it. Only the head is read where no style
 * element follows it (as Astro inlines them): a page's body is most of its bytes, and reading
 * every page whole had been a fortieth of the site's build.
 */
export function allowInlineStyles(page: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const headEnd = bytes.indexOf('</head>');
  const end = headEnd >= 0 && bytes.indexOf('<style', headEnd) < 0 ? headEnd : bytes.length;
  const html = bytes.toString('latin1', 0, end);
  const hashes = [
    ...new Set(
      [...html.matchAll(STYLE_ELEMENT)].map(([, css]) => `'sha256-${createHash('sha256').update(css, 'latin1').digest('base64')}'`),
    ),
  ];
  if (hashes.length === 0) return page;
  const allowed = html.replace(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self'/,
    (policy) => `${policy} ${hashes.join(' ')}`,
  );
  return Buffer.concat([Buffer.from(allowed, 'latin1'), bytes.subarray(end)]);
}
