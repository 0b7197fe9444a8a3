import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Runs `write` into a fresh folder beside `out`, then swaps it in with renames. If `write`
 * throws, the half-written folder is removed and the previous output is untouched.
 */
export async function publishAtomically<T>(out: string, write: (dir: string) => Promise<T>): Promise<T> {
  const fresh = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  try {
    const result = await write(fresh);
    if (existsSync(out)) renameSync(out, old);
    renameSync(fresh, out);
    rmSync(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
}
