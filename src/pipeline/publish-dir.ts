import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** What the pipeline writes into every manifest.json, so that it knows a folder is its own to replace. */
export const GENERATOR = 'poverty-atlas';

/** The siblings of an output folder that only exist while (or because) a run was writing it. */
export const stagingPattern = (outName: string) =>
  new RegExp(`^${outName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp-\\d+|old-\\d+|lock)$`);

/** Removes from `dir` whatever a pipeline run writing `outName` beside it left there (used on the built site). */
export function removeStaging(dir: string, outName: string): string[] {
  const pattern = stagingPattern(outName);
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f)) : [];
  for (const f of found) rmSync(join(dir, f), { recursive: true, force: true });
  return found;
}

export class OutputRefused extends Error {}

const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/** A folder this command wrote: its manifest says so (older runs wrote one with tables and disclosure). */
function writtenByUs(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return manifest.generator === GENERATOR || (Array.isArray(manifest.tables) && manifest.disclosure != null);
  } catch {
    return false;
  }
}

/**
 * Refuses an output folder that replacing would destroy something: the dataset folder, a folder
 * that holds it, or a non-empty folder this command did not write.
 */
export function checkOutput(out: string, datasetDir: string): void {
  const target = resolve(out);
  const dataset = resolve(datasetDir);
  if (isInside(dataset, target))
    throw new OutputRefused(`--out ${out} is the dataset folder or holds it: choose another folder (it would be deleted)`);
  if (isInside(target, dataset))
    throw new OutputRefused(`--out ${out} is inside the dataset folder: choose a folder outside ${datasetDir}`);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new OutputRefused(`--out ${out} is a file, not a folder`);
  if (readdirSync(target).length > 0 && !writtenByUs(target)) {
    throw new OutputRefused(
      `--out ${out} holds files that this command did not write: choose an empty or new folder (nothing was deleted)`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the output's lock (a folder, created atomically), or stops with who holds it. A dead holder's lock is taken over. */
function lock(out: string): () => void {
  const path = `${out}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(join(path, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder && alive(holder))
        throw new OutputRefused(`another run (process ${holder}) is publishing to ${out}: wait for it to finish, then run again`);
      rmSync(path, { recursive: true, force: true });
    }
  }
  throw new OutputRefused(`cannot take the lock ${path}`);
}

/**
 * Removes what killed runs left beside `out` (half-written folders, the previous output of an
 * interrupted swap), after putting back a previous output that an interrupted swap took away.
 */
function cleanUp(out: string): void {
  const parent = dirname(resolve(out));
  if (!existsSync(parent)) return;
  const pattern = stagingPattern(basename(out));
  const leftovers = readdirSync(parent).filter((f) => pattern.test(f) && !f.endsWith('.lock'));
  const previous = leftovers.filter((f) => f.includes('.old-') && writtenByUs(join(parent, f)));
  if (!existsSync(out) && previous.length > 0) renameSync(join(parent, previous[0]), out);
  for (const f of leftovers) rmSync(join(parent, f), { recursive: true, force: true });
}

/**
 * Runs `write` into a fresh folder beside `out`, then swaps it in with renames. If `write`
 * throws, the half-written folder is removed and the previous output is untouched. One run at a
 * time per output (a lock); leftovers of killed runs are cleared first.
 */
export async function publishAtomically<T>(out: string, datasetDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  checkOutput(out, datasetDir);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const unlock = lock(out);
  const fresh = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  try {
    cleanUp(out);
    const result = await write(fresh);
    if (existsSync(out)) renameSync(out, old);
    renameSync(fresh, out);
    rmSync(old, { recursive: true, force: true });
    return result;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    unlock();
  }
}
