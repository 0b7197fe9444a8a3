/**
 * Example questions for the explore page, answered with SQL over the published tables. They ask
 * about the dataset's own years, standard and areas (EXAMPLE_FACTS, read at build), so that every
 * province gets questions that answer something.
 */
export interface ExampleQuery {
  id: string;
  vi: string;
  en: string;
  sql: string;
}

/** What the examples ask about, as EXAMPLE_FACTS finds it in the published tables. */
export interface ExampleFacts {
  /** The standard most commune figures are under. */
  standard: string | null;
  /** Where figures are listed by area: by district where the province has districts, else by commune. */
  area: 'district' | 'commune';
  /** The first and the latest year with figures at that level under that standard. */
  first_year: number | null;
  latest_year: number | null;
  /** The latest year with BHYT coverage at that level. */
  bhyt_year: number | null;
}

export const EXAMPLE_FACTS = `WITH std AS (
  SELECT standard FROM poverty WHERE level = 'commune' GROUP BY standard ORDER BY count(*) DESC, standard LIMIT 1),
area AS (SELECT CASE WHEN count(*) FILTER (WHERE level = 'district') > 0 THEN 'district' ELSE 'commune' END AS level FROM poverty),
years AS (SELECT min(year) AS first_year, max(year) AS latest_year FROM poverty
          WHERE level = (SELECT level FROM area) AND standard = (SELECT standard FROM std))
SELECT (SELECT standard FROM std) AS standard, (SELECT level FROM area) AS area, first_year, latest_year,
       (SELECT max(year) FROM coverage WHERE level = (SELECT level FROM area) AND programme = 'bhyt') AS bhyt_year
FROM years`;

// The SQL is shown to the reader as it runs, so a value from the data (a standard's id, which the
// pipeline holds to [a-z0-9_-]) is written into it as a quoted literal, not passed as a parameter.
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The example questions that the facts allow (one that needs a year the dataset lacks is left out). */
export function exampleQueries(f: ExampleFacts): ExampleQuery[] {
  const byArea = f.area === 'district' ? { vi: 'huyện', en: 'district' } : { vi: 'xã', en: 'commune' };
  const standard = f.standard == null ? null : literal(f.standard);
  const examples: (ExampleQuery | false)[] = [
    f.latest_year != null &&
      standard != null && {
        id: 'poorest-communes',
        vi: `Mười xã có tỷ lệ hộ nghèo và cận nghèo cao nhất năm ${f.latest_year}`,
        en: `The ten communes with the highest poor + near-poor rate in ${f.latest_year}`,
        sql: `SELECT unit_name, ${f.area === 'district' ? 'district_name, ' : ''}households, poor_near_poor_rate
FROM poverty
WHERE level = 'commune' AND year = ${f.latest_year} AND standard = ${standard}
  AND poor_near_poor_rate IS NOT NULL
ORDER BY poor_near_poor_rate DESC
LIMIT 10;`,
      },
    f.bhyt_year != null && {
      id: 'bhyt-gaps',
      vi: `Khoảng trống thẻ BHYT theo ${byArea.vi}, năm ${f.bhyt_year}`,
      en: `Gaps in health-insurance (BHYT) cards by ${byArea.en}, ${f.bhyt_year}`,
      sql: `SELECT unit_name, eligible, covered, gap, coverage_rate
FROM coverage
WHERE level = '${f.area}' AND programme = 'bhyt' AND year = ${f.bhyt_year}
ORDER BY coverage_rate;`,
    },
    f.first_year != null &&
      f.latest_year != null &&
      f.first_year < f.latest_year &&
      standard != null && {
        id: 'change-since-first-year',
        vi: `Hộ cận nghèo theo ${byArea.vi}: thay đổi từ ${f.first_year}`,
        en: `Near-poor households by ${byArea.en}: change since ${f.first_year}`,
        sql: `SELECT a.unit_name,
       a.near_poor AS near_poor_${f.first_year},
       b.near_poor AS near_poor_${f.latest_year},
       b.near_poor - a.near_poor AS change
FROM poverty a
JOIN poverty b USING (level, unit_code, standard)
WHERE a.level = '${f.area}' AND a.standard = ${standard}
  AND a.year = ${f.first_year} AND b.year = ${f.latest_year}
ORDER BY change;`,
      },
    standard != null && {
      id: 'unit-periods',
      vi: 'Nối số liệu xã với bảng đơn vị mà không lặp dòng (mỗi năm một tên, một loại đơn vị)',
      en: 'Join commune figures to the units table without repeating rows (one name and type per year)',
      sql: `SELECT p.year, p.unit_code, u.unit_name, u.unit_type, u.valid_from, u.valid_to, p.poor_rate
FROM poverty p
JOIN units u USING (unit_period_id)
WHERE p.level = 'commune' AND p.standard = ${standard}
ORDER BY p.unit_code, p.year
LIMIT 50;`,
    },
    {
      id: 'merged-units',
      vi: 'Các xã cũ hợp thành mỗi đơn vị mới',
      en: 'The old communes merged into each new unit',
      sql: `SELECT c.new_unit_code,
       string_agg(DISTINCT c.old_unit_code, ', ' ORDER BY c.old_unit_code) AS old_units,
       bool_and(c.relation = 'full') AS all_moved_whole
FROM crosswalk c
WHERE c.new_unit_code IS NOT NULL
GROUP BY c.new_unit_code
ORDER BY c.new_unit_code;`,
    },
    {
      id: 'national-rank',
      vi: 'Các tỉnh có tỷ lệ hộ nghèo thấp nhất năm 2016 (TCTK)',
      en: 'Provinces with the lowest poverty rate in 2016 (GSO)',
      sql: `SELECT rank, province_name, value_pct, home
FROM gso_province_poverty_rates
WHERE area_level = 'province' AND year = 2016 AND rank IS NOT NULL
ORDER BY rank
LIMIT 20;`,
    },
  ];
  return examples.filter((q): q is ExampleQuery => q !== false);
}
