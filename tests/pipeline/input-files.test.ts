/**
 * A dataset folder is read as files of its own, of the size a province's data has: a link to a
 * file elsewhere, a folder or device in a file's place, a file of gigabytes or a workbook that
 * inflates to them is refused with a message, never read (nor echoed into the report).
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { scratchDir } from '../scratch-dir.ts';

function templateWith(name: string, change: (dir: string) => void): string {
  const dir = join(scratchDir(name), 'dataset');
  cpSync('data/template', dir, { recursive: true });
  change(dir);
  return dir;
}

/** A ZIP whose directory says its one part inflates to 2 GB (its bytes are a few). */
function claimedBomb(): Uint8Array {
  const zip = zipSync({ 'xl/worksheets/sheet1.xml': new TextEncoder().encode('<x/>') });
  const view = new DataView(zip.buffer);
  for (let at = 0; at < zip.length - 4; at++) {
    // The central directory's entry: its uncompressed size is 24 bytes in.
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0x7fffffff, true);
  }
  return zip;
}

describe("a dataset's files are its own and of a province's size", () => {
  it.each([
    [
      'a link to a file outside the folder',
      (d: string) => {
        rmSync(join(d, 'coverage.csv'));
        symlinkSync('/etc/passwd', join(d, 'coverage.csv'));
      },
      'coverage.csv',
      'not_a_file',
    ],
    [
      'a folder named as a table',
      (d: string) => {
        rmSync(join(d, 'coverage.csv'));
        mkdirSync(join(d, 'coverage.csv'));
      },
      'coverage.csv',
      'not_a_file',
    ],
    [
      'metadata linked from elsewhere',
      (d: string) => {
        rmSync(join(d, 'metadata.json'));
        symlinkSync('/etc/hostname', join(d, 'metadata.json'));
      },
      'metadata.json',
      'not_a_file',
    ],
    ['a table of 300 MB', (d: string) => truncateSync(join(d, 'coverage.csv'), 300 * 1024 * 1024), 'coverage.csv', 'file_too_large'],
    [
      'boundaries of 200 MB',
      (d: string) => truncateSync(join(d, 'boundaries/communes.geojson'), 200 * 1024 * 1024),
      'boundaries/communes.geojson',
      'file_too_large',
    ],
    [
      'a table of five million rows and one',
      (d: string) => writeFileSync(join(d, 'coverage.csv'), `unit_code\n${'1\n'.repeat(5_000_001)}`),
      'coverage.csv',
      'too_many_rows',
    ],
    [
      'a workbook that inflates to 2 GB',
      (d: string) => {
        rmSync(join(d, 'coverage.csv'));
        writeFileSync(join(d, 'coverage.xlsx'), claimedBomb());
      },
      'coverage.xlsx',
      'file_too_large',
    ],
  ])('%s: refused with the file and the rule, nothing of it read', async (name, change, file, rule) => {
    const dir = templateWith(name.replace(/\W+/g, '-'), change);
    const { dataset, issues } = await loadDataset(dir);
    expect(dataset).toBeNull();
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.rule])).toContainEqual([file, rule]);
    expect(JSON.stringify(issues)).not.toMatch(/root:|daemon:/);
  });

  it('leaves a link among files it ignores out of the digest of its input', async () => {
    const plain = await buildData(
      templateWith('no-link', () => {}),
      join(scratchDir('no-link-out'), 'data'),
    );
    const linked = templateWith('link-ignored', (d) => symlinkSync('/etc/hostname', join(d, 'notes.txt')));
    const { manifest, issues } = await buildData(linked, join(scratchDir('link-ignored-out'), 'data'));
    expect(issues.map((i) => [i.file, i.rule])).toContainEqual(['notes.txt', 'unknown_file']);
    expect(manifest!.source_digest).toBe(plain.manifest!.source_digest);
  }, 60_000);
});
