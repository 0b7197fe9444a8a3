/**
 * Núi Mây, a made-up highland province unlike Quảng Ninh in every dimension the format allows:
 * 9 districts and 150 communes, 15–45 % of households poor, only the national standard, its own
 * plan, targets and years, 40 Program-135 villages with real-looking names, and none of the optional
 * data (no boundaries, crosswalk, deprivation, coverage, village criteria, ethnic-minority
 * breakdown, near-poor flows or newly-escaped counts). It proves that a province is a folder.
 */
import type { GeneratorProfile } from './calibration.ts';
import type { UnitInput } from './profiles.ts';
import type { Rng } from './random.ts';

const DISTRICTS = ['Thượng Mây', 'Hạ Mây', 'Vân Sơn', 'Phù Lĩnh', 'Đá Trắng', 'Khe Lau', 'Nậm Ta', 'Pù Mây', 'Sông Chè'];
const FIRST = ['Nà', 'Pác', 'Khuổi', 'Phiêng', 'Lũng', 'Mường', 'Tả', 'Sín', 'Cốc', 'Nậm', 'Huổi', 'Pá'];
const SECOND = ['Hin', 'Lùng', 'Cò', 'Chải', 'Phìn', 'Mò', 'Dìn', 'Lao', 'Sáng', 'Vài', 'Khao', 'Tòng', 'Ngàm'];
const YEARS = [2022, 2023, 2024, 2025];
const PLAN = 'Kế hoạch 45/KH-UBND ngày 10/3/2022';
const PLAN_EN = 'Plan 45/KH-UBND of 10 March 2022';

/** Optional poverty columns Núi Mây does not collect: they are left out of its file altogether. */
export const NUI_MAY_NOT_COLLECTED = [
  'near_poor_start',
  'near_poor_exited',
  'near_poor_new',
  'near_poor_relapsed',
  'households_em',
  'poor_em',
  'near_poor_em',
  'newly_escaped',
];

export function nuiMayUnits(): UnitInput[] {
  return Array.from({ length: 150 }, (_, i) => {
    const d = Math.min(8, Math.floor(i / 17));
    return {
      unit_code: String(33_001 + i),
      unit_name: `${i % 11 === 0 ? 'Thị trấn' : 'Xã'} ${FIRST[i % 12]} ${SECOND[Math.floor(i / 12) % 13]}`,
      unit_type: i % 11 === 0 ? 'Thị trấn' : 'Xã',
      district_code: String(981 + d),
      district_name: `Huyện ${DISTRICTS[d]}`,
      district_type: 'Huyện',
      valid_from: '2020-01-01',
      valid_to: null,
      predecessor_codes: '',
    } as UnitInput & Record<string, unknown>;
  });
}

const households = 150 * 1_450;
const rates = { 2022: 0.318, 2023: 0.287, 2024: 0.259, 2025: 0.231 } as Record<number, number>;

export const NUI_MAY: GeneratorProfile = {
  seed: 45_2022,
  households: Object.fromEntries(YEARS.map((y, i) => [y, Math.round(households * (1 + 0.012 * i))])),
  // Every district is mostly ethnic-minority, some nearly wholly: this spreads poverty from about 15 % to 45 %.
  emShareByDistrict: Object.fromEntries(DISTRICTS.map((_, d) => [String(981 + d), 0.55 + 0.05 * d])),
  defaultEmShare: 0.6,
  standards: [
    {
      id: 'national',
      years: YEARS,
      pins: [],
      start: { poor: Math.round(households * 0.345), near_poor: Math.round(households * 0.14) },
      end: Object.fromEntries(
        YEARS.map((y) => [y, { poor: Math.round(households * rates[y]), near_poor: Math.round(households * (0.13 - 0.01 * (y - 2022))) }]),
      ),
    },
  ],
  coverageStandard: () => 'national',
};

/** 40 villages: 30 out by 2025 (so the plan's "all 40 by 2025" is not met), 10 still on the list. */
export function nuiMayVillages(units: UnitInput[], rng: Rng) {
  const exitYears = [...Array(8).fill(2023), ...Array(12).fill(2024), ...Array(10).fill(2025), ...Array(10).fill('')];
  return exitYears.map((exit_year, i) => ({
    village_id: `NM${String(i + 1).padStart(3, '0')}`,
    village_name: `Bản ${SECOND[i % 13]} ${FIRST[(i * 5) % 12]}`,
    name_is_placeholder: 'no',
    unit_code: units[Math.floor(rng.uniform() * units.length)].unit_code,
    listed_by: 'Quyết định 12/QĐ-UBND ngày 5/1/2022',
    exit_year,
    exit_decision: exit_year ? `Quyết định ${100 + i}/QĐ-UBND năm ${exit_year}` : '',
  }));
}

