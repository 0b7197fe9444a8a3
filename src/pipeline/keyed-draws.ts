import { createCipheriv, createHash } from 'node:crypto';

const BLOCK = 16;

/** The four lanes' starting values, and no character taken in yet. */
const FRESH = Int32Array.of(0x811c9dc5, 0x050c5d1f, 0x1b873593, 0xcc9e2d51 | 0, 0);

/**
 * Takes `text` into a 128-bit fingerprint (`state`: four 32-bit lanes in the manner of FNV-1a, each
 * from its own offset and multiplier and stirred by the lane before, then how many characters were
 * taken in). Not secret and not collision-proof: the secrecy is the cipher's it is fed to, and two
 * names with one fingerprint would only share a draw.
 */
function absorb(state: Int32Array, text: string) {
  // Plain locals and stores: this runs for every count of a national dataset.
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) ^ (a >>> 15);
    c = Math.imul(c ^ ch, 0x85ebca6b) ^ (b >>> 13);
    d = Math.imul(d ^ ch, 0xc2b2ae35) ^ (c >>> 16);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  state[4] += text.length;
}

function writeFingerprint(state: Int32Array, out: DataView, at: number) {
  out.setUint32(at, state[0]);
  out.setUint32(at + 4, state[1] ^ state[4]);
  out.setUint32(at + 8, state[2]);
  out.setUint32(at + 12, state[3]);
}

/**
 * Names enciphered a call: 64 KB of fingerprints. All of a national dataset's at once were two
 * buffers of 54 MB, whose weight outside the heap set off full collections of a heap of gigabytes.
 */
const NAMES_A_CALL = 4096;

/**
 * A number in [0, 1) for every name, the same for the same key and name in every build, and one
 * nobody without the key can tell from chance: each name's fingerprint enciphered with AES-256
 * under a digest of the key, thousands of names to a call to the cipher: a keyed digest a name
 * (HMAC) took 9 s of a national run for its 2,6 million counts, this takes a fraction of a second.
 * Each name is `prefixOf(i) + nameOf(i)`: a prefix that names share one after another (a fact's
 * key, before each of its measures) is taken in once for them all, and the names are never
 * joined into strings.
 */
export function keyedDraws(
  key: string,
  count: number,
  nameOf: (i: number) => string,
  prefixOf: (i: number) => string = () => '',
): Float64Array {
  const cipher = createCipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
  cipher.setAutoPadding(false);
  const blocks = new Uint8Array(Math.min(count, NAMES_A_CALL) * BLOCK);
  const fingerprints = new DataView(blocks.buffer);
  const [prefixed, state] = [Int32Array.from(FRESH), new Int32Array(FRESH.length)];
  let prefix = '';
  const draws = new Float64Array(count);
  for (let from = 0; from < count; from += NAMES_A_CALL) {
    const names = Math.min(NAMES_A_CALL, count - from);
    for (let i = 0; i < names; i++) {
      const next = prefixOf(from + i);
      if (next !== prefix) {
        prefixed.set(FRESH);
        absorb(prefixed, next);
        prefix = next;
      }
      state.set(prefixed);
      absorb(state, nameOf(from + i));
      writeFingerprint(state, fingerprints, i * BLOCK);
    }
    // Each block is enciphered on its own (ECB): the same draws as one call for all of them.
    const enciphered = cipher.update(blocks.subarray(0, names * BLOCK));
    if (enciphered.length !== names * BLOCK) throw new Error('keyedDraws: the cipher held back a block');
    for (let i = 0; i < names; i++) draws[from + i] = enciphered.readUIntBE(i * BLOCK, 6) / 2 ** 48;
  }
  cipher.final();
  return draws;
}
