import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/bench/page-weight.ts';
import { bothLanguages, overBudget, PAGE_BUDGETS } from '../../src/lib/page-budgets.ts';

describe('page-weight budgets (brotli bytes and requests of a first visit)', () => {
  const measured = Object.entries(PAGE_BUDGETS).flatMap(([kind, b]) =>
    bothLanguages(b.page).map((page) => {
      const w = pageWeight('dist', '/', page);
      return { kind, page, brotliBytes: w.html.brotli + w.css.brotli + w.js.brotli, requests: w.requests };
    }),
  );

  it('every kind of page, in both languages, stays within its budget', () => {
    expect(overBudget(measured)).toEqual([]);
  });

  it('the check fails when a page goes over (so the budget can fail CI)', () => {
    const heavier = measured.map((m) => (m.kind === 'map' ? { ...m, brotliBytes: m.brotliBytes + 2_000, requests: m.requests + 1 } : m));
    expect(overBudget(heavier)).toEqual([
      `map: ${measured[2].brotliBytes + 2_000} brotli bytes, budget ${PAGE_BUDGETS.map.brotliBytes}`,
      `map: ${measured[2].requests + 1} requests, budget ${PAGE_BUDGETS.map.requests}`,
      `map: ${measured[3].brotliBytes + 2_000} brotli bytes, budget ${PAGE_BUDGETS.map.brotliBytes}`,
      `map: ${measured[3].requests + 1} requests, budget ${PAGE_BUDGETS.map.requests}`,
    ]);
  });
});