const target = (
  target_id: string,
  indicator: string,
  value: number,
  unit: string,
  year: number,
  standard: string,
  vi: string,
  en: string,
) => ({
  target_id,
  indicator,
  scope: 'province',
  comparator: '>=',
  value,
  unit,
  year,
  standard,
  source_document: PLAN,
  source_document_en: PLAN_EN,
  source_section: 'II.1',
  text_vi: vi,
  text_en: en,
});

export const NUI_MAY_TARGETS = [
  target(
    'poor-rate-2023',
    'poor_rate_reduction',
    3,
    'percentage points',
    2023,
    'national',
    'Giảm tỷ lệ hộ nghèo bình quân 3% mỗi năm',
    'Cut the poverty rate by 3 percentage points a year',
  ),
  target(
    'poor-rate-2025',
    'poor_rate_reduction',
    3,
    'percentage points',
    2025,
    'national',
    'Giảm tỷ lệ hộ nghèo bình quân 3% mỗi năm',
    'Cut the poverty rate by 3 percentage points a year',
  ),
  target(
    'poor-2024',
    'poor_reduction',
    5_000,
    'households',
    2024,
    'national',
    'Giảm ít nhất 5.000 hộ nghèo trong năm 2024',
    'At least 5,000 fewer poor households in 2024',
  ),
  target(
    'villages-2025',
    'villages_exited',
    40,
    'villages',
    2025,
    '',
    'Đến hết năm 2025, 40/40 thôn, bản ra khỏi diện đặc biệt khó khăn',
    'By the end of 2025, all 40 villages leave the extremely difficult list',
  ),
];

const generated = (vi: string, en: string) => ({
  illustrative: true,
  source: { vi, en },
  licence: { vi: 'CC0-1.0', en: 'CC0-1.0' },
});

export const NUI_MAY_METADATA = {
  format_version: '1.0',
  dataset_id: 'nui-may',
  version: '2026.12.1',
  released: '2026-12-02',
  province: { code: '98', name_vi: 'Núi Mây', name_en: 'Nui May' },
  title: { vi: 'Tỉnh Núi Mây (tỉnh giả định): giảm nghèo 2022–2025', en: 'Núi Mây (a made-up province): poverty reduction 2022–2025' },
  plan: {
    name: { vi: 'Kế hoạch 45/KH-UBND', en: 'Plan 45/KH-UBND' },
    date: '2022-03-10',
    issuer: { vi: 'UBND tỉnh Núi Mây', en: "Núi Mây Provincial People's Committee" },
  },
  source_agency: { vi: 'Atlas giảm nghèo, bộ dữ liệu thử nghiệm', en: 'Poverty Atlas, test dataset' },
  licence: { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  years: YEARS,
  standards: [
    {
      id: 'national',
      name_vi: 'Chuẩn nghèo đa chiều quốc gia (Nghị định 07/2021/NĐ-CP)',
      name_en: 'National multidimensional poverty standard (Decree 07/2021/NĐ-CP)',
      legal_basis: '07/2021/NĐ-CP',
      years: YEARS,
      short_name_vi: 'chuẩn quốc gia',
      short_name_en: 'national standard',
    },
  ],
  disclosure_threshold: 5,
  tables: {
    units: generated(
      'Đơn vị giả định, do scripts/generate-illustrative.ts tạo',
      'Made-up units, generated by scripts/generate-illustrative.ts',
    ),
    poverty: generated(
      'Số liệu giả định do scripts/generate-illustrative.ts tạo',
      'Made-up figures generated by scripts/generate-illustrative.ts',
    ),
    villages: generated(
      'Thôn, bản giả định do scripts/generate-illustrative.ts tạo',
      'Made-up villages generated by scripts/generate-illustrative.ts',
    ),
    targets: generated(
      `${PLAN} của UBND tỉnh Núi Mây (văn bản giả định)`,
      `${PLAN_EN} of the Núi Mây Provincial People's Committee (a made-up document)`,
    ),
  },
  illustrative_note: {
    vi: 'Núi Mây là tỉnh giả định để kiểm thử: mọi đơn vị, con số và văn bản ở đây đều do máy tạo ra.',
    en: 'Núi Mây is a made-up province for testing: every unit, figure and document here is generated.',
  },
};
