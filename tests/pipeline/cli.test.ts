import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataArgs } from '../../src/pipeline/cli-args.ts';
import { summariseIssues } from '../../src/pipeline/issue-summary.ts';
import { formatIssue, issue } from '../../src/pipeline/issues.ts';
import { scratchDir } from '../scratch-dir.ts';

describe('npm run data: every documented form of the command', () => {
  const env = {};
  it.each([
    [[], {}, 'data/quang-ninh', 'public/data'],
    [[], { DATASET: 'data/template' }, 'data/template', 'public/data'],
    [['data/template'], {}, 'data/template', 'public/data'],
    [['data/template'], { DATASET: 'data/other' }, 'data/template', 'public/data'],
    [['data/my-province', '--out', '/tmp/check'], {}, 'data/my-province', '/tmp/check'],
    [['--out', '/tmp/check', 'data/my-province'], {}, 'data/my-province', '/tmp/check'],
    [['--out=/tmp/check', 'data/my-province'], {}, 'data/my-province', '/tmp/check'],
  ])('%j with %j publishes %s to %s', (argv, vars, dataset, out) => {
    expect(parseDataArgs(argv as string[], vars)).toEqual({ dataset, out, allIssues: false });
  });

  it('refuses unknown flags, extra folders and an --out without a folder', () => {
    expect(parseDataArgs(['data/template', '--bogus'], env)).toMatchObject({ error: expect.stringContaining('--bogus') });
    expect(parseDataArgs(['data/a', 'data/b'], env)).toMatchObject({ error: expect.stringContaining('one dataset folder at a time') });
    expect(parseDataArgs(['data/a', '--out'], env)).toMatchObject({ error: expect.stringContaining('--out') });
    expect(parseDataArgs(['--help'], env)).toEqual({ help: true });
  });

  it('as a command: a bad argument exits 2 with the usage and publishes nothing', () => {
    const run = spawnSync(process.execPath, ['scripts/build-data.ts', 'data/template', '--outt', '/tmp/x'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--outt'");
    expect(run.stderr).toContain('usage: npm run data');
  });

  it('the illustrative generator: a bad argument exits 2 with its usage, no stack trace and nothing written', () => {
    const cwd = scratchDir('atlas-generate-args');
    for (const args of [['--help-me'], ['--scale', 'huge'], ['--scale', 'national', 'a', 'b']]) {
      const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts/generate-illustrative.ts'), ...args], {
        encoding: 'utf8',
        cwd,
      });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: node scripts/generate-illustrative.ts');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(cwd, { recursive: true })).toEqual([]);
  });

  it('as a command: the folder given is the folder published (not the default)', () => {
    const out = join(scratchDir('cli'), 'data');
    const { ATLAS_ROUNDING_KEY: _, ...env } = process.env;
    const run = spawnSync(process.execPath, ['scripts/build-data.ts', 'data/template', '--out', out], { encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`data/template → ${out}`);
    // Without a key of its own, the province is told what its key is and what to do about it.
    expect(run.stdout).toContain("No ATLAS_ROUNDING_KEY: the rounding's key is a digest of the first year's counts");
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).dataset.id).toBe('template');
  });

  it('as a command: a non-empty folder it did not write is refused and kept', () => {
    const out = scratchDir('cli-keep');
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    const run = spawnSync(process.execPath, ['scripts/build-data.ts', 'data/template', '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('holds files that this command did not write');
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });
});

describe('messages on the terminal', () => {
  const many = Array.from({ length: 1200 }, (_, k) =>
    issue('error', 'poverty.csv', k + 2, 'year', '23', 'year', 'a four-digit year is required'),
  );
  it('show each kind of problem on its first rows, then count the rest with the rows they are on', () => {
    const lines = summariseIssues([...many, issue('error', 'units.csv', 3, 'unit_code', 'X', 'code_form', 'a commune code is 5 digits')]);
    expect(lines).toHaveLength(7);
    expect(lines[5]).toBe(
      'ERROR poverty.csv, column year: 1195 more row(s) (rows 7–1201) break the same rule [year]; run with --all-issues to list them all',
    );
    expect(summariseIssues(many, true)).toHaveLength(1200);
  });
  it("writes a value's controls and invisible characters as escapes, never as themselves, to the terminal", () => {
    for (const [value, escaped] of [
      ['Xã\u0085Một', 'Xã\\u0085Một'],
      ['a\u009b31mred', 'a\\u009b31mred'],
      ['Phường \u202EiaH', 'Phường \\u202eiaH'],
      ['Xã\u0007 Một', 'Xã\\u0007 Một'],
      ['Ph\u00adêng', 'Ph\\u00adêng'],
      ['Xã\u200b Một', 'Xã\\u200b Một'],
      ['Quảng\u2060Ninh\u3164', 'Quảng\\u2060Ninh\\u3164'],
    ]) {
      const line = formatIssue(issue('error', 'units.csv', 2, 'unit_name', value, 'control_character', 'holds a control'));
      expect(line).toContain(`value "${escaped}":`);
      expect(line).not.toMatch(/[\u0080-\u009f\u00ad\u200b\u202a-\u202e\u2060\u3164]/);
    }
  });
  it('cut a huge value to its start and length', () => {
    const line = formatIssue(issue('error', 'units.csv', 2, 'unit_name', `Xã ${'A'.repeat(4997)}`, 'max_length', 'too long'));
    expect(line.length).toBeLessThan(200);
    expect(line).toContain('(5000 characters)');
  });
});
