/**
 * A shared explore link is a query someone else wrote. Whatever it asks, DuckDB in the reader's
 * browser reaches nothing but the site's own files: a second origin counts every request it gets.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, visit, type Site } from './browser.ts';

let site: Site;
let other: Server;
let otherOrigin: string;
const received: string[] = [];

beforeAll(async () => {
  other = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' }).end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  // The other origin is let through the test harness, so only DuckDB itself can stop these requests.
  site = await openSite('dist', '/', { alsoAllow: [otherOrigin] });
});
afterAll(async () => {
  await site?.close();
  await new Promise((resolve) => other.close(resolve));
});

const HOSTILE = (o: string) => [
  `SELECT * FROM read_csv('${o}/x.csv')`,
  `SELECT * FROM read_text('${o}/t.txt')`,
  `SELECT * FROM '${o}/y.csv'`,
  `ATTACH '${o}/db.duckdb' AS other`,
  `COPY (SELECT 1 AS a) TO '${o}/out.csv'`,
  `LOAD '${o}/evil.duckdb_extension.wasm'`,
  'INSTALL httpfs',
  'LOAD httpfs',
  'SET autoinstall_known_extensions = true',
  'SET enable_external_access = true',
  `SET lock_configuration = false; SELECT * FROM read_csv('${o}/z.csv')`,
];

describe('a hostile ?sql= link', () => {
  it('runs, is refused by DuckDB with a message, and makes zero requests to any other origin', async () => {
    const refusals: string[] = [];
    for (const sql of HOSTILE(otherOrigin)) {
      const { page, errors } = await visit(site, `en/explore/?sql=${encodeURIComponent(sql)}`);
      // INSTALL and LOAD of a known extension name answer without doing anything in the browser.
      await page.locator('[data-output] [role="alert"], [data-output] [data-summary]').first().waitFor({ timeout: 60_000 });
      const alert = page.locator('[data-output] [role="alert"]');
      if (await alert.count()) refusals.push((await alert.textContent())!);
      expect(
        errors.filter((e) => !e.includes('Failed to load resource')),
        sql,
      ).toEqual([]);
      await page.close();
    }
    expect(received).toEqual([]);
    expect(site.external).toEqual([]);
    expect(refusals.filter((r) => r.includes('file system operations are disabled')).length).toBeGreaterThanOrEqual(5);
    expect(refusals.filter((r) => r.includes('the configuration has been locked')).length).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('shows markup from a query as text, never as HTML', async () => {
    const sql = `SELECT '<img src=x onerror="document.title=1">' AS "<b>bold</b>", '=HYPERLINK("http://evil.example")' AS f`;
    const { page, errors } = await visit(site, `en/explore/?sql=${encodeURIComponent(sql)}`);
    let dialog = false;
    page.on('dialog', () => (dialog = true));
    await page.locator('[data-output] td').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-output] td').first().textContent()).toBe('<img src=x onerror="document.title=1">');
    expect(await page.locator('[data-output] th').first().textContent()).toBe('<b>bold</b>');
    expect(await page.locator('[data-output] img, [data-output] b').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(dialog).toBe(false);
    expect(errors).toEqual([]);
  });
});
