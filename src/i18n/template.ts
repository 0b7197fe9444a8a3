/** A message with its {placeholders} filled in; a placeholder without a value stays as it is. Used on pages and in scripts. */
export const fillTemplate = (template: string, params: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
