import type vi from './vi.json';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts';
import { fillTemplate } from './template.ts';

export { LOCALES, type Locale } from './locales.ts';
export type MessageKey = keyof typeof vi;

// Each language's strings are its own file, <code>.json, found by its code from locales.ts.
const FILES = import.meta.glob<Record<string, string>>('./*.json', { eager: true, import: 'default' });
const MESSAGES = Object.fromEntries(LOCALES.map((l) => [l, FILES[`./${l}.json`]])) as Record<Locale, Record<string, string>>;

/** A UI string in the given locale, with {placeholders} filled in. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES[DEFAULT_LOCALE][key];
  if (template == null) throw new Error(`missing message ${key}`);
  return fillTemplate(template, params);
}

/**
 * A UI string split where `{slot}` goes, the other placeholders filled in: for markup in that
 * place, such as a document's Vietnamese title marked as Vietnamese on an English page.
 */
export function around(locale: Locale, key: MessageKey, slot: string, params: Record<string, string | number> = {}): [string, string] {
  const marker = '\u0000';
  const [before, after = ''] = t(locale, key, { ...params, [slot]: marker }).split(marker);
  return [before, after];
}

export const translator = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);

/** A label for a code that comes from data (an indicator, a status): the translation if there is one, else the code. */
export function labelOf(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return MESSAGES[locale][key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? code;
}
