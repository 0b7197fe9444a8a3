import { PUBLISHED_TABLES, type PublishedTableName } from '../lib/published-tables.ts';
import { TABLES } from './input-schema.ts';
import { rateBaseOf } from '../lib/rate-bases.ts';

/** The published tables in the order they are written: what each holds, and which dataset table its values come from. */
export const PUBLISHED = Object.entries(PUBLISHED_TABLES).map(([name, t]) => ({
  name: name as PublishedTableName,
  from: t.from,
  /** The input tables its values come from: generated where any of them is. */
  sources: [t.from, ...('resultsFrom' in t ? t.resultsFrom : [])],
  vi: t.vi,
  en: t.en,
}));
/** Columns that the pipeline adds; every other published column is described in the input schema. */
const DERIVED: Record<string, [vi: string, en: string]> = {
  level: ['Cấp: commune (xã), district (huyện), province (tỉnh)', 'Level: commune, district or province'],
  unit_name: [
    'Tên đơn vị vào cuối năm (đơn vị đổi tên vẫn giữ mã: nhóm theo unit_code, không theo unit_name)',
    'Unit name at the end of the year (a renamed unit keeps its code: group by unit_code, not unit_name)',
  ],
  unit_period_id: [
    'Mã một đơn vị trong một thời kỳ (unit_code@valid_from): mã xã có thể được dùng lại cho nơi khác sau sắp xếp, nên hãy nối bảng với units bằng cột này',
    'One unit over one period (unit_code@valid_from): a commune code may be reused for another place after a reorganisation, so join to units on this column',
  ],
  poor_rate: ['Tỷ lệ hộ nghèo (%)', 'Poverty rate: poor households as % of all households'],
  near_poor_rate: ['Tỷ lệ hộ cận nghèo (%)', 'Near-poor households as % of all households'],
  poor_near_poor_rate: [
    'Tỷ lệ nghèo đa chiều: hộ nghèo và cận nghèo (%)',
    'Multidimensional poverty rate: poor + near-poor as % of households',
  ],
  poor_change: ['Thay đổi số hộ nghèo trong năm (cuối năm − đầu năm)', 'Change in poor households during the year (end − start)'],
  near_poor_change: ['Thay đổi số hộ cận nghèo trong năm', 'Change in near-poor households during the year'],
  poor_rate_change_pp: ['Thay đổi tỷ lệ hộ nghèo trong năm (điểm %)', 'Change in the poverty rate during the year (percentage points)'],
  near_poor_rate_change_pp: [
    'Thay đổi tỷ lệ hộ cận nghèo trong năm (điểm %)',
    'Change in the near-poor rate during the year (percentage points)',
  ],
  em_household_share: ['Tỷ lệ hộ dân tộc thiểu số (%)', 'Ethnic-minority households as % of all households'],
  em_share_of_poor: ['Tỷ lệ hộ DTTS trong số hộ nghèo (%)', 'Ethnic-minority share of poor households (%)'],
  illustrative: ['true: số liệu minh họa, không phải số liệu chính thức', 'true: illustrative values, not official statistics'],
  poor_near_poor: ['Số hộ nghèo và cận nghèo (mẫu số)', 'Poor + near-poor households (the denominator)'],
  share_deprived: [
    'Tỷ lệ hộ nghèo, cận nghèo thiếu hụt chỉ số này (%)',
    'Share of poor and near-poor households deprived on this indicator (%)',
  ],
  gap: ['Số chưa được thụ hưởng (đối tượng − thụ hưởng)', 'Not yet covered (eligible − covered)'],
  coverage_rate: ['Tỷ lệ bao phủ (%)', 'Coverage rate (%)'],
  complete: ['Giá trị quy đổi đầy đủ (mọi đơn vị cũ chuyển nguyên vẹn)', 'The re-aggregation is exact (every predecessor moved whole)'],
  method: ['Cách tính', 'How the value was obtained'],
  note: ['Lý do không có giá trị (đơn vị cũ bị chia tách)', 'Why there is no value (a predecessor was split)'],
  first_year: ['Năm đầu áp dụng', 'First year in force'],
  last_year: ['Năm cuối trong bộ dữ liệu', 'Last year in the dataset'],
  name_vi: ['Tên (tiếng Việt)', 'Name (Vietnamese)'],
  name_en: ['Tên (tiếng Anh)', 'Name (English)'],
  legal_basis: ['Căn cứ pháp lý', 'Legal basis'],
  target_year: ['Năm của chỉ tiêu', 'Year the target is set for'],
  target_value: ['Giá trị chỉ tiêu', 'Target value'],
  actual: ['Kết quả thực hiện', 'Actual value'],
  status: ['Trạng thái: met (đạt), not_met (chưa đạt), no_data (chưa có số liệu)', 'Status: met, not_met or no_data'],
  progress_pct: ['Kết quả so với chỉ tiêu (%)', 'Actual as % of the target'],
  decided_by: [
    'Đơn vị quyết định kết quả (chỉ tiêu cho từng huyện, xã: đơn vị xa chỉ tiêu nhất)',
    'Unit that decides the result (a target for every district or commune: the one furthest from it)',
  ],
  province_name: ['Tên tỉnh trên bản đồ ranh giới', 'Province name on the boundary map'],
  iso_3166_2: ['Mã ISO 3166-2 của tỉnh', 'ISO 3166-2 code of the province'],
  rank: ['Thứ hạng trong năm (1 = tỷ lệ hộ nghèo thấp nhất)', 'Rank that year (1 = lowest poverty rate)'],
  provinces_ranked: ['Số tỉnh được xếp hạng năm đó', 'Number of provinces ranked that year'],
  home: ['Là tỉnh hoặc vùng của bộ dữ liệu này', 'The province of this dataset, or its region'],
};

