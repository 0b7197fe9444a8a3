import { mapDefaultView } from '../queries.ts';

/**
 * The year and standard a static map opens on: the plan's target year where districts still
 * existed, else the last year with districts, under the first declared standard.
 */
export async function mapView(query: <T>(sql: string) => Promise<T[]>): Promise<{ year: number; standard: string }> {
  const [row] = await query<{ year: number | null; standard: string }>(mapDefaultView());
  return { year: row.year ?? 0, standard: row.standard };
}
