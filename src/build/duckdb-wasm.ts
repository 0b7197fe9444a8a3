import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { keepLoaderExports } from './wasm-exports.ts';

export type DuckDbBuild = 'eh' | 'mvp';

const CACHE_DIR = 'node_modules/.cache/atlas-duckdb';
const installed = (file: string) => fileURLToPath(import.meta.resolve(`@duckdb/duckdb-wasm/dist/${file}`));
const WASM_OPT = fileURLToPath(import.meta.resolve('binaryen/bin/wasm-opt'));
/**
 * Binaryen removes what no kept export, table entry or start function reaches: 2,7 MB of code
 * that only extensions could call. Nothing else is rewritten. The features are those of DuckDB's
 * builds (the eh one throws with WebAssembly's exceptions).
 */
const WASM_OPT_ARGS = [
  '--enable-exception-handling',
  '--enable-bulk-memory',
  '--enable-mutable-globals',
  '--enable-sign-ext',
  '--enable-nontrapping-float-to-int',
  '--remove-unused-module-elements',
];
/** How a copy is made: a change to any of it makes a new copy instead of reusing an older one. */
const RECIPE = JSON.stringify([
  readFileSync(new URL('./wasm-exports.ts', import.meta.url), 'utf8'),
  readFileSync(fileURLToPath(import.meta.resolve('binaryen/package.json')), 'utf8'),
  WASM_OPT_ARGS,
]);

/**
 * The path of DuckDB's wasm as the site ships it: with only the exports its worker's loader asks
 * for (see wasm-exports.ts), and without the code only the others reached. Made once per
 * installed version (about 20 s and 0,6 GB for each build), kept by the digest of what it is made
 * from and how, under the name the build gives the asset (duckdb-eh.wasm, duckdb-mvp.wasm).
 */
export function shippedDuckDbWasm(build: DuckDbBuild): string {
  // Each build of the site asks several times (page, worker and server bundles): reading and
  // hashing 70 MB each time would cost seconds.
  let file = shipped.get(build);
  if (!file) {
    file = makeShipped(build);
    shipped.set(build, file);
  }
  return file;
}

const shipped = new Map<DuckDbBuild, string>();

function makeShipped(build: DuckDbBuild): string {
  const wasm = readFileSync(installed(`duckdb-${build}.wasm`));
  const loader = readFileSync(installed(`duckdb-browser-${build}.worker.js`), 'utf8');
  const key = createHash('sha256').update(wasm).update(loader).update(RECIPE).digest('hex').slice(0, 16);
  const file = join(CACHE_DIR, key, `duckdb-${build}.wasm`);
  if (!existsSync(file)) {
    mkdirSync(join(CACHE_DIR, key), { recursive: true });
    // Made aside and renamed, so that a build started beside this one never reads half a file.
    const [exportsKept, partial] = [`${file}.${process.pid}.exports`, `${file}.${process.pid}.tmp`];
    writeFileSync(exportsKept, keepLoaderExports(wasm, loader).wasm);
    execFileSync(process.execPath, [WASM_OPT, exportsKept, ...WASM_OPT_ARGS, '-o', partial], { stdio: 'inherit' });
    rmSync(exportsKept);
    renameSync(partial, file);
  }
  return file;
}

const WASM_IMPORT = /^@duckdb\/duckdb-wasm\/dist\/duckdb-(eh|mvp)\.wasm\?url$/;
/** Each build's wasm as shipped, in bytes: the size its download's progress counts towards. */
const WASM_BYTES = 'virtual:duckdb-wasm-bytes';

/**
 * Vite: the site's imports of DuckDB's wasm (`…/duckdb-eh.wasm?url`) get the shipped copy, and
 * `virtual:duckdb-wasm-bytes` the size of each.
 */
export function shippedDuckDbWasmPlugin(): Plugin {
  return {
    name: 'shipped-duckdb-wasm',
    enforce: 'pre',
    resolveId(source) {
      if (source === WASM_BYTES) return `\0${WASM_BYTES}`;
      const build = WASM_IMPORT.exec(source)?.[1] as DuckDbBuild | undefined;
      return build ? `${join(process.cwd(), shippedDuckDbWasm(build))}?url` : null;
    },
    load(id) {
      if (id !== `\0${WASM_BYTES}`) return null;
      const bytes = (build: DuckDbBuild) => statSync(shippedDuckDbWasm(build)).size;
      return `export default ${JSON.stringify({ eh: bytes('eh'), mvp: bytes('mvp') })};`;
    },
  };
}
