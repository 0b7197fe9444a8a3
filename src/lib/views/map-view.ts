/**
 * The year and standard a static map opens on: the plan's target year where districts still
 * existed, else the last year with districts, under the first declared standard.
 */
export async function mapView(query: <T>(sql: string) => Promise<T[]>): Promise<{ year: number; standard: string }> {
  const [row] = await query<{ year: number | null; standard: string }>(`
    WITH s AS (SELECT standard FROM standards ORDER BY first_year, standard LIMIT 1),
         plan AS (SELECT min(year) AS year FROM targets)
    SELECT coalesce(
             (SELECT max(p.year) FROM poverty p, plan WHERE p.level = 'district' AND p.year = plan.year),
             (SELECT max(year) FROM poverty WHERE level = 'district')) AS year,
           (SELECT standard FROM s) AS standard`);
  return { year: row.year ?? 0, standard: row.standard };
}
