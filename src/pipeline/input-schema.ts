import { COVERAGE_PROGRAMMES } from '../lib/target-indicators.ts';

/**
 * The dataset folder's tables: every column with its type, unit and meaning (vi/en).
 * Validation, the data dictionary and data/README.md all read this one description.
 */
export type ColumnType =
  | 'unit_code'
  | 'unit_code_list'
  | 'district_code'
  | 'area_code'
  | 'code'
  | 'text'
  | 'integer'
  | 'number'
  | 'year'
  | 'date'
  | 'enum'
  | 'boolean'
  | 'url';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  values?: readonly string[];
  unit?: string;
  /** Longest text accepted, in characters (each type has a default: see column-forms.ts). */
  max?: number;
  /** Notes and quotes may hold line breaks and tabs; other cells may not. */
  multiline?: boolean;
  vi: string;
  en: string;
}

export interface TableSpec {
  name: string;
  required: boolean;
  key: string[];
  vi: string;
  en: string;
  columns: ColumnSpec[];
}

export const STANDARDS_COLUMN = 'standard';

export const DEPRIVATION_INDICATORS = [
  'employment',
  'dependants',
  'nutrition',
  'health_insurance',
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water',
  'sanitation',
  'telecom',
  'information_access',
] as const;

/** Units of published figures; each has a label in both languages (unitlabel.* in src/i18n). */
export const PUBLISHED_UNITS = ['households', 'percent_of_households', 'vnd_per_person_month', 'units', 'percent'] as const;

export const VILLAGE_CRITERIA = ['poverty_rate', 'road', 'electricity', 'irrigation', 'water', 'school', 'culture_house'] as const;

const c = (name: string, type: ColumnType, vi: string, en: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  vi,
  en,
  required: true,
  ...extra,
});
const count = (name: string, vi: string, en: string, unit = 'households', extra: Partial<ColumnSpec> = {}) =>
  c(name, 'integer', vi, en, { unit, ...extra });
const optional = { required: false };
/** A count a province may not collect: its column may be left out or left empty. */
const optionalCount = (name: string, vi: string, en: string) => count(name, vi, en, 'households', optional);

/** A quoted or explanatory text: long, and may run over several lines. */
const prose = (max: number) => ({ max, multiline: true });

const unitKey = c('unit_code', 'unit_code', 'Mã đơn vị hành chính cấp xã (mã TCTK, dạng chuỗi)', 'Commune-level unit code (GSO, as text)');
const year = c('year', 'year', 'Năm (số liệu cuối năm)', 'Year (end-of-year figures)');
const standard = c(
  STANDARDS_COLUMN,
  'code',
  'Mã chuẩn nghèo (khai báo trong metadata.json)',
  'Poverty standard id (declared in metadata.json)',
);

