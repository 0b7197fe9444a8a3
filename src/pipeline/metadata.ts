import { existsSync, readFileSync } from 'node:fs';
import { readableInput } from './input-file.ts';
import { join } from 'node:path';
import { z } from 'zod';
import { fileIssue, issue, type Issue } from './issues.ts';
import { misEncoding, misEncodingMessage } from './mis-encoded-text.ts';
import { stackedMarks, unsafeCharacter } from './unsafe-characters.ts';
import { DATASET_VERSION } from '../lib/dataset-version.ts';
import { PROVINCE_KINDS } from '../lib/manifest.ts';
import { parseWebUrl } from '../lib/web-url.ts';

/** Every text in metadata.json: not empty, not longer than `max`, no control, bidi or invisible characters nor stacked marks, not mis-encoded. */
const text = (max = 200) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((v, context) => {
      const misEncoded = misEncoding(v);
      const unsafe = unsafeCharacter(v);
      if (misEncoded) context.addIssue({ code: 'custom', message: misEncodingMessage(misEncoded) });
      else if (unsafe) context.addIssue({ code: 'custom', message: `holds the invisible character ${unsafe}: retype it` });
      else if (stackedMarks(v))
        context.addIssue({
          code: 'custom',
          message: 'stacks more than two marks on one letter (a Vietnamese letter carries two at most): retype it',
        });
    });
const bilingual = (max = 200) => z.object({ vi: text(max), en: text(max) });

/** The administrative word a province's Vietnamese name may wrongly begin with. */
const PROVINCE_WORD = /^\s*(tỉnh|thành phố|tp\.?)\s/iu;

/** Each field of metadata.json, with its form and length. */
const metadataFields = z.object({
  format_version: z.literal('1.0'),
  dataset_id: z
    .string()
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"'),
  version: z.string().regex(DATASET_VERSION, 'a version such as 2026.11.1: numbers separated by dots, optionally a suffix such as -rc1'),
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  province: z.object({
    code: z.string().regex(/^\d{2}$/, 'the GSO province code: 2 digits, as text ("22")'),
    // Pages write "tỉnh Quảng Ninh", "thành phố Hà Nội": the word comes from `kind`, not from the name.
    name_vi: text(80).refine(
      (v) => !PROVINCE_WORD.test(v),
      'the name without "Tỉnh" or "Thành phố" ("Quảng Ninh"): pages add the word that `kind` gives',
    ),
    name_en: text(80),
    /** A province (tỉnh), or a city under the central government (thành phố trực thuộc trung ương). */
    kind: z.enum(PROVINCE_KINDS, { message: 'one of "province" (tỉnh) and "city" (thành phố trực thuộc trung ương)' }).default('province'),
    /** The province's region in GSO's statistics (for national comparisons), as GSO names it. */
    gso_region_en: text(80).optional(),
  }),
  title: bilingual(),
  /** The plan whose targets the dataset tracks: named on the targets, plan and report pages. */
  plan: z
    .object({
      name: bilingual(80),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
        .optional(),
      issuer: bilingual(120).optional(),
    })
    .optional(),
  source_agency: bilingual(400),
  licence: z.object({ id: text(60), url: z.string().refine((v) => parseWebUrl(v) != null, 'a complete http(s) web address') }),
  years: z.array(z.number().int().min(1990).max(2100)).min(1),
  standards: z
    .array(
      z.object({
        id: z
          .string()
          .max(40)
          .regex(/^[a-z0-9_-]+$/),
        name_vi: text(),
        name_en: text(),
        /** What a chart's legend calls it ("chuẩn quốc gia"); the name is used where none is given. */
        short_name_vi: text(40).optional(),
        short_name_en: text(40).optional(),
        legal_basis: text(80),
        years: z.array(z.number().int().min(1990).max(2100)).min(1),
        note_vi: text(1000).optional(),
        note_en: text(1000).optional(),
      }),
    )
    .min(1),
  /**
   * Counts from 1 to threshold − 1 are protected; every count is rounded to a multiple of it. Below
   * 3 nothing is: a multiple of 1 is the count itself, and of 2 leaves a reader one value for a count.
   */
  disclosure_threshold: z
    .number()
    .int()
    .min(3, 'at least 3, or a reader can work out counts exactly (1 publishes them as collected)')
    .max(100)
    .default(5),
  /**
   * The narrowest range (max − min, in households) a reader may be able to work out for any count;
   * by default threshold − 2, so a count is never narrowed to fewer than threshold − 1 values.
   */
  disclosure_protection_width: z
    .number()
    .int()
    .min(1, 'at least 1: with 0 the audit would let a reader pin a count to one value')
    .max(100)
    .optional(),
  /** Coverage programmes whose eligible households are exactly the poor and near-poor of the standard in force. */
  eligible_equals_poor_near_poor: z
    .array(z.string().regex(/^[a-z0-9_]{1,40}$/, 'a programme id such as credit'))
    .max(20)
    .default([]),
  /** Each file's source and licence, in both languages: they are shown on every figure, page and download. */
  tables: z.record(
    z.string().max(80),
    z.object({
      illustrative: z.boolean(),
      source: bilingual(400),
      licence: bilingual(100),
    }),
  ),
  /** What is generated and how: said on the sources page and in every download of an illustrative table. */
  illustrative_note: bilingual(1000).optional(),
});

export const metadataSchema = metadataFields
  .refine(
    // A rounded count lies less than a threshold from the truth either way: no rounding leaves a
    // reader a wider range, and the pipeline would round five times before saying so.
    (m) => m.disclosure_protection_width === undefined || m.disclosure_protection_width <= 2 * (m.disclosure_threshold - 1),
    { path: ['disclosure_protection_width'], message: 'at most 2 × (disclosure_threshold − 1): no rounding leaves a reader a wider range' },
  )
  .refine((m) => m.illustrative_note !== undefined || !Object.values(m.tables).some((t) => t.illustrative), {
    path: ['illustrative_note'],
    message: 'required where a table is illustrative: it says what is generated and how, on the sources page and in every download',
  });

export type Metadata = z.infer<typeof metadataSchema>;

/** Reads metadata.json; every schema problem becomes an issue naming the field. */
export function readMetadata(dir: string, issues: Issue[]): Metadata | null {
  const file = 'metadata.json';
  const path = join(dir, file);
  if (!existsSync(path)) {
    issues.push(fileIssue('error', file, 'missing_file', 'metadata.json is missing: copy it from data/template/ and fill it in'));
    return null;
  }
  if (!readableInput(dir, file, issues)) return null;
  let json: unknown;
  try {
    // Windows editors save JSON with a byte-order mark; it is not part of the text.
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.push(fileIssue('error', file, 'json_syntax', `metadata.json is not valid JSON: ${(e as Error).message}`));
    return null;
  }
  const result = metadataSchema.safeParse(json);
  if (!result.success) {
    for (const p of result.error.issues) {
      const field = p.path.join('.');
      const value = p.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k as PropertyKey], json);
      const message =
        value === undefined && p.code !== 'custom'
          ? 'this field is required (see data/template/metadata.json)'
          : p.code === 'invalid_type'
            ? `expected ${p.expected}, as in data/template/metadata.json`
            : p.code === 'too_small' || p.code === 'too_big'
              ? `out of range: ${p.message.replace(/^Too (small|big): expected /, '')}`
              : p.message;
      issues.push(issue('error', file, 0, field, typeof value === 'object' ? '' : value, 'metadata_schema', message));
    }
    return null;
  }
  return result.data;
}
