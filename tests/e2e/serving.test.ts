import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.ts';

let origin = '';
let close = () => {};
beforeAll(async () => {
  const { server, url } = await serveStatic('dist');
  origin = url.replace(/\/$/, '');
  close = () => server.close();
});
afterAll(() => close());

// Each request on a connection of its own (agent: false): Node's client reuses an idle kept-alive
// connection without retrying, and one the server closes as it is reused (an idle 5 s, when a
// loaded machine takes that long to decode the wasm between two requests) fails with ECONNRESET.
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${origin}${path}`, { headers, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });

describe('npm start serves what the build precompressed, and lets browsers revalidate', () => {
  const wasm = `/_astro/${readdirSync('dist/_astro').find((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm'))}`;

  it('sends brotli or gzip as the browser accepts, the same bytes once decoded, and plain bytes otherwise', async () => {
    for (const path of ['/', '/en/map/', wasm, '/data/manifest.json']) {
      const file = path.endsWith('/') ? join('dist', path, 'index.html') : join('dist', path);
      const raw = readFileSync(file);
      const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(br.body).equals(raw), path).toBe(true);
      expect(br.body.length).toBeLessThan(raw.length / 2);
      const gz = await get(path, { 'accept-encoding': 'gzip, br;q=0' });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(raw), path).toBe(true);
      const plain = await get(path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(raw)).toBe(true);
    }
    // The wasm browsers load was compressed once, at brotli's highest setting, by npm install:
    // more than 6 times smaller (5,5 times at the build's own setting).
    const wasmRaw = readFileSync(join('dist', wasm));
    expect((await get(wasm, { 'accept-encoding': 'br' })).body.length).toBeLessThan(wasmRaw.length / 6);
    // A figure's own downloads have no copies on disk; they are compressed as they are sent.
    const svg = '/figures/vi/province/poor-trend/chart.svg';
    const svgRaw = readFileSync(join('dist', svg));
    const svgBr = await get(svg, { 'accept-encoding': 'gzip, deflate, br' });
    expect(svgBr.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(svgBr.body).equals(svgRaw)).toBe(true);
    const svgGz = await get(svg, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(svgGz.body).equals(svgRaw)).toBe(true);
    expect((await get(svg)).body.equals(svgRaw)).toBe(true);
    const head = await get(wasm, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-type']).toBe('application/wasm');
  });

  it('has, beside every file it compressed, copies that decode to that file as it is on disk', () => {
    // Pages are compressed as they are rendered, the rest at the end: either way, the copies
    // must be of the bytes that were finally written.
    const copies = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.br'));
    expect(copies.length).toBeGreaterThan(100);
    for (const copy of copies) {
      const file = join('dist', copy.slice(0, -'.br'.length));
      const raw = readFileSync(file);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(raw), file).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(raw), file).toBe(true);
    }
  });

  it('answers a revalidation of an unchanged page with 304 and no body; hashed assets are cached for good', async () => {
    const first = await get('/communes/', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/communes/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // The ETag names the encoding: a cached brotli copy is never offered to a client that asked for gzip.
    expect((await get('/communes/', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
    expect((await get(wasm, { 'accept-encoding': 'br' })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('npm start answers a hostile request and goes on serving', () => {
  // A site folder with a sibling whose name begins with the site's: a path check by prefix alone lets it through.
  const parent = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
  const site = join(parent, 'site');
  let local = '';
  let stop = () => {};
  beforeAll(async () => {
    mkdirSync(join(site, 'map'), { recursive: true });
    writeFileSync(join(site, 'index.html'), 'home');
    writeFileSync(join(site, 'map', 'index.html'), 'map');
    mkdirSync(join(parent, 'site-private'));
    writeFileSync(join(parent, 'site-private', 'secret.txt'), 'secret');
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    const { server, url } = await serveStatic(site);
    local = url.replace(/\/$/, '');
    stop = () => server.close();
  });
  afterAll(() => {
    stop();
    rmSync(parent, { recursive: true, force: true });
  });
  const raw = (path: string, method = 'GET') =>
    new Promise<{ status: number; location?: string; body: string }>((resolve, reject) => {
      request(`${local}/`, { path, method, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, body }));
      })
        .on('error', reject)
        .end();
    });

  it("sends a missing page's language's 404 page with status 404, as static hosts send the nearest 404.html", async () => {
    for (const [path, lang] of [
      ['/communes/99999/', 'vi'],
      ['/en/communes/99999/', 'en'],
      ['/en/no/such/page', 'en'],
      ['/data/parquet/none.parquet', 'vi'],
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(answer.body.toString(), path).toContain(`<html lang="${lang}"`);
    }
    // A missing hashed file is not cached as if it were one: it may yet be deployed.
    expect((await get('/_astro/none.0000.js')).headers['cache-control']).toBe('no-cache');
  });

  it('never sends a file outside its folder, and refuses a path it cannot read with 400, without stopping', async () => {
    for (const path of [
      '/..%2Fsite-private/secret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..\\secret.txt',
      '/../secret.txt',
    ]) {
      const answer = await raw(path);
      expect(answer.body, path).not.toContain('secret');
      expect([400, 403, 404], path).toContain(answer.status);
    }
    for (const path of ['//', '/%E0%A4%A', '/a%00b', '//example.org/']) {
      expect((await raw(path)).status, path).toBe(400);
    }
    expect((await raw('/', 'DELETE')).status).toBe(405);
    expect(await raw('/')).toMatchObject({ status: 200, body: 'home' });
  });

  it('sends a folder named without its slash to the address with it, as hosts do, so its relative links resolve', async () => {
    expect(await raw('/map')).toMatchObject({ status: 301, location: '/map/' });
    expect(await raw('/map?x=1')).toMatchObject({ status: 301, location: '/map/?x=1' });
    expect(await raw('/map/')).toMatchObject({ status: 200, body: 'map' });
    // …and the site's own address under a sub-path, named without its slash.
    const { server, url } = await serveStatic(site, '/atlas/');
    const under = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
      request(url.replace(/\/atlas\/$/, '/atlas?x=1'), (res) => resolve({ status: res.statusCode, location: res.headers.location }))
        .on('error', reject)
        .end();
    });
    server.close();
    expect(under).toEqual({ status: 301, location: '/atlas/?x=1' });
  });
});
