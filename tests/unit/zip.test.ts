import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DeflatingEntry, deflateEntry, deterministicZip } from '../../src/lib/zip.ts';
import { entryTimes } from './zip-entry-times.ts';

const RELEASED = new Date('2026-11-29T00:00:00Z');

describe('zips with the release date as every entry time', () => {
  const entries = { 'b.csv': new TextEncoder().encode('a,b\n1,2\n'.repeat(50)), 'a.parquet': new Uint8Array([1, 2, 3]) };

  it('dates every entry with the release date in UTC, whatever the time zone, and keeps the content', () => {
    const zone = process.env.TZ;
    // Seven hours east of UTC, the release date's midnight is 07:00 on the machine's clock.
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    const zip = deterministicZip(entries, RELEASED, (name) => name.endsWith('.parquet'));
    process.env.TZ = zone;
    expect(new Set(entryTimes(zip))).toEqual(new Set([RELEASED.toISOString()]));
    expect(unzipSync(zip)).toEqual(entries);
    expect(deterministicZip(entries, RELEASED)).toEqual(deterministicZip(entries, RELEASED));
  });

  it('makes the same bytes from an entry deflated beforehand, on zlib’s threads, as from its content', async () => {
    const ahead = deterministicZip({ ...entries, 'b.csv': await deflateEntry(entries['b.csv']) }, RELEASED);
    expect(ahead).toEqual(deterministicZip(entries, RELEASED));
  });

  it('makes the same entry from content deflated a piece at a time, however it is cut, as from the whole', async () => {
    // Pieces of 150 KB now and then: entries held whole while they are short, and entries that outgrow that.
    const long = 'Tiếng Việt '.repeat(10_000);
    const text = fc.array(
      fc.oneof(
        { arbitrary: fc.string({ unit: 'grapheme' }), weight: 3 },
        { arbitrary: fc.constantFrom('<row r="4">', '</c>', ''), weight: 1 },
        { arbitrary: fc.constant(long), weight: 1 },
      ),
      { maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(text, async (pieces) => {
        const encoder = new TextEncoder();
        const entry = new DeflatingEntry();
        for (const piece of pieces) await entry.write(encoder.encode(piece));
        const whole = encoder.encode(pieces.join(''));
        const deflated = await entry.end();
        expect(deflated).toEqual(await deflateEntry(whole));
        expect(deflated.crc).toBe(crc32(whole));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps zlib at pace with a writer of pieces larger than it lets wait, and loses none of them', async () => {
    const piece = (i: number) => new TextEncoder().encode(`<row r="${i}"><c t="str"><v>${'Tiếng Việt '.repeat(100_000 + i)}</v></c></row>`);
    const entry = new DeflatingEntry();
    for (let i = 0; i < 6; i++) await entry.write(piece(i));
    const whole = Buffer.concat(Array.from({ length: 6 }, (_, i) => piece(i)));
    expect(await entry.end()).toEqual(await deflateEntry(whole));
  });

  it('writes a release date outside the years a zip can hold as the nearest it can', () => {
    const zip = deterministicZip(entries, new Date('1970-01-01T00:00:00Z'));
    expect(new Set(entryTimes(zip))).toEqual(new Set(['1980-01-01T00:00:00.000Z']));
  });
});
