/** "deprivation:employment;coverage:credit" → the published figures a plan section refers to: a deprivation indicator or a coverage programme. */
export function parsePlanReferences(text: string | null): { table: 'deprivation' | 'coverage'; code: string }[] {
  return (text ?? '')
    .split(';')
    .map((s) => s.split(':').map((part) => part.trim()))
    .filter(
      (p): p is ['deprivation' | 'coverage', string] => p.length === 2 && (p[0] === 'deprivation' || p[0] === 'coverage') && p[1] !== '',
    )
    .map(([table, code]) => ({ table, code }));
}
