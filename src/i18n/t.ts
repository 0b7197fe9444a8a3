import en from './en.json';
import vi from './vi.json';

export type Locale = 'vi' | 'en';
export const LOCALES: Locale[] = ['vi', 'en'];
export type MessageKey = keyof typeof vi;

const MESSAGES: Record<Locale, Record<string, string>> = { vi, en };

/** A UI string in the given locale, with {placeholders} filled in. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES.vi[key];
  if (template == null) throw new Error(`missing message ${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}

export const translator = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);

/** A label for a code that comes from data (an indicator, a status): the translation if there is one, else the code. */
export function labelOf(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return MESSAGES[locale][key] ?? MESSAGES.vi[key] ?? code;
}
