import en from '../i18n/en.json' with { type: 'json' };
import vi from '../i18n/vi.json' with { type: 'json' };
import { type Locale, localized } from '../i18n/locales.ts';
import { fillTemplate } from '../i18n/template.ts';
import type { Manifest } from './manifest.ts';

type Province = Pick<Manifest['dataset']['province'], 'name_vi' | 'name_en' | 'kind'>;
// The messages read as JSON, not through the site's translator (a Vite module): the pipeline names
// the province in its workbooks too. A workbook is in both languages, as the two files are here.
const MESSAGES: Record<Locale, typeof vi> = { vi, en };

/**
 * The dataset's province as a place in the reader's language: "tỉnh Quảng Ninh", "thành phố Huế";
 * "Quảng Ninh". Said on every figure that leaves the site (an embed, an image, a report), which
 * would otherwise name only units a reader elsewhere cannot place.
 */
export const provincePlace = (locale: Locale, province: Province): string =>
  fillTemplate(MESSAGES[locale][`province.place.${province.kind}`], { province: localized(province, 'name', locale) });

/** provincePlace in both languages, as a workbook's source sheet gives it. */
export const provincePlaces = (province: Province) => ({
  vi: provincePlace('vi', province),
  en: provincePlace('en', province),
});

/**
 * A commune as a figure's title names it: with its district, as Vietnamese documents do ("Xã Tân
 * Lập, Huyện Đan Phượng"), since the same commune name recurs across a province's districts. A
 * unit with no district (a district itself, or a commune after 1 July 2025) is named alone.
 */
export const unitInDistrict = (unit: { unit_name: string; district_name?: string | null }, level: string): string =>
  level === 'commune' && unit.district_name ? `${unit.unit_name}, ${unit.district_name}` : unit.unit_name;

/** A text that starts a line or a sentence: its first letter in capitals ("tỉnh Quảng Ninh" → "Tỉnh Quảng Ninh"). */
export const startingLine = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
