import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { COMPRESSIBLE, MIN_BYTES } from '../src/build/precompress.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** The encodings a request accepts. */
function acceptedEncodings(acceptEncoding: string): Set<string> {
  return new Set(
    acceptEncoding.split(',').flatMap((part) => {
      const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return q && Number(q.slice(2)) === 0 ? [] : [name];
    }),
  );
}

/** The precompressed copy the build wrote that the client accepts, brotli first; none when it accepts neither. */
function encodingFor(file: string, accepted: Set<string>): { path: string; encoding: 'br' | 'gzip' } | null {
  if (accepted.has('br') && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (accepted.has('gzip') && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return null;
}

/** For a compressible file the build wrote no copies of (a figure download), the encoding to compress it in as it is sent. */
function onTheFly(file: string, size: number, accepted: Set<string>): 'br' | 'gzip' | null {
  if (!COMPRESSIBLE.test(file) || size < MIN_BYTES) return null;
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/** A request target's path and its query (with its "?"), split without parsing: "//host" is a path here, not a host. */
function splitTarget(target: string): [string, string] {
  const at = target.search(/[?#]/);
  return at < 0 ? [target, ''] : [target.slice(0, at), target.slice(at).replace(/#.*/, '')];
}

/** The path decoded, or null where it cannot name a file: bad escapes, NUL, empty segments, not absolute. */
function decodedPath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded.startsWith('/') && !decoded.includes('\0') && !decoded.includes('//') ? decoded : null;
}

/**
 * The page for a missing file: the nearest 404.html up its folders, as static hosts find it
 * (en/404.html for an English address, 404.html for the rest); null without one.
 */
function nearestNotFoundPage(site: string, missing: string): string | null {
  for (let dir = missing; ; dir = dirname(dir)) {
    const page = join(dir, '404.html');
    if (existsSync(page)) return page;
    if (dir === site || dirname(dir) === dir) return null;
  }
}

/**
 * A small static file server for the built site, under an optional base path, with the right
 * MIME types (DuckDB-WASM needs application/wasm), the precompressed copies the build wrote, and
 * revalidation: hashed assets are cached for good, everything else is checked by ETag and answered
 * 304 when unchanged. A missing page gets its language's 404 page, with status 404. Used by
 * `npm start`, the browser tests and the benchmark.
 */
export function serveStatic(root: string, base = '/', port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const site = resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const [rawPath, query] = splitTarget(req.url ?? '/');
    const pathname = decodedPath(rawPath);
    if (pathname === null) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { location: `${prefix}${query}` }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = resolve(site, `.${pathname.slice(prefix.length - 1)}`);
    const inside = relative(site, file);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      // As static hosts do: a page's relative links resolve against its folder, named with its slash.
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${rawPath}/${query}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      const page = nearestNotFoundPage(site, file);
      if (!page) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      [file, status] = [page, 404];
    }
    // A hashed file never changes; an answer that one is missing may (a deploy under way).
    const immutable = status === 200 && pathname.includes('/_astro/');
    const accepted = acceptedEncodings(String(req.headers['accept-encoding'] ?? ''));
    const encoded = encodingFor(file, accepted);
    const sent = encoded?.path ?? file;
    const stat = statSync(sent);
    const compressing = encoded ? null : onTheFly(file, stat.size, accepted);
    const encoding = encoded?.encoding ?? compressing;
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    const headers: Record<string, string | number> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': stat.mtime.toUTCString(),
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    };
    if (status === 200 && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    // A body compressed as it goes has no length to announce.
    res.writeHead(status, compressing ? headers : { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else if (compressing === 'br')
      createReadStream(sent)
        .pipe(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }))
        .pipe(res);
    else if (compressing === 'gzip') createReadStream(sent).pipe(createGzip()).pipe(res);
    else createReadStream(sent).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://${host}:${address.port}${prefix}` });
    });
  });
}