/** Published columns computed from optional input columns: not collected when those are not. */
const COMPUTED_FROM: Record<string, string[]> = {
  em_household_share: ['households_em'],
  em_share_of_poor: ['poor_em'],
  near_poor_change: ['near_poor_start'],
  near_poor_rate_change_pp: ['near_poor_start'],
};

/** The optional count columns an input table leaves out or leaves empty in every row. */
export function emptyOptionalColumns(input: Record<string, unknown>[] | undefined): Set<string> {
  const optional = TABLES.flatMap((t) => t.columns.filter((c) => !c.required && c.type === 'integer').map((c) => c.name));
  return new Set(optional.filter((c) => (input ?? []).every((r) => r[c] == null)));
}

/**
 * The published columns a dataset does not collect: the optional input columns it leaves empty
 * (`emptyOptionalColumns`), and what is computed from them. The site says "not collected" there.
 */
export const notCollected = (missing: ReadonlySet<string>, columns: string[]): Set<string> =>
  new Set(columns.filter((c) => missing.has(c) || (COMPUTED_FROM[c] ?? []).some((d) => missing.has(d))));

/**
 * What the rounding does to a table's counts, for the dictionary, the downloads and the schema
 * browser. Coverage counts people, households or officials, whoever a policy reaches; the other
 * rounded tables count households. Where the dataset has official figures of its own, the note
 * says where they are kept exact.
 */
export const roundedNote = (base: number, table: string, officialFigures: boolean): { vi: string; en: string } => {
  const [vi, en, unit] =
    table === 'coverage' ? ['Số đối tượng và số được thụ hưởng', 'Eligible and covered counts', ''] : ['Số hộ', 'Household counts', ' hộ'];
  return {
    vi: `${vi} được làm tròn ngẫu nhiên có kiểm soát tới bội số của ${base} để bảo vệ bí mật (0 nghĩa là 0–${base - 1}${unit}). Số cấp huyện, tỉnh là tổng các số xã đã làm tròn, nên có thể khác số chính thức${officialFigures ? '; số chính thức được giữ nguyên trong bảng các số liệu đã công bố' : ''}.`,
    en: `${en} are randomly rounded, under control, to multiples of ${base} for confidentiality (0 means 0–${base - 1}). District and province counts are sums of the rounded commune counts, so they can differ from the official figures${officialFigures ? ', which are kept exact in the table of published figures' : ''}.`,
  };
};

/** Why a rate is empty where its base is small (see src/lib/rate-bases.ts). */
const rateRule = (base: string, min: number) => ({
  vi: `Để trống khi ${base} dưới ${min}: với số đã làm tròn nhỏ như vậy, tỷ lệ chủ yếu là do làm tròn.`,
  en: `Empty where ${base} is under ${min}: a share of so small a rounded count is mostly rounding.`,
});

const LEVELLED_CODE = {
  vi: 'Mã TCTK của đơn vị, dạng chuỗi: cấp xã 5 chữ số, cấp huyện 3, cấp tỉnh 2 (xem cột level)',
  en: "The unit's GSO code, as text: 5 digits at commune level, 3 at district level, 2 at province level (see level)",
};

/** Vietnamese and English description of a published column of a table. */
export function describeColumn(table: string, column: string, minRate: number): { vi: string; en: string } | null {
  const base = rateBaseOf(table, column);
  if (DERIVED[column]) {
    const [vi, en] = DERIVED[column];
    if (!base) return { vi, en };
    const rule = rateRule(base, minRate);
    return { vi: `${vi}. ${rule.vi}`, en: `${en}. ${rule.en}` };
  }
  const published: { from: string; describedBy?: string; columns: object } | undefined = PUBLISHED_TABLES[table as PublishedTableName];
  // A table of every level holds district and province codes beside the communes'.
  if (column === 'unit_code' && published && 'level' in published.columns) return LEVELLED_CODE;
  // The column of the table the values come from first: "unit" of a target is not "unit" of a published figure.
  const own = TABLES.find((t) => t.name === (published?.describedBy ?? published?.from ?? table));
  const c = [own, ...TABLES].flatMap((t) => t?.columns.find((col) => col.name === column) ?? [])[0];
  return c ? { vi: c.vi, en: c.en } : null;
}
