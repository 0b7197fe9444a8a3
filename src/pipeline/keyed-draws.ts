import { createCipheriv, createHash } from 'node:crypto';

const BLOCK = 16;

/**
 * A 128-bit fingerprint of a name: four 32-bit lanes in the manner of FNV-1a, each from its own
 * offset and multiplier and stirred by the lane before. Not secret and not collision-proof: the
 * secrecy is the cipher's it is fed to, and two names with one fingerprint would only share a draw.
 */
function fingerprint(name: string, out: Buffer, at: number) {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x1b873593;
  let d = 0xcc9e2d51;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) ^ (a >>> 15);
    c = Math.imul(c ^ ch, 0x85ebca6b) ^ (b >>> 13);
    d = Math.imul(d ^ ch, 0xc2b2ae35) ^ (c >>> 16);
  }
  out.writeUInt32BE(a >>> 0, at);
  out.writeUInt32BE((b ^ name.length) >>> 0, at + 4);
  out.writeUInt32BE(c >>> 0, at + 8);
  out.writeUInt32BE(d >>> 0, at + 12);
}

/**
 * A number in [0, 1) for every name, the same for the same key and name in every build, and one
 * nobody without the key can tell from chance: each name's fingerprint enciphered with AES-256
 * under a digest of the key. One cipher call for all the names: a keyed digest a name (HMAC) took
 * 9 s of a national run for its 2,6 million counts, this takes a fraction of a second.
 */
export function keyedDraws(key: string, count: number, nameOf: (i: number) => string): Float64Array {
  const blocks = Buffer.alloc(count * BLOCK);
  for (let i = 0; i < count; i++) fingerprint(nameOf(i), blocks, i * BLOCK);
  const cipher = createCipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
  cipher.setAutoPadding(false);
  const enciphered = Buffer.concat([cipher.update(blocks), cipher.final()]);
  const draws = new Float64Array(count);
  for (let i = 0; i < count; i++) draws[i] = enciphered.readUIntBE(i * BLOCK, 6) / 2 ** 48;
  return draws;
}
