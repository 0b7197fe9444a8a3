-- Published tables, built from the staging tables (stg_*) after disclosure control.
-- Suppressed counts are NULL, so every rate or change that needs one is NULL too.

-- A percentage of a base, or NULL where the base is below min_rate_base (set by the pipeline
-- from the rounding base, src/lib/rate-bases.ts): a share of a few rounded households is mostly rounding.
-- Unset, it fails the build rather than publish every rate empty.
CREATE TEMP MACRO share(part, base) AS
  CASE
    WHEN getvariable('min_rate_base') IS NULL THEN error('publish.sql: min_rate_base is not set')
    WHEN base >= getvariable('min_rate_base') THEN round(100.0 * part / base, 4)
  END;

-- Whether an input table is generated (metadata.json → tables): every row published from it says so.
CREATE TEMP MACRO made_up(name) AS coalesce((SELECT illustrative FROM stg_illustrative WHERE table_name = name), false);

-- A commune-level code names different places before and after a reorganisation (06652 was
-- Hà Phong, then Hà Tu): unit_period_id names one unit over one period, and every commune row
-- carries the period valid at the end of its year, so a join on it never repeats a row.
CREATE TEMP MACRO unit_period(code, yr) AS (
  SELECT u.unit_code || '@' || u.valid_from FROM stg_units u
  WHERE u.unit_code = code AND u.valid_from <= yr || '-12-31' AND (u.valid_to IS NULL OR u.valid_to >= yr || '-12-31')
);

CREATE TABLE poverty AS
SELECT
  level, unit_code, CASE WHEN level = 'commune' THEN unit_period(unit_code, year) END AS unit_period_id,
  unit_name, unit_type, district_code, district_name, year, standard,
  households, poor_start, poor_exited, poor_new, poor_relapsed, poor,
  near_poor_start, near_poor_exited, near_poor_new, near_poor_relapsed, near_poor,
  households_em, poor_em, near_poor_em, newly_escaped,
  share(poor, households) AS poor_rate,
  share(near_poor, households) AS near_poor_rate,
  share((poor + near_poor), households) AS poor_near_poor_rate,
  poor - poor_start AS poor_change,
  near_poor - near_poor_start AS near_poor_change,
  share((poor - poor_start), households) AS poor_rate_change_pp,
  share((near_poor - near_poor_start), households) AS near_poor_rate_change_pp,
  share(households_em, households) AS em_household_share,
  share(poor_em, poor) AS em_share_of_poor,
  made_up('poverty') AS illustrative
FROM stg_poverty
ORDER BY year, standard, level, district_code NULLS FIRST, unit_code;

CREATE TABLE deprivation AS
SELECT
  d.level, d.unit_code, CASE WHEN d.level = 'commune' THEN unit_period(d.unit_code, d.year) END AS unit_period_id,
  d.unit_name, d.district_code, d.district_name, d.year, d.standard, d.indicator,
  d.households_deprived,
  p.poor + p.near_poor AS poor_near_poor,
  share(d.households_deprived, p.poor + p.near_poor) AS share_deprived,
  made_up('deprivation') AS illustrative
FROM stg_deprivation d
LEFT JOIN stg_poverty p USING (level, unit_code, year, standard)
ORDER BY d.year, d.standard, d.level, d.district_code NULLS FIRST, d.unit_code, d.indicator;

CREATE TABLE coverage AS
SELECT
  level, unit_code, CASE WHEN level = 'commune' THEN unit_period(unit_code, year) END AS unit_period_id,
  unit_name, district_code, district_name, year, programme,
  eligible, covered, uncovered AS gap,
  share(covered, eligible) AS coverage_rate,
  made_up('coverage') AS illustrative
FROM stg_coverage
ORDER BY year, programme, level, district_code NULLS FIRST, unit_code;

