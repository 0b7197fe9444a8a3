/**
 * SQL over the published tables, with every value bound as a parameter (`sql` below): the build runs them with Node DuckDB over Parquet,
 * the browser with DuckDB-WASM over the same tables loaded from Arrow.
 */
import type { Columns, PublishedRow } from './published-tables.ts';
import type { MapRow } from './shape/map-data.ts';
import type { MapPeriod } from './shape/map-views.ts';
import { measuresFor, type MapMeasure } from './shape/map-measures.ts';
import type { PublishedPeriod } from './unit-history.ts';

/**
 * A query, the values bound to its `?` placeholders in order, and (as a type only) the row it
 * returns: declared once here, so that the code running it never asserts a row type of its own.
 */
export interface Sql<Row = Record<string, unknown>> {
  text: string;
  params: (string | number)[];
  /** Never set: carries the row type from the query to `query()`. */
  readonly row?: Row;
}

const isSql = (v: unknown): v is Sql<unknown> => typeof v === 'object' && v !== null && 'text' in v && 'params' in v;

/**
 * SQL in which every interpolated value is bound as a parameter, never pasted into the text; an
 * interpolated `Sql` (a condition, a named column) is spliced in with its own parameters.
 */
export function sql<Row = Record<string, unknown>>(strings: TemplateStringsArray, ...values: (string | number | Sql)[]): Sql<Row> {
  let text = strings[0];
  const params: Sql<unknown>['params'] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** The row a query builder's SQL returns. */
export type RowOf<F extends (...args: never[]) => Sql<unknown>> = ReturnType<F> extends Sql<infer Row> ? Row : never;

/** A piece of SQL written by the code itself (a column or table name from a declaration), never from data or a reader. */
export const trusted = <Row = Record<string, unknown>>(text: string): Sql<Row> => ({ text, params: [] });

/** Conditions joined with AND. */
const allOf = (conditions: Sql[]): Sql => ({
  text: conditions.map((c) => c.text).join(' AND '),
  params: conditions.flatMap((c) => c.params),
});

export const provinceSeries = () =>
  sql<
    Columns<
      'poverty',
      'year' | 'standard' | 'households' | 'poor' | 'near_poor' | 'poor_rate' | 'near_poor_rate' | 'poor_change' | 'near_poor_change'
    >
  >`
  SELECT year, standard, households, poor, near_poor, poor_rate, near_poor_rate, poor_change, near_poor_change
  FROM poverty WHERE level = 'province' ORDER BY standard, year`;

/**
 * Rows that each belong to one unit, named by `of_unit`: a query over every unit of a level,
 * which the build runs once and splits (site-data/db.ts, rowsOfUnit), instead of once per unit.
 */
export type OfUnit<Row> = Row & { of_unit: string };

/** Each unit's poverty figures over the years. */
export const unitSeries = (level: 'district' | 'commune') =>
  sql<
    OfUnit<
      Columns<
        'poverty',
        | 'year'
        | 'standard'
        | 'unit_name'
        | 'district_name'
        | 'households'
        | 'poor'
        | 'near_poor'
        | 'poor_rate'
        | 'near_poor_rate'
        | 'poor_change'
      >
    >
  >`
  SELECT unit_code AS of_unit, year, standard, unit_name, district_name, households, poor, near_poor, poor_rate, near_poor_rate, poor_change
  FROM poverty WHERE level = ${level} ORDER BY unit_code, standard, year`;

/** Each unit of a reorganisation over every year on its own area, its former units summed before it existed. */
export const areaSeries = () =>
  sql<
    OfUnit<
      Columns<
        'poverty_2025_units',
        'year' | 'standard' | 'unit_name' | 'households' | 'poor' | 'near_poor' | 'poor_rate' | 'near_poor_rate'
      >
    >
  >`
  SELECT unit_code AS of_unit, year, standard, unit_name, households, poor, near_poor, poor_rate, near_poor_rate
  FROM poverty_2025_units ORDER BY unit_code, standard, year`;

/**
 * Every commune code with its latest name, type and district (none where its latest unit is in
 * no district), for one page each.
 */
export const communeIndex = () => sql<Columns<'poverty', 'unit_code' | 'unit_name' | 'unit_type' | 'district_code' | 'district_name'>>`
  SELECT unit_code, arg_max(unit_name, year) AS unit_name, arg_max(unit_type, year) AS unit_type,
         arg_max_null(district_code, year) AS district_code, arg_max_null(district_name, year) AS district_name
  FROM poverty WHERE level = 'commune' GROUP BY unit_code ORDER BY district_code NULLS LAST, unit_code`;

/**
 * Each commune code under each district it had figures in, by the latest name it had there: a
 * code kept by a new unit after a reorganisation is listed under its old district by its old name
 * and among the new units by its new one.
 */
export const communeListings = () => sql<Columns<'poverty', 'unit_code' | 'unit_name' | 'district_code'>>`
  SELECT unit_code, arg_max(unit_name, year) AS unit_name, district_code
  FROM poverty WHERE level = 'commune' GROUP BY unit_code, district_code ORDER BY district_code NULLS LAST, unit_code`;

/** Every period of every unit code, for what a code was over the years. */
export const unitPeriods = () => sql<OfUnit<PublishedPeriod>>`
  SELECT unit_code AS of_unit, unit_name, unit_type, district_code, district_name,
         valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to, predecessor_codes
  FROM units ORDER BY unit_code, valid_from`;

export const districtIndex = () => sql<Columns<'poverty', 'unit_code' | 'unit_name'>>`
  SELECT unit_code, arg_max(unit_name, year) AS unit_name FROM poverty WHERE level = 'district'
  GROUP BY unit_code ORDER BY unit_code`;

/** The units that took over each former unit, wholly or in part. */
export const successorsOf = () =>
  sql<OfUnit<{ new_unit_code: string; relation: string; new_unit_name: string | null }>>`
  SELECT c.old_unit_code AS of_unit, c.new_unit_code, c.relation, arg_max(u.unit_name, u.valid_from) AS new_unit_name
  FROM crosswalk c LEFT JOIN units u ON u.unit_code = c.new_unit_code
  WHERE c.new_unit_code IS NOT NULL
  GROUP BY c.old_unit_code, c.new_unit_code, c.relation ORDER BY c.old_unit_code, c.new_unit_code`;

export const planTargets = () => sql<
  Columns<
    'targets',
    | 'target_id'
    | 'indicator'
    | 'text_vi'
    | 'text_en'
    | 'value'
    | 'unit'
    | 'year'
    | 'comparator'
    | 'scope'
    | 'source_document'
    | 'source_document_en'
    | 'source_section'
  >
>`
  SELECT target_id, indicator, text_vi, text_en, value, unit, year, comparator, scope, source_document, source_document_en, source_section
  FROM targets ORDER BY target_id`;

export const villagesWithCriteria = () => sql<
  Columns<
    'villages',
    'village_id' | 'village_name' | 'name_is_placeholder' | 'unit_name' | 'district_name' | 'listed_by' | 'exit_year' | 'exit_decision'
  > & {
    criteria_met: number;
    criteria_total: number;
    criteria_year: number | null;
  }
>`
  SELECT v.village_id, v.village_name, v.name_is_placeholder, v.unit_name, v.district_name, v.listed_by, v.exit_year, v.exit_decision,
         count_if(c.met)::INTEGER AS criteria_met, count(c.criterion)::INTEGER AS criteria_total, max(c.year) AS criteria_year
  FROM villages v LEFT JOIN village_criteria c
    ON c.village_id = v.village_id AND c.year = (SELECT max(year) FROM village_criteria)
  GROUP BY ALL ORDER BY v.village_id`;

export const publishedFigures = () =>
  sql<PublishedRow<'published_figures'>>`SELECT * FROM published_figures ORDER BY year, area_code, figure_id`;

/** The plan's target year where districts still existed (else the last year with districts), under the oldest standard in force that year. */
export const mapDefaultView = () => sql<{ year: number | null; standard: string | null }>`
    WITH plan AS (SELECT min(year) AS year FROM targets),
         opening AS (SELECT coalesce(
           (SELECT max(p.year) FROM poverty p, plan WHERE p.level = 'district' AND p.year = plan.year),
           (SELECT max(year) FROM poverty WHERE level = 'district')) AS year)
    -- The oldest standard among those in force that year: a standard replaced years before has no map of it.
    SELECT opening.year,
           (SELECT p.standard FROM poverty p JOIN standards s USING (standard)
            WHERE p.level = 'district' AND p.year = opening.year ORDER BY s.first_year, p.standard LIMIT 1) AS standard
    FROM opening`;

/** A few rows of a table, as a sample in the schema browser. */
export const sampleRows = (table: string, n = 3) => sql`SELECT * FROM ${trusted(`"${table.replaceAll('"', '""')}"`)} LIMIT ${n}`;

export const gsoYears = () => sql<{ year: number }>`SELECT DISTINCT year FROM gso_province_poverty_rates ORDER BY year`;

export const gsoProvinces = (year: number) => sql<
  Columns<'gso_province_poverty_rates', 'area_name_en' | 'value_pct' | 'rank' | 'provinces_ranked' | 'preliminary' | 'home'> & {
    province_name: string;
    iso_3166_2: string;
  }
>`
  SELECT area_name_en, province_name, iso_3166_2, value_pct, rank, provinces_ranked, preliminary, home
  FROM gso_province_poverty_rates WHERE area_level = 'province' AND year = ${year} AND province_name IS NOT NULL
  ORDER BY rank NULLS LAST, province_name`;

/** The dataset's province, its region and the whole country, every year. */
export const gsoHomeSeries = () => sql<
  Columns<'gso_province_poverty_rates', 'area_name_en' | 'area_level' | 'year' | 'value_pct' | 'preliminary' | 'rank' | 'provinces_ranked'>
>`
  SELECT area_name_en, area_level, year, value_pct, preliminary, rank, provinces_ranked
  FROM gso_province_poverty_rates WHERE home OR area_level = 'country' ORDER BY area_level, year`;

/** The query the explore page opens with: a real question, answered from the published tables. */
export const exampleQuery = () => `SELECT year, standard, poor, near_poor, poor_rate
FROM poverty
WHERE level = 'province'
ORDER BY standard, year;`;

/** The dataset's province in the latest GSO year that ranks it, with the whole country beside it. */
export const gsoHomeLatest = () => sql<
  Columns<'gso_province_poverty_rates', 'year' | 'preliminary'> & {
    value_pct: number;
    rank: number;
    provinces_ranked: number;
    country_pct: number | null;
  }
>`
  SELECT p.year, p.value_pct, p.preliminary, p.rank, p.provinces_ranked, c.value_pct AS country_pct
  FROM gso_province_poverty_rates p
  JOIN gso_province_poverty_rates c ON c.area_level = 'country' AND c.year = p.year
  WHERE p.home AND p.area_level = 'province' AND p.value_pct IS NOT NULL AND p.rank IS NOT NULL
  ORDER BY p.year DESC LIMIT 1`;

export const targetProgress = () => sql<Columns<'target_progress', 'target_id' | 'year' | 'actual' | 'decided_by' | 'status'>>`
  SELECT target_id, year, actual, decided_by, status FROM target_progress ORDER BY target_id, year`;

/** Coverage of one programme in one year for every district and commune, worst first. */
export const coverageUnits = (programme: string, year: number) => sql<
  Columns<'coverage', 'level' | 'unit_code' | 'unit_name' | 'district_name' | 'eligible' | 'covered' | 'gap' | 'coverage_rate'>
>`
  SELECT level, unit_code, unit_name, district_name, eligible, covered, gap, coverage_rate
  FROM coverage WHERE programme = ${programme} AND year = ${year} AND level IN ('district', 'commune')
  ORDER BY level DESC, coverage_rate NULLS LAST, unit_name`;

export const villagesExitedByYear = () => sql<{ year: number; exited: number; total: number }>`
  SELECT y.year, count(v.exit_year)::INTEGER AS exited, (SELECT count(*) FROM villages)::INTEGER AS total
  FROM (SELECT DISTINCT year FROM village_criteria) y LEFT JOIN villages v ON v.exit_year <= y.year
  GROUP BY y.year ORDER BY y.year`;

export const villageCriteria = (village: string) => sql<Columns<'village_criteria', 'year' | 'criterion' | 'value' | 'met'>>`
  SELECT year, criterion, value, met FROM village_criteria WHERE village_id = ${village} ORDER BY criterion, year`;

export const villageList = () => sql<PublishedRow<'villages'>>`SELECT * FROM villages ORDER BY village_id`;

export const planSections = () => sql<PublishedRow<'plan_sections'>>`SELECT * FROM plan_sections ORDER BY source_section, section_id`;

/** The province's latest published share of poor and near-poor households deprived on one indicator. */
export const latestDeprivation = (indicator: string) => sql<Columns<'deprivation', 'standard' | 'year'> & { share_deprived: number }>`
  SELECT standard, year, share_deprived FROM deprivation
  WHERE level = 'province' AND indicator = ${indicator} AND share_deprived IS NOT NULL
  ORDER BY year DESC, standard LIMIT 1`;

/** The province's latest published coverage rate of one programme. */
export const latestCoverage = (programme: string) => sql<Columns<'coverage', 'year'> & { coverage_rate: number }>`
  SELECT year, coverage_rate FROM coverage
  WHERE level = 'province' AND programme = ${programme} AND coverage_rate IS NOT NULL
  ORDER BY year DESC LIMIT 1`;

/**
 * Each unit's deprivation profile in its latest year with poor or near-poor households, under the
 * first standard that has them: the share of those households lacking each of the 12 indicators.
 */
export const unitDeprivation = (level: 'district' | 'commune') =>
  sql<
    OfUnit<
      Columns<
        'deprivation',
        'indicator' | 'share_deprived' | 'households_deprived' | 'poor_near_poor' | 'year' | 'standard' | 'unit_name' | 'district_name'
      >
    >
  >`
  WITH latest AS (
    SELECT d.unit_code, d.year, d.standard FROM deprivation d JOIN standards s USING (standard)
    WHERE d.level = ${level} AND d.poor_near_poor > 0
    QUALIFY row_number() OVER (PARTITION BY d.unit_code ORDER BY d.year DESC, s.first_year, d.standard) = 1)
  SELECT d.unit_code AS of_unit, d.indicator, d.share_deprived, d.households_deprived, d.poor_near_poor, d.year, d.standard, d.unit_name,
    d.district_name
  FROM deprivation d JOIN latest USING (unit_code, year, standard)
  WHERE d.level = ${level}
  ORDER BY d.unit_code, d.share_deprived DESC NULLS LAST, d.households_deprived DESC NULLS LAST, d.indicator`;

/** Each unit's policy coverage in its latest year with anyone eligible, one row per programme. */
export const unitCoverage = (level: 'district' | 'commune') =>
  sql<OfUnit<Columns<'coverage', 'year' | 'eligible' | 'covered' | 'gap' | 'coverage_rate'> & { unit_code: string; unit_name: string }>>`
  WITH latest AS (SELECT unit_code, max(year) AS year FROM coverage WHERE level = ${level} AND eligible > 0 GROUP BY unit_code)
  SELECT c.unit_code AS of_unit, c.programme AS unit_code, c.programme AS unit_name, c.year, c.eligible, c.covered, c.gap, c.coverage_rate
  FROM coverage c JOIN latest USING (unit_code, year) WHERE c.level = ${level}
  ORDER BY c.unit_code, c.programme`;

/** Every level, year and standard a map can show, with the table it reads. */
export const mapPeriods = () => sql<MapPeriod>`
  SELECT level, 'poverty' AS source, year, standard, NULL AS programme, ${valued(measuresFor('commune'), 'poverty')} AS valued
  FROM poverty WHERE level IN ('district', 'commune') GROUP BY level, year, standard
  UNION ALL
  SELECT level, 'coverage' AS source, year, NULL AS standard, programme, ${valued(measuresFor('commune'), 'coverage')} AS valued
  FROM coverage WHERE level IN ('district', 'commune') GROUP BY level, year, programme
  UNION ALL
  SELECT 'units2025' AS level, 'poverty' AS source, year, standard, NULL AS programme, ${valued(measuresFor('units2025'), 'poverty')} AS valued
  FROM poverty_2025_units
  -- a year already published on the new units needs no re-aggregated view
  WHERE year NOT IN (SELECT year FROM poverty WHERE level = 'commune' GROUP BY year
                     HAVING count(*) FILTER (WHERE unit_code NOT IN (SELECT unit_code FROM poverty_2025_units)) = 0)
  GROUP BY year, standard
  ORDER BY level, source, year, standard, programme`;

/** The columns of a table's map measures that hold at least one value in the group (a rate may have none: every base too small). */
const valued = (measures: readonly MapMeasure[], table: MapMeasure['table']) =>
  trusted(
    `list_filter([${[...new Set(measures.filter((m) => m.table === table).map((m) => m.column))]
      .map((c) => `CASE WHEN count(${c}) > 0 THEN '${c}' END`)
      .join(', ')}], c -> c IS NOT NULL)`,
  );

/** The district a unit belonged to, or for a unit created later the former district most of its predecessors were in. */
const formerDistrict = () => `
  former AS (
    SELECT c.new_unit_code AS unit_code, arg_max(u.district_code, n) AS district_code, arg_max(u.district_name, n) AS district_name
    FROM (SELECT c.new_unit_code, u.district_code, any_value(u.district_name) AS district_name, count(*) AS n
          FROM crosswalk c JOIN units u ON u.unit_code = c.old_unit_code AND u.district_code IS NOT NULL
          GROUP BY ALL) u
    JOIN (SELECT DISTINCT new_unit_code FROM crosswalk) c USING (new_unit_code)
    GROUP BY c.new_unit_code)`;

export interface MapQuery {
  level: 'district' | 'commune' | 'units2025';
  table: 'poverty' | 'coverage';
  column: string;
  counts: string[];
  year: number;
  standard: string | null;
  programme?: string;
}

/** Every value of a map's indicator at its level, in all years: class breaks are drawn from these, so colours mean the same each year. */
export function mapIndicatorValues(q: Omit<MapQuery, 'year' | 'counts'>): Sql<{ value: number | null }> {
  const from = trusted(q.level === 'units2025' ? 'poverty_2025_units' : q.table);
  const where = allOf([
    q.level === 'units2025' ? trusted('TRUE') : sql`level = ${q.level}`,
    q.standard ? sql`standard = ${q.standard}` : trusted('TRUE'),
    q.programme ? sql`programme = ${q.programme}` : trusted('TRUE'),
  ]);
  return sql<{ value: number | null }>`SELECT ${trusted(q.column)} AS value FROM ${from} WHERE ${where}`;
}

/**
 * One value per unit for a map, with the group it is drawn in (its district, or former district),
 * the counts behind it, and why it is missing when it is. Columns come from the map's declared
 * indicators; every value is bound.
 */
export function mapValues(q: MapQuery): Sql<MapRow> {
  const cols = [q.column, ...q.counts].filter((c, i, all) => all.indexOf(c) === i);
  const picked = trusted(cols.map((c) => `t.${c}`).join(', '));
  const from = trusted(q.level === 'units2025' ? 'poverty_2025_units' : q.table);
  const where = allOf([
    q.level === 'units2025' ? trusted('TRUE') : sql`t.level = ${q.level}`,
    sql`t.year = ${q.year}`,
    q.standard ? sql`t.standard = ${q.standard}` : trusted('TRUE'),
    q.programme ? sql`t.programme = ${q.programme}` : trusted('TRUE'),
  ]);
  const group = trusted(
    q.level === 'district'
      ? 'NULL AS group_code, NULL AS group_name'
      : q.level === 'units2025'
        ? 'f.district_code AS group_code, f.district_name AS group_name'
        : 'coalesce(t.district_code, f.district_code) AS group_code, coalesce(t.district_name, f.district_name) AS group_name',
  );
  const note = trusted(q.level === 'units2025' ? 't.complete, t.note' : 'TRUE AS complete, NULL AS note');
  return sql<MapRow>`
  WITH ${trusted(formerDistrict())}
  SELECT t.unit_code, t.unit_name, ${group}, t.${trusted(q.column)} AS value, ${picked}, ${note}
  FROM ${from} t LEFT JOIN former f USING (unit_code)
  WHERE ${where}
  ORDER BY group_code NULLS LAST, t.unit_code`;
}

/**
 * The period in which each unit is ranked among its peers: the latest year and standard in which it
 * has a poverty rate and some unit of its level a rate above zero (a ranking of all zeros says nothing).
 */
export const peerPeriods = (level: 'district' | 'commune') =>
  sql<OfUnit<Columns<'poverty', 'year' | 'standard'>>>`
  WITH ranked AS (
    SELECT p.year, p.standard, s.first_year FROM poverty p JOIN standards s USING (standard)
    WHERE p.level = ${level} GROUP BY p.year, p.standard, s.first_year HAVING max(p.poor_rate) > 0)
  SELECT p.unit_code AS of_unit, p.year, p.standard FROM poverty p JOIN ranked USING (year, standard)
  WHERE p.level = ${level} AND p.poor_rate IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY p.unit_code ORDER BY p.year DESC, ranked.first_year, p.standard) = 1
  ORDER BY p.unit_code`;

/**
 * Every unit of a level with its poverty rate in one period: the peers of each unit ranked then.
 * Asked by period, not by unit, so that the units ranked in the same period share one answer
 * (one list of every commune per commune had made the rows grow with the square of the communes).
 */
export const peerRates = (level: 'district' | 'commune', year: number, standard: string) =>
  sql<Columns<'poverty', 'unit_code' | 'unit_name' | 'district_code' | 'district_name' | 'poor_rate' | 'year' | 'standard'>>`
  SELECT unit_code, unit_name, district_code, district_name, poor_rate, year, standard
  FROM poverty WHERE level = ${level} AND year = ${year} AND standard = ${standard}
  ORDER BY poor_rate DESC NULLS LAST, unit_code`;

/** The units of 1 July 2025 that took over a district's communes, wholly or in part. */
export const districtSuccessors = (code: string) =>
  sql<{ new_unit_code: string; new_unit_name: string | null; partial: boolean }>`
  SELECT c.new_unit_code, any_value(n.unit_name) AS new_unit_name, bool_or(c.relation = 'partial') AS partial
  FROM crosswalk c
  JOIN (SELECT DISTINCT unit_code FROM units WHERE district_code = ${code}) u ON u.unit_code = c.old_unit_code
  LEFT JOIN (SELECT unit_code, arg_max(unit_name, valid_from) AS unit_name FROM units GROUP BY unit_code) n ON n.unit_code = c.new_unit_code
  WHERE c.new_unit_code IS NOT NULL
  GROUP BY c.new_unit_code ORDER BY c.new_unit_code`;

/** Years and standards with district deprivation figures. */
export const deprivationPeriods = () => sql<Columns<'deprivation', 'year' | 'standard'> & { first_year: number }>`
  SELECT DISTINCT d.year, d.standard, s.first_year FROM deprivation d JOIN standards s USING (standard)
  WHERE d.level = 'district' AND d.share_deprived IS NOT NULL ORDER BY d.year DESC, s.first_year`;

/** The share of poor and near-poor households lacking each indicator, for the province and each district. */
export const deprivationByDistrict = (year: number, standard: string) =>
  sql<
    Columns<'deprivation', 'level' | 'unit_code' | 'unit_name' | 'indicator' | 'share_deprived' | 'households_deprived' | 'poor_near_poor'>
  >`
  SELECT level, unit_code, unit_name, indicator, share_deprived, households_deprived, poor_near_poor
  FROM deprivation WHERE level IN ('province', 'district') AND year = ${year} AND standard = ${standard}
  ORDER BY level DESC, unit_code, indicator`;

/** The date the crosswalk's new units took effect (none without a crosswalk). */
export const latestReorganisation = () => sql<{ date: string | null }>`
  SELECT min(came_in)::VARCHAR AS date FROM (
    -- A new unit may keep an old unit's code (06652 was Hà Phong, then Hà Tu): it came in with the code's latest period.
    SELECT unit_code, max(valid_from) AS came_in FROM units
    WHERE unit_code IN (SELECT new_unit_code FROM crosswalk WHERE new_unit_code IS NOT NULL)
    GROUP BY unit_code)`;

/** Dates on which units came into force after the first list, with how many: the reorganisations a dataset records. */
export const unitChanges = () => sql<{ date: string; count: number }>`
  SELECT valid_from::VARCHAR AS date, count(*)::INT AS count FROM units
  WHERE valid_from > (SELECT min(valid_from) FROM units) GROUP BY valid_from ORDER BY valid_from`;
