import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateEntry, deterministicZip, withEntryTimes } from '../../src/lib/zip.ts';
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
    const csv = entries['b.csv'];
    const ahead = deterministicZip({ ...entries, 'b.csv': { raw: () => csv, deflated: await deflateEntry(csv) } }, RELEASED);
    expect(ahead).toEqual(deterministicZip(entries, RELEASED));
  });

  it('re-dates a zip another library wrote, changing nothing else', () => {
    const written = zipSync(entries, { mtime: new Date('2031-05-06T07:08:10Z') });
    const redated = withEntryTimes(written, RELEASED);
    expect(new Set(entryTimes(redated))).toEqual(new Set([RELEASED.toISOString()]));
    expect(unzipSync(redated)).toEqual(entries);
    expect(redated.filter((b, i) => b !== written[i]).length).toBeLessThanOrEqual(4 * 2 * Object.keys(entries).length);
  });

  it('writes a release date outside the years a zip can hold as the nearest it can', () => {
    const zip = deterministicZip(entries, new Date('1970-01-01T00:00:00Z'));
    expect(new Set(entryTimes(zip))).toEqual(new Set(['1980-01-01T00:00:00.000Z']));
  });

  it('refuses what is not a zip', () => {
    expect(() => withEntryTimes(new TextEncoder().encode('not a zip at all, not even close'), RELEASED)).toThrow('not a zip');
  });
});
