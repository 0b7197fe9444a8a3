/**
 * Page-weight budgets, per kind of page: brotli bytes of HTML + CSS + JS a first visit loads
 * before any interaction, and the number of requests. Set from measurements (README →
 * Performance) with a little headroom; CI fails when a page kind exceeds its budget.
 * The explore page's DuckDB (≈ 5 MB brotli) loads after the page and is measured by the benchmark.
 */
export const PAGE_BUDGETS: Record<string, { page: string; brotliBytes: number; requests: number }> = {
  overview: { page: '', brotliBytes: 9_000, requests: 3 },
  map: { page: 'map/', brotliBytes: 11_200, requests: 3 },
  commune: { page: 'communes/06841/', brotliBytes: 7_000, requests: 3 },
  district: { page: 'districts/198/', brotliBytes: 8_500, requests: 3 },
  targets: { page: 'targets/', brotliBytes: 7_300, requests: 3 },
  national: { page: 'national/', brotliBytes: 13_400, requests: 3 },
  explore: { page: 'explore/', brotliBytes: 146_000, requests: 4 },
};

export interface Measured {
  kind: string;
  brotliBytes: number;
  requests: number;
}

/** Every way the measured pages break their budgets, in plain words. */
export function overBudget(measured: Measured[], budgets = PAGE_BUDGETS): string[] {
  return measured.flatMap((m) => {
    const b = budgets[m.kind];
    const problems: string[] = [];
    if (m.brotliBytes > b.brotliBytes) problems.push(`${m.kind}: ${m.brotliBytes} brotli bytes, budget ${b.brotliBytes}`);
    if (m.requests > b.requests) problems.push(`${m.kind}: ${m.requests} requests, budget ${b.requests}`);
    return problems;
  });
}
