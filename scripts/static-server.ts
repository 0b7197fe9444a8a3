import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

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

/** The precompressed copy the build wrote that the client accepts, brotli first; none when it accepts neither. */
function encodingFor(file: string, acceptEncoding: string): { path: string; encoding: 'br' | 'gzip' } | null {
  const accepted = new Set(
    acceptEncoding.split(',').flatMap((part) => {
      const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return q && Number(q.slice(2)) === 0 ? [] : [name];
    }),
  );
  if (accepted.has('br') && existsSync(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (accepted.has('gzip') && existsSync(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return null;
}

/**
 * A small static file server for the built site, under an optional base path, with the right
 * MIME types (DuckDB-WASM needs application/wasm), the precompressed copies the build wrote, and
 * revalidation: hashed assets are cached for good, everything else is checked by ETag and answered
 * 304 when unchanged. Used by `npm start`, the browser tests and the benchmark.
 */
export function serveStatic(root: string, base = '/', port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, pathname.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const immutable = pathname.includes('/_astro/');
    const encoded = encodingFor(file, String(req.headers['accept-encoding'] ?? ''));
    const sent = encoded?.path ?? file;
    const stat = statSync(sent);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoded ? `-${encoded.encoding}` : ''}"`;
    const headers: Record<string, string | number> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': stat.mtime.toUTCString(),
      vary: 'Accept-Encoding',
      ...(encoded ? { 'content-encoding': encoded.encoding } : {}),
    };
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(sent).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://${host}:${address.port}${prefix}` });
    });
  });
}
