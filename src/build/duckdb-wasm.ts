import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { keepLoaderExports } from './wasm-exports.ts';

export type DuckDbBuild = 'eh' | 'mvp';

const CACHE_DIR = 'node_modules/.cache/atlas-duckdb';
const installed = (file: string) => fileURLToPath(import.meta.resolve(`@duckdb/duckdb-wasm/dist/${file}`));

/**
 * The path of DuckDB's wasm as the site ships it: with only the exports its worker's loader asks
 * for (see wasm-exports.ts). Made once per installed version, kept by the digest of what it is
 * made from, under the name the build gives the asset (duckdb-eh.wasm, duckdb-mvp.wasm).
 */
export function shippedDuckDbWasm(build: DuckDbBuild): string {
  const wasm = readFileSync(installed(`duckdb-${build}.wasm`));
  const loader = readFileSync(installed(`duckdb-browser-${build}.worker.js`), 'utf8');
  const key = createHash('sha256').update(wasm).update(loader).digest('hex').slice(0, 16);
  const file = join(CACHE_DIR, key, `duckdb-${build}.wasm`);
  if (!existsSync(file)) {
    mkdirSync(join(CACHE_DIR, key), { recursive: true });
    // Written aside and renamed, so that a build started beside this one never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, keepLoaderExports(wasm, loader).wasm);
    renameSync(partial, file);
  }
  return file;
}

const WASM_IMPORT = /^@duckdb\/duckdb-wasm\/dist\/duckdb-(eh|mvp)\.wasm\?url$/;

/** Vite: the site's imports of DuckDB's wasm (`…/duckdb-eh.wasm?url`) get the shipped copy. */
export function shippedDuckDbWasmPlugin(): Plugin {
  return {
    name: 'shipped-duckdb-wasm',
    enforce: 'pre',
    resolveId(source) {
      const build = WASM_IMPORT.exec(source)?.[1] as DuckDbBuild | undefined;
      return build ? `${join(process.cwd(), shippedDuckDbWasm(build))}?url` : null;
    },
  };
}
