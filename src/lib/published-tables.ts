/** The columns that say which unit a row of poverty, deprivation or coverage is about, at which level. */
const UNIT = {
  level: ['commune', 'district', 'province'],
  unit_code: 'VARCHAR',
  unit_period_id: 'VARCHAR?',
  unit_name: 'VARCHAR',
} as const;
/** The district a unit was in, and the year of the row. */
const DISTRICT_YEAR = { district_code: 'VARCHAR?', district_name: 'VARCHAR?', year: 'INTEGER' } as const;

/**
 * The published tables, declared once: what each holds, which dataset table its values (and
 * illustrative flag) come from, and each column with its DuckDB type, "?" where it may be empty.
 * The pipeline checks every table it writes against this, and the site's row types come from it.
 */
export const PUBLISHED_TABLES = {
  poverty: {
    from: 'poverty',
    vi: 'Hộ nghèo, cận nghèo theo đơn vị, năm và chuẩn, kèm tỷ lệ và biến động',
    en: 'Poor and near-poor households by unit, year and standard, with rates and changes',
    columns: {
      ...UNIT,
      unit_type: 'VARCHAR?',
      ...DISTRICT_YEAR,
      standard: 'VARCHAR',
      households: 'INTEGER',
      poor_start: 'INTEGER',
      poor_exited: 'INTEGER',
      poor_new: 'INTEGER',
      poor_relapsed: 'INTEGER',
      poor: 'INTEGER',
      near_poor_start: 'INTEGER?',
      near_poor_exited: 'INTEGER?',
      near_poor_new: 'INTEGER?',
      near_poor_relapsed: 'INTEGER?',
      near_poor: 'INTEGER',
      households_em: 'INTEGER?',
      poor_em: 'INTEGER?',
      near_poor_em: 'INTEGER?',
      newly_escaped: 'INTEGER?',
      poor_rate: 'DOUBLE?',
      near_poor_rate: 'DOUBLE?',
      poor_near_poor_rate: 'DOUBLE?',
      poor_change: 'INTEGER?',
      near_poor_change: 'INTEGER?',
      poor_rate_change_pp: 'DOUBLE?',
      near_poor_rate_change_pp: 'DOUBLE?',
      em_household_share: 'DOUBLE?',
      em_share_of_poor: 'DOUBLE?',
      illustrative: 'BOOLEAN',
    },
  },
  deprivation: {
    from: 'deprivation',
    vi: 'Thiếu hụt 12 chỉ số dịch vụ xã hội cơ bản',
    en: 'Deprivation on the 12 basic-social-service indicators',
    columns: {
      ...UNIT,
      ...DISTRICT_YEAR,
      standard: 'VARCHAR',
      indicator: 'VARCHAR',
      households_deprived: 'INTEGER',
      poor_near_poor: 'INTEGER?',
      share_deprived: 'DOUBLE?',
      illustrative: 'BOOLEAN',
    },
  },
  coverage: {
    from: 'coverage',
    vi: 'Độ bao phủ tín dụng, BHYT, học phí, tập huấn',
    en: 'Coverage of credit, BHYT, tuition support and training',
    columns: {
      ...UNIT,
      ...DISTRICT_YEAR,
      programme: 'VARCHAR',
      eligible: 'INTEGER',
      covered: 'INTEGER',
      gap: 'INTEGER?',
      coverage_rate: 'DOUBLE?',
      illustrative: 'BOOLEAN',
    },
  },
  poverty_2025_units: {
    from: 'poverty',
    vi: 'Số liệu quy về các đơn vị hành chính mới, qua bảng chuyển đổi',
    en: 'Figures re-aggregated onto the new administrative units through the crosswalk',
    columns: {
      unit_code: 'VARCHAR',
      unit_name: 'VARCHAR',
      unit_type: 'VARCHAR?',
      year: 'INTEGER',
      standard: 'VARCHAR',
      households: 'INTEGER?',
      poor: 'INTEGER?',
      near_poor: 'INTEGER?',
      households_em: 'INTEGER?',
      poor_em: 'INTEGER?',
      near_poor_em: 'INTEGER?',
      complete: 'BOOLEAN',
      method: 'VARCHAR',
      note: 'VARCHAR?',
      poor_rate: 'DOUBLE?',
      near_poor_rate: 'DOUBLE?',
      illustrative: 'BOOLEAN',
    },
  },
  units: {
    from: 'units',
    vi: 'Đơn vị hành chính theo thời kỳ',
    en: 'Administrative units by period',
    columns: {
      unit_period_id: 'VARCHAR',
      unit_code: 'VARCHAR',
      unit_name: 'VARCHAR',
      unit_type: 'VARCHAR',
      district_code: 'VARCHAR?',
      district_name: 'VARCHAR?',
      district_type: 'VARCHAR?',
      valid_from: 'VARCHAR',
      valid_to: 'VARCHAR?',
      predecessor_codes: 'VARCHAR?',
      illustrative: 'BOOLEAN',
    },
  },
  crosswalk: {
    from: 'crosswalk',
    vi: 'Chuyển đổi đơn vị cũ sang đơn vị 2025',
    en: 'Crosswalk from old units to 2025 units',
    columns: {
      old_unit_code: 'VARCHAR',
      new_unit_code: 'VARCHAR?',
      relation: ['full', 'partial', 'unknown'],
      legal_basis: 'VARCHAR?',
      verified: 'VARCHAR',
      illustrative: 'BOOLEAN',
    },
  },
  standards: {
    from: 'metadata',
    vi: 'Các chuẩn nghèo và năm áp dụng',
    en: 'Poverty standards and the years they apply',
    columns: {
      standard: 'VARCHAR',
      name_vi: 'VARCHAR',
      name_en: 'VARCHAR',
      legal_basis: 'VARCHAR?',
      first_year: 'INTEGER',
      last_year: 'INTEGER',
    },
  },
  villages: {
    from: 'villages',
    vi: 'Thôn đặc biệt khó khăn',
    en: 'Extremely difficult villages',
    columns: {
      village_id: 'VARCHAR',
      village_name: 'VARCHAR',
      name_is_placeholder: 'BOOLEAN',
      unit_code: 'VARCHAR',
      listed_by: 'VARCHAR',
      exit_year: 'INTEGER?',
      exit_decision: 'VARCHAR?',
      unit_name: 'VARCHAR?',
      district_code: 'VARCHAR?',
      district_name: 'VARCHAR?',
      illustrative: 'BOOLEAN',
    },
  },
  village_criteria: {
    from: 'village_criteria',
    vi: 'Tiêu chí hoàn thành Chương trình 135 theo năm',
    en: 'Program-135 completion criteria by year',
    columns: {
      village_id: 'VARCHAR',
      year: 'INTEGER',
      criterion: 'VARCHAR',
      value: 'DOUBLE?',
      met: 'BOOLEAN',
      illustrative: 'BOOLEAN',
    },
  },
  plan_sections: {
    from: 'plan_sections',
    vi: 'Các nội dung thực hiện của kế hoạch',
    en: "The plan's content areas",
    columns: {
      section_id: 'VARCHAR',
      source_section: 'VARCHAR',
      title_vi: 'VARCHAR',
      title_en: 'VARCHAR',
      plan_text_vi: 'VARCHAR?',
      summary_en: 'VARCHAR?',
      indicators: 'VARCHAR?',
      illustrative: 'BOOLEAN',
    },
  },
  targets: {
    from: 'targets',
    vi: 'Chỉ tiêu kế hoạch',
    en: 'Plan targets',
    columns: {
      target_id: 'VARCHAR',
      indicator: 'VARCHAR',
      scope: 'VARCHAR',
      comparator: ['>=', '<='],
      value: 'DOUBLE',
      unit: 'VARCHAR',
      year: 'INTEGER',
      standard: 'VARCHAR?',
      source_document: 'VARCHAR',
      source_document_en: 'VARCHAR?',
      source_section: 'VARCHAR',
      text_vi: 'VARCHAR',
      text_en: 'VARCHAR',
      illustrative: 'BOOLEAN',
    },
  },
  target_progress: {
    from: 'poverty',
    // Its columns are the targets' (their indicator, value and unit); its results the poverty
    // table's, the coverage table's or the villages', each row saying whether its own are generated.
    describedBy: 'targets',
    resultsFrom: ['coverage', 'villages'],
    vi: 'Kết quả so với chỉ tiêu theo năm',
    en: 'Results against targets by year',
    columns: {
      target_id: 'VARCHAR',
      indicator: 'VARCHAR',
      target_year: 'INTEGER',
      year: 'INTEGER',
      standard: 'VARCHAR?',
      comparator: ['>=', '<='],
      target_value: 'DOUBLE',
      unit: 'VARCHAR',
      actual: 'DOUBLE?',
      decided_by: 'VARCHAR?',
      status: ['met', 'not_met', 'no_data'],
      progress_pct: 'DOUBLE?',
      illustrative: 'BOOLEAN',
    },
  },
  published_figures: {
    from: 'published_figures',
    vi: 'Số liệu đã công bố, kèm nguồn',
    en: 'Published figures with sources',
    columns: {
      figure_id: 'VARCHAR',
      area_name: 'VARCHAR',
      area_code: 'VARCHAR',
      period_vi: 'VARCHAR',
      period_en: 'VARCHAR',
      year: 'INTEGER',
      indicator: 'VARCHAR',
      standard: 'VARCHAR?',
      value: 'DOUBLE',
      unit: 'VARCHAR',
      evidence: 'VARCHAR',
      note_vi: 'VARCHAR?',
      note_en: 'VARCHAR?',
      source_url: 'VARCHAR',
      illustrative: 'BOOLEAN',
    },
  },
  gso_province_poverty_rates: {
    from: 'gso_province_poverty_rates',
    vi: 'Tỷ lệ hộ nghèo các tỉnh (TCTK)',
    en: 'Provincial poverty rates (GSO)',
    columns: {
      area_name_en: 'VARCHAR',
      area_level: ['province', 'region', 'country'],
      year: 'INTEGER',
      value_pct: 'DOUBLE?',
      preliminary: 'BOOLEAN',
      province_name: 'VARCHAR?',
      iso_3166_2: 'VARCHAR?',
      rank: 'INTEGER?',
      provinces_ranked: 'INTEGER?',
      home: 'BOOLEAN',
      illustrative: 'BOOLEAN',
    },
  },
} as const satisfies Record<
  string,
  { from: string; describedBy?: string; resultsFrom?: readonly string[]; vi: string; en: string; columns: Record<string, ColumnSpec> }
