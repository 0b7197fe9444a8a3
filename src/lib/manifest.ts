import { z } from 'zod';
import { localized, type Locale } from '../i18n/locales.ts';
import { PUBLISHED_TABLES, type PublishedTableName } from './published-tables.ts';

/** What a dataset's province is: a province (tỉnh), or a city under the central government (thành phố trực thuộc trung ương). */
export const PROVINCE_KINDS = ['province', 'city'] as const;

/**
 * The contract of public/data/manifest.json: the pipeline checks what it writes against this
 * schema and the site checks what it reads, and both take their types from it.
 */
const file = z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const bilingual = z.strictObject({ vi: z.string(), en: z.string() });

const standard = z.strictObject({
  id: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  short_name_vi: z.string().optional(),
  short_name_en: z.string().optional(),
  legal_basis: z.string(),
  years: z.array(z.number().int()),
  note_vi: z.string().optional(),
  note_en: z.string().optional(),
});

const table = z.strictObject({
  name: z.enum(Object.keys(PUBLISHED_TABLES) as [PublishedTableName, ...PublishedTableName[]]),
  description: bilingual,
  /** What a reader must know to read the values right (how they were protected). */
  note: bilingual.optional(),
  rows: z.number().int().nonnegative(),
  illustrative: z.boolean(),
  source: bilingual,
  licence: bilingual,
  /** not_collected: an optional column this dataset leaves out (the site says so instead of showing blanks). */
  schema: z.array(
    z.strictObject({ name: z.string(), type: z.string(), description: bilingual.nullable(), not_collected: z.boolean().optional() }),
  ),
  files: z.array(file),
});

export const manifestSchema = z.strictObject({
  /** Says that the pipeline wrote the folder, so that a later run may replace it. */
  generator: z.string().optional(),
  format_version: z.string().optional(),
  dataset: z.strictObject({
    id: z.string(),
    version: z.string(),
    released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    title: bilingual,
    province: z.strictObject({
      code: z.string(),
      name_vi: z.string(),
      name_en: z.string(),
      kind: z.enum(PROVINCE_KINDS),
      gso_region_en: z.string().optional(),
    }),
    plan: z.strictObject({ name: bilingual, date: z.string().optional(), issuer: bilingual.optional() }).optional(),
    source_agency: bilingual,
    licence: z.strictObject({ id: z.string(), url: z.string() }),
    years: z.array(z.number().int()),
    standards: z.array(standard),
    illustrative_note: bilingual.optional(),
  }),
  disclosure: z.strictObject({
    method: z.literal('controlled_rounding'),
    base: z.number(),
    checked: z.number(),
    narrowest: z.number(),
    width: z.number(),
    draws: z.number(),
    tables: z.array(z.string()),
    /** A rate is published only where its base, a rounded count, is at least this. */
    min_rate_base: z.number().int().positive(),
  }),
  tables: z.array(table),
  boundaries: z.array(file.extend({ name: z.string(), source: bilingual.optional(), licence: bilingual.optional() })),
  /** One ZIP of every table, the dictionary and the manifest. */
  archive: file.optional(),
  dictionary: file.optional(),
  /** SHA-256 over the names and checksums of the dataset folder's files (which are not published). */
  source_digest: z.string().optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof file>;
export type ManifestTable = z.infer<typeof table>;
export type Bilingual = z.infer<typeof bilingual>;
export type Standard = z.infer<typeof standard>;

/** A text from data in the reader's language. */
export const inLocale = (text: Bilingual | undefined, locale: Locale): string => text?.[locale] ?? '';

export const isIllustrative = (m: Manifest, table: PublishedTableName) => m.tables.find((t) => t.name === table)?.illustrative ?? false;

/** A published table as a reader calls it: its description in quotes, in the reader's language (its SQL name where it has none). */
export const tableTitle = (m: Manifest, table: PublishedTableName, locale: Locale) => {
  const description = m.tables.find((t) => t.name === table)?.description[locale];
  return description ? `“${description}”` : table;
};

/** A standard as a legend names it: its short name in the reader's language, else its full name. */
export const standardLabel = (s: Standard, locale: Locale) => s[`short_name_${locale}`] ?? localized(s, 'name', locale);

export const standardName = (m: Manifest, id: string, locale: Locale) => {
  const s = m.dataset.standards.find((st) => st.id === id);
  return s ? localized(s, 'name', locale) : id;
};
