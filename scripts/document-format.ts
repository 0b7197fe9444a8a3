/** Rewrites the column reference in data/README.md from the schema (npm run doc-format). */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatReference } from '../src/pipeline/format-doc.ts';

const path = 'data/README.md';
const text = readFileSync(path, 'utf8');
const [before, rest] = text.split('<!-- columns:start -->');
const after = rest.split('<!-- columns:end -->')[1];
writeFileSync(path, `${before}<!-- columns:start -->\n${formatReference()}\n<!-- columns:end -->${after}`);