>;

/** A DuckDB type, with "?" where the column may be empty; or the only values a text column may hold (never empty). */
type ColumnSpec = `${'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN'}${'' | '?'}` | readonly string[];

export type PublishedTableName = keyof typeof PUBLISHED_TABLES;

type ValueOf<T extends ColumnSpec> = T extends readonly string[]
  ? T[number]
  : (T extends `VARCHAR${string}` ? string : T extends `BOOLEAN${string}` ? boolean : number) | (T extends `${string}?` ? null : never);

/** A row of a published table as DuckDB gives it to the site. */
export type PublishedRow<N extends PublishedTableName> = {
  -readonly [C in keyof ColumnsOf<N>]: ColumnsOf<N>[C] extends ColumnSpec ? ValueOf<ColumnsOf<N>[C]> : never;
};
type ColumnsOf<N extends PublishedTableName> = (typeof PUBLISHED_TABLES)[N]['columns'];

/** Some columns of a published table's row. */
export type Columns<N extends PublishedTableName, C extends keyof PublishedRow<N>> = Pick<PublishedRow<N>, C>;

/** The declared columns of a table: name, DuckDB type, whether it may be empty, and the values it may hold. */
export const declaredColumns = (table: PublishedTableName) =>
  Object.entries(PUBLISHED_TABLES[table].columns as Record<string, ColumnSpec>).map(([name, spec]) =>
    typeof spec === 'string'
      ? { name, type: spec.replace('?', ''), nullable: spec.endsWith('?'), values: null }
      : { name, type: 'VARCHAR', nullable: false, values: spec as readonly string[] },
  );
