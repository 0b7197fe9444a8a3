import { parseArgs } from 'node:util';

export const DATA_USAGE = `usage: npm run data [-- DATASET_DIR] [--out DIR] [--all-issues]
  DATASET_DIR   the dataset folder to publish (default: $DATASET, else data/quang-ninh)
  --out DIR     where to publish (default: public/data); must be empty, absent, or a folder this command wrote
  --all-issues  list every problem found, not the first rows of each kind`;

export type DataArgs = { dataset: string; out: string; allIssues: boolean } | { help: true } | { error: string };

/** The arguments of `npm run data`. Unknown flags and extra folders are errors, never silently ignored. */
export function parseDataArgs(argv: string[], env: Record<string, string | undefined>): DataArgs {
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string' }, 'all-issues': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    return { error: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length > 1) return { error: `one dataset folder at a time: got ${positionals.map((p) => `"${p}"`).join(', ')}` };
  if (values.out === '') return { error: '--out needs a folder' };
  return {
    dataset: positionals[0] ?? env.DATASET ?? 'data/quang-ninh',
    out: values.out ?? 'public/data',
    allIssues: values['all-issues'] ?? false,
  };
}
