import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { issue, type Issue } from './issues.ts';

const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const metadataSchema = z.object({
  format_version: z.literal('1.0'),
  dataset_id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and "-"'),
  version: z.string().min(1),
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  province: z.object({
    code: z.string().min(1), name_vi: z.string().min(1), name_en: z.string().min(1),
    /** The province's region in GSO's statistics (for national comparisons), as GSO names it. */
    gso_region_en: z.string().min(1).optional(),
  }),
  title: bilingual,
  source_agency: bilingual,
  licence: z.object({ id: z.string().min(1), url: z.url() }),
  years: z.array(z.number().int().min(1990).max(2100)).min(1),
  standards: z.array(z.object({
    id: z.string().regex(/^[a-z0-9_-]+$/),
    name_vi: z.string().min(1),
    name_en: z.string().min(1),
    legal_basis: z.string().min(1),
    years: z.array(z.number().int()).min(1),
    note_vi: z.string().optional(),
    note_en: z.string().optional(),
  })).min(1),
  disclosure_threshold: z.number().int().min(1).max(100).default(5),
  tables: z.record(z.string(), z.object({
    illustrative: z.boolean(),
    source: z.string().min(1),
    licence: z.string().min(1),
  })),
  illustrative_note: bilingual,
});

export type Metadata = z.infer<typeof metadataSchema>;

/** Reads metadata.json; every schema problem becomes an issue naming the field. */
export function readMetadata(dir: string, issues: Issue[]): Metadata | null {
  const file = 'metadata.json';
  const path = join(dir, file);
  if (!existsSync(path)) {
    issues.push(issue('error', file, 0, '', '', 'missing_file', 'metadata.json is missing: copy it from data/template/ and fill it in'));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    issues.push(issue('error', file, 0, '', '', 'json_syntax', `metadata.json is not valid JSON: ${(e as Error).message}`));
    return null;
  }
  const result = metadataSchema.safeParse(json);
  if (!result.success) {
    for (const p of result.error.issues) {
      const field = p.path.join('.');
      const value = p.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k as PropertyKey], json);
      issues.push(issue('error', file, 0, field, typeof value === 'object' ? '' : value, 'metadata_schema', p.message));
    }
    return null;
  }
  return result.data;
}
