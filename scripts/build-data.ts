/**
 * npm run data [-- DATASET_DIR] [--out DIR] [--all-issues]
 * Validates a dataset folder and publishes it (Parquet, CSV, Arrow, manifest, dictionary) to public/data.
 * On any error it lists every problem, exits 1 and leaves the previous output as it was.
 */
import { buildData } from '../src/pipeline/build.ts';
import { DATA_USAGE, parseDataArgs } from '../src/pipeline/cli-args.ts';
import { summariseIssues } from '../src/pipeline/issue-summary.ts';

const args = parseDataArgs(process.argv.slice(2), process.env);
if ('help' in args) {
  console.log(DATA_USAGE);
  process.exit(0);
}
if ('error' in args) {
  console.error(`npm run data: ${args.error}\n${DATA_USAGE}`);
  process.exit(2);
}
const { dataset, out, allIssues } = args;
const started = performance.now();
const { issues, manifest } = await buildData(dataset, out);
for (const line of summariseIssues(issues, allIssues)) console.error(line);
const errors = issues.filter((i) => i.severity === 'error').length;
if (!manifest) {
  console.error(`\n${dataset}: ${errors} error(s), ${issues.length - errors} warning(s). Nothing was published; ${out} is unchanged.`);
  process.exit(1);
}
const rows = manifest.tables.reduce((a, t) => a + t.rows, 0);
const d = manifest.disclosure;
console.log(
  `${dataset} → ${out}: ${manifest.tables.length} tables, ${rows} rows; ` +
    `${d.checked} counts rounded to multiples of ${d.base} and audited: none narrower than ${d.narrowest} for a reader; ` +
    `${issues.length} warning(s); ${Math.round(performance.now() - started)} ms`,
);
if (!process.env.ATLAS_ROUNDING_KEY)
  console.log(
    "No ATLAS_ROUNDING_KEY: the rounding's key is a digest of the first year's counts, kept while that year is " +
      'unchanged. For real data set a secret key and keep it from release to release (data/README.md → Disclosure control).',
  );
