import type { StandardPlan } from './poverty.ts';
import type { UnitInput } from './profiles.ts';
import type { VillagePlan } from './programme.ts';

export interface GeneratorProfile {
  seed: number;
  households: Record<number, number>;
  emShareByDistrict: Record<string, number>;
  defaultEmShare: number;
  standards: StandardPlan[];
  coverageStandard: (year: number) => string;
  villages?: VillagePlan;
  metadata?: Record<string, unknown>;
}

/**
 * Quảng Ninh. Totals marked [published] are real figures (data/quang-ninh/published_figures.csv);
 * the rest are assumptions chosen to be consistent with them and with Plan 228's targets.
 */
export const QUANG_NINH: GeneratorProfile = {
  seed: 228_2021,
  // ≈ 385 000 households in 2022–2023 is implied by 258 households = 0,067% [published].
  households: { 2021: 381_000, 2022: 385_000, 2023: 388_000, 2024: 391_000, 2025: 394_000 },
  // Bình Liêu, Ba Chẽ, Tiên Yên, Đầm Hà and Hải Hà are the province's ethnic-minority highland districts.
  emShareByDistrict: { '198': 0.93, '202': 0.75, '199': 0.55, '200': 0.35, '201': 0.28, '203': 0.12, '194': 0.1, '207': 0.05 },
  defaultEmShare: 0.04,
  standards: [
    {
      id: 'national',
      years: [2021, 2022, 2023, 2024, 2025],
      start: { poor: 930, near_poor: 4_400 },
      end: {
        2021: { poor: 658, near_poor: 3_400 }, // 258 + the plan's 400; 1.200 fewer near-poor planned for 2022
        2022: { poor: 258, near_poor: 2_150 }, // 258 poor [published]
        2023: { poor: 0, near_poor: 925 }, // no poor households, 925 near-poor [published]
        2024: { poor: 0, near_poor: 610 }, // no poor households [published]
        2025: { poor: 0, near_poor: 0 }, // at most the provincial figure, which is 0 [published]
      },
      pins: [
        { year: 2022, district_code: '198', poor: 11, near_poor: 82 }, // Bình Liêu [published]
        { year: 2021, district_code: '202', poor: 175 }, // Ba Chẽ: 160 fewer poor in 2022 [published]
        { year: 2022, district_code: '202', poor: 15 },
      ],
    },
    {
      id: 'provincial',
      years: [2023, 2024, 2025],
      start: { poor: 246, near_poor: 3_066 }, // start of 2023 [published]
      end: {
        2023: { poor: 81, near_poor: 1_924 }, // 165 poor and 1.142 near-poor fewer during 2023 [published]
        2024: { poor: 8, near_poor: 1_197 }, // start of 2025 [published]
        2025: { poor: 0, near_poor: 0 }, // [published]
      },
      pins: [],
    },
  ],
  coverageStandard: (year) => (year >= 2023 ? 'provincial' : 'national'),
  villages: {
    // 12 villages under Decision 612/QĐ-UBDT [published]; which communes they are in is not public.
    communes: ['06841', '06847', '06856', '06859', '06973', '06979', '06988', '06871', '06865', '06898', '06925', '06949'],
    exitYears: [2022, 2022, 2022, 2022, 2022, 2022, 2022, 2022, 2022, 2022, 2022, 2023],
    listedBy: 'Quyết định 612/QĐ-UBDT ngày 16/9/2021',
    years: [2021, 2022, 2023],
  },
};

/** A synthetic dataset `factor` times the size of Quảng Ninh's 177 communes, for benchmarks only. */
export function syntheticNational(factor: number): { profile: GeneratorProfile; units: UnitInput[] } {
  const communes = Math.round(177 * factor);
  const units: UnitInput[] = Array.from({ length: communes }, (_, i) => {
    const district = 100 + Math.floor(i / 15);
    return {
      unit_code: String(10_000 + i).padStart(5, '0'),
      unit_name: `Xã Tổng hợp ${i + 1}`,
      unit_type: i % 4 === 0 ? 'Phường' : 'Xã',
      district_code: String(district),
      district_name: `Huyện Tổng hợp ${district}`,
      district_type: 'Huyện',
      valid_from: '2020-01-01',
      valid_to: null,
      predecessor_codes: '',
    } as UnitInput & Record<string, unknown>;
  });
  const households = 2_150 * communes;
  const rates = [0.048, 0.0403, 0.0293, 0.019, 0.013];
  const years = [2021, 2022, 2023, 2024, 2025];
  const emShareByDistrict = Object.fromEntries(
    [...new Set(units.map((u) => u.district_code))].map((d, i) => [d, (i * 37) % 100 < 20 ? 0.7 : 0.08]),
  );
  return {
    units,
    profile: {
      seed: 2025,
      households: Object.fromEntries(years.map((y, i) => [y, Math.round(households * (1 + 0.01 * i))])),
      emShareByDistrict,
      defaultEmShare: 0.08,
      standards: [
        {
          id: 'national',
          years,
          pins: [],
          start: { poor: Math.round(households * 0.055), near_poor: Math.round(households * 0.04) },
          end: Object.fromEntries(
            years.map((y, i) => [
              y,
              {
                poor: Math.round(households * rates[i]),
                near_poor: Math.round(households * rates[i] * 0.87),
              },
            ]),
          ),
        },
      ],
      coverageStandard: () => 'national',
      metadata: {
        format_version: '1.0',
        dataset_id: `synthetic-${factor}x`,
        version: '0.0.0',
        released: '2026-11-29',
        province: { code: '00', name_vi: 'Tổng hợp', name_en: 'Synthetic' },
        title: { vi: 'Bộ dữ liệu tổng hợp để đo hiệu năng', en: 'Synthetic dataset for benchmarks' },
        source_agency: { vi: 'Sinh tự động', en: 'Generated' },
        licence: { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
        years,
        standards: [{ id: 'national', name_vi: 'Chuẩn quốc gia', name_en: 'National standard', legal_basis: '07/2021/NĐ-CP', years }],
        disclosure_threshold: 5,
        tables: Object.fromEntries(
          ['units', 'poverty', 'deprivation', 'coverage'].map((t) => [
            t,
            {
              illustrative: true,
              source: {
                vi: 'Sinh bởi scripts/generate-illustrative.ts --scale',
                en: 'Generated by scripts/generate-illustrative.ts --scale',
              },
              licence: { vi: 'CC0-1.0', en: 'CC0-1.0' },
            },
          ]),
        ),
        illustrative_note: { vi: 'Toàn bộ là số liệu tổng hợp.', en: 'Everything here is synthetic.' },
      },
    },
  };
}
