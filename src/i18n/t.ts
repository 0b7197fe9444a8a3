import en from './en.json';
import vi from './vi.json';

import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import { fillTemplate } from './template.ts';

export { LOCALES, type Locale } from './locales.ts';
export type MessageKey = keyof typeof vi;

const MESSAGES: Record<Locale, Record<string, string>> = { vi, en };

/** A UI string in the given locale, with {placeholders} filled in. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES[DEFAULT_LOCALE][key];
  if (template == null) throw new Error(`missing message ${key}`);
  return fillTemplate(template, params);
}

export const translator = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);

/** A label for a code that comes from data (an indicator, a status): the translation if there is one, else the code. */
export function labelOf(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return MESSAGES[locale][key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? code;
}
