import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';

const FIXTURES = 'tests/fixtures';
const cases = readdirSync(join(FIXTURES, 'broken'));

/** A copy of the valid mini dataset with one case's files laid over it (and its REMOVE list deleted). */
function datasetFor(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `broken-${name}-`));
  cpSync('data/template', dir, { recursive: true });
  const overlay = join(FIXTURES, 'broken', name);
  for (const f of readdirSync(overlay)) {
    if (f === 'expected.txt') continue;
    if (f === 'REMOVE') {
      for (const gone of readFileSync(join(overlay, f), 'utf8').split('\n').filter(Boolean)) rmSync(join(dir, gone));
    } else cpSync(join(overlay, f), join(dir, f));
  }
  return dir;
}

describe('the valid mini dataset', () => {
  it('passes validation without errors', async () => {
    const { dataset, issues } = await loadDataset('data/template');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset).not.toBeNull();
  });
});

describe('every broken input is reported, all problems at once, with file, row, column, value and rule', () => {
  it.each(cases)('%s', async (name) => {
    const dir = datasetFor(name);
    const { dataset, issues } = await loadDataset(dir);
    const expected = readFileSync(join(FIXTURES, 'broken', name, 'expected.txt'), 'utf8').split('\n').filter(Boolean).sort();
    const actual = issues
      .filter((i) => i.severity === 'error')
      .map((i) => [i.file, i.row, i.column, i.value, i.rule].join('\t'))
      .sort();
    expect(actual).toEqual(expected);
    expect(dataset).toBeNull();
    for (const i of issues) expect(i.message.length).toBeGreaterThan(10);
    rmSync(dir, { recursive: true });
    expect(existsSync(dir)).toBe(false);
  });
});
