/**
 * npm run data [-- DATASET_DIR] [--out DIR]
 * Validates a dataset folder and publishes it (Parquet, CSV, Arrow, manifest, dictionary) to public/data.
 * On any error it lists every problem, exits 1 and leaves the previous output as it was.
 */
import { buildData } from '../src/pipeline/build.ts';
import { formatIssue } from '../src/pipeline/issues.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : 'public/data';
const dataset = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? process.env.DATASET ?? 'data/quang-ninh';

const started = performance.now();
const { issues, manifest } = await buildData(dataset, out);
for (const i of issues) console.error(formatIssue(i));
const errors = issues.filter((i) => i.severity === 'error').length;
if (!manifest) {
  console.error(`\n${dataset}: ${errors} error(s), ${issues.length - errors} warning(s). Nothing was published; ${out} is unchanged.`);
  process.exit(1);
}
const tables = manifest.tables as { name: string; rows: number }[];
const d = manifest.disclosure as { primary: number; secondary: number; cells: number };
console.log(`${dataset} → ${out}: ${tables.length} tables, ${tables.reduce((a, t) => a + t.rows, 0)} rows; ` +
  `${d.primary} small cells and ${d.secondary} complementary cells suppressed of ${d.cells}; ` +
  `${issues.length} warning(s); ${Math.round(performance.now() - started)} ms`);