CREATE TABLE poverty_2025_units AS
WITH reaggregated AS (
  SELECT unit_code, unit_name, unit_type, year, standard, households, poor, near_poor, households_em, poor_em, near_poor_em,
    true AS complete, 'sum of whole predecessor units' AS method, NULL AS note
  FROM stg_poverty_2025
  UNION ALL
  SELECT i.unit_code, u.unit_name, u.unit_type, i.year, i.standard, NULL, NULL, NULL, NULL, NULL, NULL,
    false, 'left out', i.note
  FROM stg_poverty_2025_incomplete i
  LEFT JOIN (SELECT DISTINCT unit_code, last_value(unit_name) OVER w AS unit_name, last_value(unit_type) OVER w AS unit_type
             FROM stg_units WINDOW w AS (PARTITION BY unit_code ORDER BY valid_from ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) u
    USING (unit_code)
  UNION ALL
  SELECT unit_code, unit_name, unit_type, year, standard, households, poor, near_poor, households_em, poor_em, near_poor_em,
    true, 'reported on these units', NULL
  FROM stg_poverty
  WHERE level = 'commune'
    AND unit_code IN (SELECT new_unit_code FROM stg_crosswalk)
    AND year NOT IN (SELECT year FROM stg_poverty_2025 UNION SELECT year FROM stg_poverty_2025_incomplete)
)
SELECT *,
  share(poor, households) AS poor_rate,
  share(near_poor, households) AS near_poor_rate,
  made_up('poverty') AS illustrative
FROM reaggregated
ORDER BY year, standard, unit_code;

CREATE TABLE units AS SELECT unit_code || '@' || valid_from AS unit_period_id, *, made_up('units') AS illustrative FROM stg_units ORDER BY valid_from, unit_code;
CREATE TABLE crosswalk AS SELECT *, made_up('crosswalk') AS illustrative FROM stg_crosswalk ORDER BY old_unit_code, new_unit_code;
CREATE TABLE standards AS SELECT * FROM stg_standards ORDER BY first_year, standard;

CREATE TABLE villages AS
SELECT v.*, u.unit_name, u.district_code, u.district_name,
  made_up('villages') AS illustrative
FROM stg_villages v
LEFT JOIN (SELECT DISTINCT ON (unit_code) unit_code, unit_name, district_code, district_name FROM stg_units ORDER BY unit_code, valid_from) u
  USING (unit_code)
ORDER BY village_id;

CREATE TABLE village_criteria AS
SELECT *, made_up('village_criteria') AS illustrative
FROM stg_village_criteria ORDER BY village_id, year, criterion;

CREATE TABLE targets AS SELECT *, made_up('targets') AS illustrative FROM stg_targets ORDER BY target_id;
CREATE TABLE plan_sections AS SELECT *, made_up('plan_sections') AS illustrative FROM stg_plan_sections ORDER BY source_section, section_id;

-- Each target's actual value per year, from the published tables (indicator names are documented in data/README.md).
-- A target's scope is the level it holds at: the province's own figure, or every district or every
-- commune, where the unit furthest from the target decides (named in decided_by) and a unit
-- without a figure leaves the year undecided unless another already fails it.
CREATE TABLE target_progress AS
-- A reduction is 0 minus the change, not its negation: a change of 0 is then a reduction of 0,
-- never -0, which a CSV would print.
-- Each result says whether the table it comes from is illustrative, as every row of that table does.
WITH actuals AS (
  SELECT 'coverage_' || programme AS indicator, level, unit_name, year, NULL AS standard, coverage_rate AS actual, illustrative FROM coverage
  UNION ALL SELECT 'poor_reduction', level, unit_name, year, standard, 0 - poor_change, illustrative FROM poverty
  UNION ALL SELECT 'near_poor_reduction', level, unit_name, year, standard, 0 - near_poor_change, illustrative FROM poverty
  UNION ALL SELECT 'poor_rate_reduction', level, unit_name, year, standard, 0 - poor_rate_change_pp, illustrative FROM poverty
  UNION ALL SELECT 'near_poor_rate_reduction', level, unit_name, year, standard, 0 - near_poor_rate_change_pp, illustrative FROM poverty
  -- Levels at the end of a year, for targets such as "the poverty rate below 3 %".
  UNION ALL SELECT 'poor_rate', level, unit_name, year, standard, poor_rate, illustrative FROM poverty
  UNION ALL SELECT 'near_poor_rate', level, unit_name, year, standard, near_poor_rate, illustrative FROM poverty
  UNION ALL SELECT 'poor', level, unit_name, year, standard, poor, illustrative FROM poverty
  UNION ALL SELECT 'near_poor', level, unit_name, year, standard, near_poor, illustrative FROM poverty
  -- Villages out by each year of the dataset: from the villages' exit years, with or without village_criteria.
  UNION ALL SELECT 'villages_exited', 'province', NULL, y.year, NULL, count(v.exit_year),
    made_up('villages')
  FROM (SELECT DISTINCT year FROM stg_poverty UNION SELECT DISTINCT year FROM village_criteria) y
  LEFT JOIN villages v ON v.exit_year <= y.year
  WHERE (SELECT count(*) FROM villages) > 0
  GROUP BY y.year
),
judged AS (
  SELECT t.target_id, a.year, a.unit_name, a.actual, a.illustrative,
    count(*) FILTER (WHERE a.actual IS NULL) OVER w AS unknown,
    -- The unit furthest below (for >=) or above (for <=) the target first; ties by name, so that
    -- every build names the same one.
    row_number() OVER (w ORDER BY CASE WHEN t.comparator = '>=' THEN a.actual ELSE 0 - a.actual END NULLS LAST, a.unit_name) AS place
  FROM targets t
  -- Coverage and villages are not by standard: a standard written on their targets does not hide their results.
  JOIN actuals a ON a.indicator = t.indicator AND (t.standard IS NULL OR a.standard IS NULL OR a.standard = t.standard) AND a.level = t.scope
  WINDOW w AS (PARTITION BY t.target_id, a.year)
),
decided AS (
  SELECT j.target_id, j.year, j.unit_name, j.illustrative,
    (t.comparator = '>=' AND j.actual >= t.value) OR (t.comparator = '<=' AND j.actual <= t.value) AS meets,
    -- A year is decided by a unit that fails the target, or, when none does, only where every unit has a figure.
    CASE WHEN meets AND j.unknown > 0 THEN NULL ELSE j.actual END AS actual
  FROM judged j JOIN targets t USING (target_id)
  WHERE j.place = 1
)
SELECT t.target_id, t.indicator, t.year AS target_year, d.year, t.standard, t.comparator, t.value AS target_value, t.unit,
  d.actual,
  CASE WHEN t.scope <> 'province' AND d.actual IS NOT NULL THEN d.unit_name END AS decided_by,
  CASE WHEN d.actual IS NULL THEN 'no_data' WHEN d.meets THEN 'met' ELSE 'not_met' END AS status,
  round(100.0 * d.actual / nullif(t.value, 0), 2) AS progress_pct,
  d.illustrative
FROM targets t
JOIN decided d USING (target_id)
ORDER BY t.target_id, d.year;

CREATE TABLE published_figures AS SELECT *, made_up('published_figures') AS illustrative FROM stg_published_figures ORDER BY figure_id;
-- GSO's provincial rates with each province's polygon (name and ISO code), its rank that year
-- (1 = lowest poverty rate; ties share a rank), and whether the row is this dataset's province or region.
CREATE TABLE gso_province_poverty_rates AS
SELECT g.*, j.province_name, j.iso_3166_2,
  CASE WHEN g.area_level = 'province' AND g.value_pct IS NOT NULL
       THEN (rank() OVER (PARTITION BY g.year, g.area_level, g.value_pct IS NULL ORDER BY g.value_pct))::INTEGER END AS rank,
  CASE WHEN g.area_level = 'province' AND g.value_pct IS NOT NULL
       THEN (count(*) OVER (PARTITION BY g.year, g.area_level, g.value_pct IS NULL))::INTEGER END AS provinces_ranked,
  g.area_name_en IN (SELECT area_name_en FROM stg_home_areas) AS home,
  made_up('gso_province_poverty_rates') AS illustrative
FROM stg_gso_province_poverty_rates g
LEFT JOIN stg_province_join j USING (area_name_en)
ORDER BY g.area_level, g.area_name_en, g.year;
