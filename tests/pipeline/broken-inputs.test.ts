import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/pipeline/issues.ts';
import { escapeUnsafe } from '../../src/pipeline/unsafe-characters.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { ACCEPTED_CASES, CODE_CASES, type CaseFiles } from './broken-cases.ts';
import { scratchDir } from '../scratch-dir.ts';

const BROKEN = 'tests/fixtures/broken';
const folderCases = readdirSync(BROKEN).filter((name) => !(name in CODE_CASES));

/** A copy of the valid template dataset with a case's files laid over it (null: the file is removed). */
function datasetWith(name: string, files: CaseFiles): string {
  const dir = scratchDir(`broken-${name}`);
  cpSync('data/template', dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (content == null) rmSync(join(dir, file));
    else {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
  }
  return dir;
}

function folderFiles(name: string): CaseFiles {
  const overlay = join(BROKEN, name);
  const files: CaseFiles = {};
  for (const f of readdirSync(overlay)) {
    if (f === 'expected.txt') continue;
    if (f === 'REMOVE') for (const gone of readFileSync(join(overlay, f), 'utf8').split('\n').filter(Boolean)) files[gone] = null;
    else files[f] = readFileSync(join(overlay, f));
  }
  return files;
}

/** One issue per line, every field of it, tabs and line breaks written as escapes. */
/** An issue as a line of its expected.txt, with what draws nothing written as an escape, so that a reader of the file sees it. */
const line = (i: Issue) =>
  [i.severity, i.file, i.row, i.column, i.value, i.rule, i.message]
    .map((f) => escapeUnsafe(JSON.stringify(String(f)).slice(1, -1)))
    .join('\t');

async function expectIssues(name: string, files: CaseFiles) {
  const dir = datasetWith(name, files);
  const { dataset, issues } = await loadDataset(dir);
  rmSync(dir, { recursive: true });
  const actual = issues.map(line).sort();
  const expectedFile = join(BROKEN, name, 'expected.txt');
  // UPDATE_EXPECTED=1 rewrites the expected messages; read the diff before committing it.
  if (process.env.UPDATE_EXPECTED) {
    mkdirSync(dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, `${actual.join('\n')}\n`);
  }
  const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean).sort();
  expect(actual).toEqual(expected);
  expect(dataset).toBeNull();
  expect(issues.some((i) => i.severity === 'error')).toBe(true);
}

describe('the valid mini dataset', () => {
  it('passes validation without errors', async () => {
    const { dataset, issues } = await loadDataset('data/template');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset).not.toBeNull();
  });
});

describe('every broken input is reported, all problems at once, with file, row, column, value, rule and message', () => {
  it('holds at least 40 cases', () => {
    expect(folderCases.length + Object.keys(CODE_CASES).length).toBeGreaterThanOrEqual(40);
  });
  it.each(folderCases)('%s', (name) => expectIssues(name, folderFiles(name)));
  it.each(Object.keys(CODE_CASES))('%s', async (name) => expectIssues(name, await CODE_CASES[name]()));
});

const withoutLines = (tables: Record<string, Record<string, unknown>[]>) =>
  Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map(({ _line, ...rest }) => rest)]));

describe('inputs that look odd but are fine are read as the same data', () => {
  it.each(Object.keys(ACCEPTED_CASES))('%s', async (name) => {
    const files = await ACCEPTED_CASES[name]();
    const dir = datasetWith(name, files);
    const { dataset, issues } = await loadDataset(dir);
    rmSync(dir, { recursive: true });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const reference = await loadDataset('data/template');
    const changed = Object.keys(files)
      .map((f) => f.replace(/\.(csv|xlsx)$/, ''))
      .filter((t) => t in reference.dataset!.tables);
    for (const t of changed) expect(withoutLines(dataset!.tables)[t], t).toEqual(withoutLines(reference.dataset!.tables)[t]);
    expect(existsSync(dir)).toBe(false);
  });
});