export const TABLES: TableSpec[] = [
  {
    name: 'units',
    required: true,
    key: ['unit_code', 'valid_from'],
    vi: 'Đơn vị hành chính cấp xã theo thời kỳ',
    en: 'Commune-level administrative units by period',
    columns: [
      c('unit_code', 'unit_code', 'Mã TCTK của xã, phường, thị trấn, đặc khu', 'GSO code of the commune, ward, township or special zone'),
      c('unit_name', 'text', 'Tên đơn vị', 'Unit name'),
      c('unit_type', 'enum', 'Loại đơn vị', 'Unit type', { values: ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'] }),
      c(
        'district_code',
        'district_code',
        'Mã huyện (trống với đơn vị không thuộc huyện nào, như sau khi bỏ cấp huyện)',
        'District code (blank for units in no district, as after districts were abolished)',
        optional,
      ),
      c('district_name', 'text', 'Tên huyện', 'District name', optional),
      c('district_type', 'text', 'Loại đơn vị cấp huyện', 'District-level unit type', optional),
      c('valid_from', 'date', 'Có hiệu lực từ ngày (YYYY-MM-DD)', 'Valid from (YYYY-MM-DD)'),
      c('valid_to', 'date', 'Có hiệu lực đến ngày (trống: còn hiệu lực)', 'Valid to (blank: still valid)', optional),
      c(
        'predecessor_codes',
        'unit_code_list',
        'Mã các đơn vị trước sắp xếp, cách nhau bởi ;',
        'Codes of the units it was formed from, separated by ;',
        optional,
      ),
    ],
  },
  {
    name: 'crosswalk',
    required: false,
    key: ['old_unit_code', 'new_unit_code'],
    vi: 'Bảng chuyển đổi đơn vị cũ sang đơn vị sau lần sắp xếp gần nhất',
    en: 'Crosswalk from old units to the units of the latest reorganisation',
    columns: [
      c('old_unit_code', 'unit_code', 'Mã đơn vị cũ', 'Old unit code'),
      c('new_unit_code', 'unit_code', 'Mã đơn vị mới (trống nếu chưa rõ)', 'New unit code (blank if unknown)', optional),
      c('relation', 'enum', 'Toàn bộ / một phần / chưa rõ', 'Whole unit / part of it / unknown', {
        values: ['full', 'partial', 'unknown'],
      }),
      c('legal_basis', 'text', 'Căn cứ pháp lý', 'Legal basis', optional),
      c('verified', 'enum', 'Đã đối chiếu văn bản', 'Checked against the legal text', { values: ['yes', 'partly', 'no'] }),
    ],
  },
  {
    name: 'poverty',
    required: true,
    key: ['unit_code', 'year', STANDARDS_COLUMN],
    vi: 'Hộ nghèo, cận nghèo theo xã, năm và chuẩn',
    en: 'Poor and near-poor households by commune, year and standard',
    columns: [
      unitKey,
      year,
      standard,
      count('households', 'Tổng số hộ dân cư', 'Total households'),
      count('poor_start', 'Hộ nghèo đầu năm', 'Poor households at the start of the year'),
      count('poor_exited', 'Hộ thoát nghèo trong năm', 'Households that escaped poverty during the year'),
      count('poor_new', 'Hộ nghèo phát sinh trong năm', 'Newly poor households during the year'),
      count('poor_relapsed', 'Hộ tái nghèo trong năm', 'Households relapsed into poverty during the year'),
      count('poor', 'Hộ nghèo cuối năm', 'Poor households at the end of the year'),
      optionalCount('near_poor_start', 'Hộ cận nghèo đầu năm', 'Near-poor households at the start of the year'),
      optionalCount('near_poor_exited', 'Hộ thoát cận nghèo trong năm', 'Households that left near-poverty during the year'),
      optionalCount('near_poor_new', 'Hộ cận nghèo phát sinh trong năm', 'Newly near-poor households during the year'),
      optionalCount('near_poor_relapsed', 'Hộ tái cận nghèo trong năm', 'Households relapsed into near-poverty during the year'),
      count('near_poor', 'Hộ cận nghèo cuối năm', 'Near-poor households at the end of the year'),
      optionalCount('households_em', 'Số hộ dân tộc thiểu số', 'Ethnic-minority households'),
      optionalCount('poor_em', 'Hộ nghèo dân tộc thiểu số', 'Ethnic-minority poor households'),
      optionalCount('near_poor_em', 'Hộ cận nghèo dân tộc thiểu số', 'Ethnic-minority near-poor households'),
      optionalCount('newly_escaped', 'Hộ mới thoát nghèo (trong 36 tháng)', 'Newly escaped households (within 36 months)'),
    ],
  },
  {
    name: 'deprivation',
    required: false,
    key: ['unit_code', 'year', STANDARDS_COLUMN, 'indicator'],
    vi: 'Hộ nghèo và cận nghèo thiếu hụt theo 12 chỉ số (Nghị định 07/2021)',
    en: 'Poor and near-poor households deprived on each of the 12 indicators (Decree 07/2021)',
    columns: [
      unitKey,
      year,
      standard,
      c('indicator', 'enum', 'Chỉ số thiếu hụt', 'Deprivation indicator', { values: DEPRIVATION_INDICATORS }),
      count(
        'households_deprived',
        'Số hộ nghèo và cận nghèo thiếu hụt chỉ số này',
        'Poor and near-poor households deprived on this indicator',
      ),
    ],
  },
  {
    name: 'coverage',
    required: false,
    key: ['unit_code', 'year', 'programme'],
    vi: 'Độ bao phủ chính sách theo xã và năm',
    en: 'Policy coverage by commune and year',
    columns: [
      unitKey,
      year,
      c('programme', 'enum', 'Chính sách: tín dụng, BHYT, học phí, tập huấn cán bộ', 'Policy: credit, BHYT, tuition, officials trained', {
        values: COVERAGE_PROGRAMMES,
      }),
      count(
        'eligible',
        'Số đối tượng (hộ, người, học sinh hoặc cán bộ)',
        'Number eligible (households, people, pupils or officials)',
        'persons or households',
      ),
      count('covered', 'Số đối tượng được thụ hưởng', 'Number covered', 'persons or households'),
    ],
  },
  {
    name: 'villages',
    required: false,
    key: ['village_id'],
    vi: 'Thôn, bản đặc biệt khó khăn (Chương trình 135)',
    en: 'Extremely difficult villages (Program 135)',
    columns: [
      c('village_id', 'code', 'Mã thôn trong bộ dữ liệu', 'Village id within the dataset'),
      c('village_name', 'text', 'Tên thôn, bản', 'Village name'),
      c(
        'name_is_placeholder',
        'boolean',
        'Tên là tên tạm (tên thật chưa công khai)',
        'The name is a placeholder (the real one is not public)',
      ),
      unitKey,
      c('listed_by', 'text', 'Quyết định đưa vào danh sách', 'Decision that listed it'),
      c('exit_year', 'year', 'Năm ra khỏi diện đặc biệt khó khăn', 'Year it left the extremely difficult list', optional),
      c('exit_decision', 'text', 'Quyết định công nhận', 'Decision that recognised the exit', optional),
    ],
  },
  {
    name: 'village_criteria',
    required: false,
    key: ['village_id', 'year', 'criterion'],
    vi: 'Tiêu chí hoàn thành Chương trình 135 (tiêu chí tham chiếu)',
    en: 'Program-135 completion criteria (reference criteria)',
    columns: [
      c('village_id', 'code', 'Mã thôn', 'Village id'),
      year,
      c('criterion', 'enum', 'Tiêu chí', 'Criterion', { values: VILLAGE_CRITERIA }),
      c('value', 'number', 'Giá trị đo (nếu có)', 'Measured value (if any)', optional),
      c('met', 'boolean', 'Đạt tiêu chí', 'Criterion met'),
    ],
  },
  {
    name: 'targets',
    required: false,
    key: ['target_id'],
    vi: 'Chỉ tiêu kế hoạch',
    en: 'Plan targets',
    columns: [
      c('target_id', 'code', 'Mã chỉ tiêu', 'Target id'),
      c(
        'indicator',
        'code',
        'Chỉ số đo (chỉ tiêu theo chỉ số Atlas không đo được thì được nêu theo văn bản, không có kết quả)',
        'Indicator measured (a target of one the atlas does not measure is listed by its words, without a result)',
      ),
      c(
        'scope',
        'enum',
        'Phạm vi (chỉ tiêu chung, hoặc cho từng huyện, từng xã: khi đó đơn vị xa chỉ tiêu nhất quyết định kết quả)',
        'Scope (the target as a whole, or for every district or commune: then the unit furthest from it decides)',
        { values: ['province', 'district', 'commune'] },
      ),
      c('comparator', 'enum', 'So sánh', 'Comparator', { values: ['>=', '<='] }),
      c('value', 'number', 'Giá trị chỉ tiêu', 'Target value'),
      c(
        'unit',
        'text',
        'Đơn vị của chỉ số: % (độ bao phủ, tỷ lệ), hộ (số hộ giảm, số hộ), điểm % (tỷ lệ giảm), thôn (số thôn ra khỏi diện đặc biệt khó khăn)',
        "The indicator's unit: % (coverage, rates), households (fewer households, households), percentage points (a rate's reduction), villages (villages off the list)",
      ),
      year,
      c(STANDARDS_COLUMN, 'code', 'Chuẩn nghèo áp dụng (nếu có)', 'Poverty standard (if any)', optional),
      c('source_document', 'text', 'Văn bản (tên và số hiệu như khi ban hành)', 'Source document (its title and number as issued)'),
      c(
        'source_document_en',
        'text',
        'Văn bản, bằng tiếng Anh (cho trang tiếng Anh)',
        'Source document in English (for English pages)',
        optional,
      ),
      c('source_section', 'text', 'Mục', 'Section'),
      c('text_vi', 'text', 'Nội dung (tiếng Việt)', 'Text (Vietnamese)', prose(1000)),
      c('text_en', 'text', 'Nội dung (tiếng Anh)', 'Text (English)', prose(1000)),
    ],
  },
  {
    name: 'plan_sections',
    required: false,
    key: ['section_id'],
    vi: 'Các nội dung thực hiện của kế hoạch',
    en: "The plan's content areas",
    columns: [
      c('section_id', 'code', 'Mã nội dung', 'Section id'),
      c('source_section', 'text', 'Mục trong văn bản', 'Section of the document'),
      c('title_vi', 'text', 'Tên nội dung (tiếng Việt)', 'Title (Vietnamese)'),
      c('title_en', 'text', 'Tên nội dung (tiếng Anh)', 'Title (English)'),
      c(
        'plan_text_vi',
        'text',
        'Mục tiêu, trích nguyên văn kế hoạch (trống nếu không có văn bản)',
        'Objective quoted from the plan (blank if the text is not available)',
        { ...optional, ...prose(4000) },
      ),
      c('summary_en', 'text', 'Tóm tắt tiếng Anh', 'English summary', { ...optional, ...prose(2000) }),
      c(
        'indicators',
        'text',
        'Chỉ số liên quan trong bộ dữ liệu, cách nhau bởi ; (deprivation:<chỉ số> hoặc coverage:<chính sách>)',
        'Related dataset indicators, separated by ; (deprivation:<indicator> or coverage:<programme>)',
        optional,
      ),
    ],
  },
  {
    name: 'published_figures',
    required: false,
    key: ['figure_id'],
    vi: 'Số liệu đã công bố, kèm nguồn',
    en: 'Published figures, each with its source',
    columns: [
      c('figure_id', 'code', 'Mã số liệu', 'Figure id'),
      c('area_name', 'text', 'Địa bàn', 'Area'),
      c('area_code', 'area_code', 'Mã địa bàn', 'Area code'),
      c('period_vi', 'text', 'Thời điểm (tiếng Việt: "cuối năm 2022")', 'Period in Vietnamese ("cuối năm 2022")', { max: 60 }),
      c('period_en', 'text', 'Thời điểm (tiếng Anh: "end of 2022")', 'Period in English ("end of 2022")', { max: 60 }),
      year,
      c('indicator', 'code', 'Chỉ số', 'Indicator'),
      c(STANDARDS_COLUMN, 'code', 'Chuẩn nghèo', 'Poverty standard', optional),
      c('value', 'number', 'Giá trị', 'Value'),
      c(
        'unit',
        'enum',
        'Đơn vị (mã; trang web ghi bằng ngôn ngữ của người đọc)',
        "Unit (a code; the site words it in the reader's language)",
        { values: PUBLISHED_UNITS },
      ),
      c('evidence', 'enum', 'Mức kiểm chứng', 'Evidence', { values: ['verified', 'secondary'] }),
      c('note_vi', 'text', 'Ghi chú, trích dẫn (tiếng Việt)', 'Note or quote in Vietnamese', { ...optional, ...prose(1000) }),
      c('note_en', 'text', 'Ghi chú, trích dẫn (tiếng Anh)', 'Note or quote in English', { ...optional, ...prose(1000) }),
      c('source_url', 'url', 'Nguồn', 'Source URL'),
    ],
  },
  {
    name: 'gso_province_poverty_rates',
    required: false,
    key: ['area_name_en', 'year'],
    vi: 'Tỷ lệ hộ nghèo theo tỉnh (TCTK, 2006–2016)',
    en: 'Poverty rate by province (GSO, 2006–2016)',
    columns: [
      c('area_name_en', 'text', 'Tên địa bàn (tiếng Anh, không dấu)', 'Area name (English, no diacritics)'),
      c('area_level', 'enum', 'Cấp', 'Level', { values: ['country', 'region', 'province'] }),
      year,
      c('value_pct', 'number', 'Tỷ lệ hộ nghèo (%), trống nếu không công bố', 'Poverty rate (%), blank where not published', {
        unit: '%',
        required: false,
      }),
      c('preliminary', 'boolean', 'Số sơ bộ', 'Preliminary'),
    ],
  },
];

export const tableSpec = (name: string): TableSpec => {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no table ${name}`);
  return spec;
};
