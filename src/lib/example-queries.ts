/** Example questions for the explore page, answered with SQL over the published tables. */
export interface ExampleQuery {
  id: string;
  vi: string;
  en: string;
  sql: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    id: 'poorest-communes',
    vi: 'Mười xã có tỷ lệ hộ nghèo và cận nghèo cao nhất năm 2022',
    en: 'The ten communes with the highest poor + near-poor rate in 2022',
    sql: `SELECT unit_name, district_name, households, poor_near_poor_rate
FROM poverty
WHERE level = 'commune' AND year = 2022 AND standard = 'national'
  AND poor_near_poor_rate IS NOT NULL
ORDER BY poor_near_poor_rate DESC
LIMIT 10;`,
  },
  {
    id: 'bhyt-gaps',
    vi: 'Khoảng trống thẻ BHYT theo huyện, năm 2022',
    en: 'Gaps in health-insurance (BHYT) cards by district, 2022',
    sql: `SELECT unit_name, eligible, covered, gap, coverage_rate
FROM coverage
WHERE level = 'district' AND programme = 'bhyt' AND year = 2022
ORDER BY coverage_rate;`,
  },
  {
    id: 'change-since-2021',
    vi: 'Hộ cận nghèo theo huyện: thay đổi từ 2021',
    en: 'Near-poor households by district: change since 2021',
    sql: `SELECT a.unit_name,
       a.near_poor AS near_poor_2021,
       b.near_poor AS near_poor_latest,
       b.year AS latest_year,
       b.near_poor - a.near_poor AS change
FROM poverty a
JOIN poverty b USING (level, unit_code, standard)
WHERE a.level = 'district' AND a.standard = 'national' AND a.year = 2021
  AND b.year = (SELECT max(year) FROM poverty WHERE level = 'district')
ORDER BY change;`,
  },
  {
    id: 'unit-periods',
    vi: 'Nối số liệu xã với bảng đơn vị mà không lặp dòng (mỗi năm một tên, một loại đơn vị)',
    en: 'Join commune figures to the units table without repeating rows (one name and type per year)',
    sql: `SELECT p.year, p.unit_code, u.unit_name, u.unit_type, u.valid_from, u.valid_to, p.poor_rate
FROM poverty p
JOIN units u USING (unit_period_id)
WHERE p.level = 'commune' AND p.standard = 'national'
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
