/**
 * Lazy DuckDB-WASM for the pages that explore data. Everything loads from the site's own files
 * (the wasm and worker are bundled by Vite with hashed names); tables arrive as Arrow streams,
 * because DuckDB-WASM would fetch its Parquet extension from a third-party host.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import wasmBytes from 'virtual:duckdb-wasm-bytes';
import { transferProgress } from '../lib/download-progress.ts';
import { tablesReferenced } from '../lib/tables-referenced.ts';
import { WASM_HANDOVER, type WasmHandover } from './duckdb-handover.ts';
import workerUrl from './duckdb-worker.ts?worker&url';

export type ErrorKind = 'unsupported' | 'csp' | 'mime' | 'memory' | 'timeout' | 'other';
export type Status =
  | { state: 'loading'; loaded: number; total: number }
  | { state: 'tables' }
  | { state: 'ready'; ms: number }
  | { state: 'error'; kind: ErrorKind; detail: string };

export interface QueryResult {
  /** True when the result had more than MAX_RESULT_ROWS rows and only those were kept. */
  truncated: boolean;
  columns: string[];
  /** Arrow type names (Int32, Float64, Utf8, Bool, …), for exports and charts. */
  types: string[];
  rows: Record<string, unknown>[];
  ms: number;
}

export interface AtlasDb {
  query(sql: string): Promise<QueryResult>;
  /** Cancels the query that is running, if any. */
  cancel(): Promise<boolean>;
}

const EMPTY_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
/**
 * A module with one try/catch_all block: valid where the browser has WebAssembly exceptions, which
 * the smaller and faster "eh" build of DuckDB needs (the test DuckDB's own selectBundle makes).
 */
const EXCEPTIONS_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/** Rows a result keeps at most: a query returning millions would exhaust a phone's memory. */
export const MAX_RESULT_ROWS = 100_000;

/**
 * DuckDB may reach nothing but what the page hands it: no file, no URL, no extension, and no
 * later SET can undo it (tables arrive as bytes from the page's own requests). The page's CSP does not cover the worker, so this is what keeps
 * a query from a shared link from calling another host ("Securing DuckDB" in DuckDB's docs).
 */
const LOCKDOWN = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];

export class DuckDbError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Finds the reasons DuckDB would hang silently (CSP, MIME type) while it starts. */
async function preflight(wasmUrl: string): Promise<void> {
  try {
    await WebAssembly.compile(EMPTY_WASM);
  } catch (e) {
    throw new DuckDbError('csp', String(e));
  }
  const head = await fetch(wasmUrl, { method: 'HEAD' });
  const type = head.headers.get('content-type') ?? '';
  if (head.ok && !type.startsWith('application/wasm')) throw new DuckDbError('mime', type || 'none');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DuckDbError('timeout', String(ms / 1000))), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const classify = (e: unknown): DuckDbError => {
  if (e instanceof DuckDbError) return e;
  const text = String((e as Error)?.message ?? e);
  if (e instanceof RangeError || /memory/i.test(text)) return new DuckDbError('memory', text);
  return new DuckDbError('other', text);
};

/** How often the download's progress is shown, at most (ms): each report rewrites the status line. */
const PROGRESS_EVERY_MS = 50;

/**
 * Compiles DuckDB's module from the wasm's download and gives it to DuckDB's worker: the page's
 * request matches the preload in its HTML, so the bytes already on their way are not asked for
 * twice, and they are compiled as they arrive, while DuckDB's own script is still on its way.
 * Where the page cannot compile it (a wrong MIME type, a policy without WebAssembly, an old
 * browser), the worker asks for the wasm itself, and DuckDB reports any error.
 */
async function handOverWasm(worker: Worker, url: string, onProgress: (loaded: number, total: number) => void): Promise<void> {
  const send = (handover: WasmHandover) => worker.postMessage(handover);
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok || !response.body) throw new Error(String(response.status));
    const total = Number(response.headers.get('content-length')) || 0;
    let [loaded, shown] = [0, 0];
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          loaded += chunk.byteLength;
          const now = performance.now();
          if (now - shown >= PROGRESS_EVERY_MS) {
            shown = now;
            onProgress(loaded, total);
          }
          out.enqueue(chunk);
        },
        flush: () => onProgress(loaded, total),
      }),
    );
    const module = await WebAssembly.compileStreaming(
      new Response(counted, { headers: { 'content-type': response.headers.get('content-type') ?? '' } }),
    );
    send({ [WASM_HANDOVER]: { module } });
  } catch {
    send({ [WASM_HANDOVER]: null });
  }
}

let started: Promise<AtlasDb> | null = null;

/**
 * Starts DuckDB once per page; later calls share the same instance. Tables load when a query
 * names them (see tables-referenced.ts); those of `firstQuery` download at once, while the
 * wasm does, so the first result waits for the slower of the two, not for both in turn.
 */
