import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableSpec } from '../../src/pipeline/input-schema.ts';
import type { Issue } from '../../src/pipeline/issues.ts';
import { validateColumns } from '../../src/pipeline/validate-columns.ts';

describe('repeated keys', () => {
  const spec = tableSpec('poverty');
  // Few values, some with the " | " a key is written with: keys repeat often, and a joined key could run two together.
  const value = fc.constantFrom('', '1', '2', '1 | 2', '2 | 1', ' | ');
  const key = fc.tuple(value, value, value);

  it('are each reported on the rows after the first, with its row, and no other row is', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), (keys) => {
        const rows = keys.map((k, i) => ({ line: i + 2, cells: Object.fromEntries(spec.key.map((c, j) => [c, k[j]])) }));
        const issues: Issue[] = [];
        validateColumns({ file: 'poverty.csv', header: spec.key, rows, unreadable: new Set() }, spec, issues);
        const firstLine = new Map<string, number>();
        const expected: [number, string][] = [];
        keys.forEach((k, i) => {
          const id = JSON.stringify(k);
          const first = firstLine.get(id);
          if (first === undefined) firstLine.set(id, i + 2);
          else expected.push([i + 2, `row ${first}`]);
        });
        const reported = issues
          .filter((x) => x.rule === 'duplicate_key')
          .map((x): [number, string] => [x.row, /row \d+/.exec(x.message)![0]]);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
