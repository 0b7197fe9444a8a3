/**
 * Page-weight budgets, per kind of page: brotli bytes of HTML + CSS + JS a first visit loads
 * before any interaction, and the number of requests. Set from measurements (README →
 * Performance) with a little headroom; CI fails when a page kind exceeds its budget.
 * Pages with charts carry each chart twice, drawn for a phone and for a wider screen (2–3 KB more
 * on map pages): the price of 12-px text on a 360-px screen without scripts.
 * Every page's header carries the unit search form and its head the link-preview tags (≈ 0,5 KB).
 * Every figure offers its data as Excel beside CSV (≈ 0,1 KB a figure).
 * The stylesheet is inlined in every page (one request fewer, so the chart paints with the HTML);
 * an embed's holds only what an embedded figure uses (≈ 1,7 KB less than the site's). The site's
 * own rules, kept apart from those embeds share, come in another order: ± 35 bytes a page (the
 * district page 13.405 instead of 13.370, at its budget).
 * A commune page shows every count since counts are rounded rather than withheld: the deprivation
 * table and the charts carry values where they used to say "withheld" (≈ 2 KB).
 * A commune made by a merger (the measured one, Hoành Mô, is) says what it was made from and
 * draws its area's trend beside its own (≈ 0,4 KB with the tables' CSS that every page carries).
 * Every map carries the pattern of each kind of missing value (a rate from too few is dotted), and
 * an illustrative table's source says in words who made it and how (≈ 0,1 KB on a map page).
 * The targets table says each status twice, in its column and, for a phone, under the result
 * (≈ 0,05 KB on the A4 report).
 * A box that scrolls sideways shades its edge while more is out of sight (≈ 0,12 KB a page).
 * On a dark page the charts' lines, their names and the target are drawn in lighter shades, which
 * small text needs to be read there, and an embed stays light (≈ 0,15 KB a page).
 * Brotli's size of a page moves by up to ±90 bytes when its stylesheet's digest in the CSP
 * changes, whatever the change to the stylesheet (dropping "table," from a print rule made the
 * embed 86 bytes larger): the embed and district budgets allow for it (13.100 and 13.700).
 * The explore page's DuckDB (≈ 4 MB brotli, its wasm preloaded by the HTML) and its SQL editor
 * (≈ 120 KB, once DuckDB is ready) are not counted here: the explore benchmark measures them.
 */
export const PAGE_BUDGETS: Record<string, { page: string; brotliBytes: number; requests: number }> = {
  overview: { page: '', brotliBytes: 13_100, requests: 4 },
  map: { page: 'map/', brotliBytes: 17_500, requests: 4 },
  communeMap: { page: 'map/commune/poor_rate/2022-national/', brotliBytes: 17_500, requests: 4 },
  commune: { page: 'communes/06841/', brotliBytes: 14_100, requests: 4 },
  district: { page: 'districts/198/', brotliBytes: 13_700, requests: 4 },
  deprivation: { page: 'deprivation/', brotliBytes: 14_800, requests: 4 },
  targets: { page: 'targets/', brotliBytes: 11_200, requests: 3 },
  report: { page: 'targets/report/', brotliBytes: 10_000, requests: 4 },
  national: { page: 'national/', brotliBytes: 20_200, requests: 4 },
  embed: { page: 'embed/vi/map/district/poor_rate/2022-national/', brotliBytes: 13_100, requests: 4 },
  explore: { page: 'explore/', brotliBytes: 23_600, requests: 3 },
};

/** The same page in both languages: English under en/, embeds under embed/en/. */
export const bothLanguages = (page: string) =>
  page.startsWith('embed/vi/') ? [page, page.replace('embed/vi/', 'embed/en/')] : [page, `en/${page}`];

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