export function startDuckDb(
  tables: { name: string; url: string }[],
  onStatus: (s: Status) => void,
  firstQuery = '',
  timeoutMs = 60_000,
): Promise<AtlasDb> {
  started ??= (async () => {
    const t0 = performance.now();
    let worker: Worker | undefined;
    let failed = false;
    const names = tables.map((t) => t.name);
    const downloads = new Map<string, Promise<Uint8Array>>();
    const download = (name: string) => {
      let bytes = downloads.get(name);
      if (!bytes) {
        const url = tables.find((t) => t.name === name)!.url;
        bytes = fetch(url).then(async (response) => {
          if (!response.ok) throw new DuckDbError('other', `${url}: HTTP ${response.status}`);
          return new Uint8Array(await response.arrayBuffer());
        });
        // A failed download is reported when its table is needed, not as an unhandled rejection now.
        bytes.catch(() => undefined);
        downloads.set(name, bytes);
      }
      return bytes;
    };
    for (const name of tablesReferenced(firstQuery, names)) void download(name);
    try {
      if (typeof WebAssembly !== 'object' || typeof Worker !== 'function')
        throw new DuckDbError('unsupported', 'WebAssembly or Worker missing');
      // The worker starts before DuckDB's script has arrived, and gets DuckDB's module as soon as
      // the page has compiled it from the download.
      const eh = WebAssembly.validate(EXCEPTIONS_WASM);
      worker = new Worker(`${workerUrl}#${eh ? 'eh' : 'mvp'}`);
      const wasmUrl = eh ? ehWasm : mvpWasm;
      const decodedSize = wasmBytes[eh ? 'eh' : 'mvp'];
      const progress = (decoded: number, sent: number) =>
        failed || onStatus({ state: 'loading', ...transferProgress(decoded, sent, decodedSize) });
      void handOverWasm(worker, wasmUrl, progress);
      const duckdb = await import('@duckdb/duckdb-wasm');
      const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      // The checks for a silent hang run beside the download, and stop the wait as soon as one fails.
      await Promise.all([
        preflight(wasmUrl),
        withTimeout(
          // A failed start says so once: the download's progress, still arriving, must not say otherwise.
          db.instantiate(wasmUrl, null, (p) => progress(p.bytesLoaded, p.bytesTotal)),
          timeoutMs,
        ),
      ]);
      await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
      const conn: AsyncDuckDBConnection = await db.connect();
      // One query, not one a setting: each is a round trip to the worker before the first answer.
      await conn.query(LOCKDOWN.join(';\n'));
      const inserted = new Map<string, Promise<void>>();
      const load = (name: string) => {
        let done = inserted.get(name);
        if (!done) {
          done = download(name).then((bytes) => conn.insertArrowFromIPCStream(bytes, { name, create: true }));
          inserted.set(name, done);
          done.catch(() => inserted.delete(name));
        }
        return done;
      };
      // Waits for tables still loading too: a table is created before its rows are in.
      const ensureTables = async (sql: string) => {
        const needed = tablesReferenced(sql, names);
        const missing = needed.filter((n) => !inserted.has(n));
        if (missing.length > 0) onStatus({ state: 'tables' });
        await Promise.all(needed.map(load));
        if (missing.length > 0) onStatus({ state: 'ready', ms: Math.round(performance.now() - t0) });
      };
      await ensureTables(firstQuery);
      onStatus({ state: 'ready', ms: Math.round(performance.now() - t0) });
      // Streamed in batches, so that a long query can be cancelled and the page never waits on one big result.
      const run = async (sql: string): Promise<QueryResult> => {
        const q0 = performance.now();
        await ensureTables(sql);
        const reader = await conn.send(sql, true);
        const rows: Record<string, unknown>[] = [];
        let schema = reader.schema;
        let truncated = false;
        for await (const batch of reader) {
          schema = batch.schema;
          for (const row of batch) {
            if (rows.length === MAX_RESULT_ROWS) {
              truncated = true;
              break;
            }
            rows.push(row.toJSON() as Record<string, unknown>);
          }
          if (truncated) {
            await conn.cancelSent();
            break;
          }
        }
        const fields = schema?.fields ?? [];
        return {
          truncated,
          columns: fields.map((f) => f.name),
          types: fields.map((f) => String(f.type)),
          rows,
          ms: Math.round(performance.now() - q0),
        };
      };
      // One query at a time: a second streamed query on the connection would cut the first one's rows short.
      let queue: Promise<unknown> = Promise.resolve();
      return {
        query(sql: string) {
          const turn = queue.then(() => run(sql));
          queue = turn.catch(() => undefined);
          return turn;
        },
        cancel: () => conn.cancelSent(),
      };
    } catch (e) {
      failed = true;
      // Nor need its download go on: a retry starts a worker of its own.
      worker?.terminate();
      const err = classify(e);
      onStatus({ state: 'error', kind: err.kind, detail: err.message });
      started = null;
      throw err;
    }
  })();
  return started;
}
