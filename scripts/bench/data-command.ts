import { readFileSync } from 'node:fs';

/**
 * The Node options and script `npm run data` runs the pipeline with (package.json), so that the
 * benchmarks measure the pipeline exactly as it is run.
 */
export function dataCommand(): { options: string[]; script: string } {
  const words = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { data: string } }).scripts.data.split(/\s+/);
  const script = words.findIndex((w) => w.endsWith('.ts'));
  return { options: words.slice(1, script), script: words[script] };
}
