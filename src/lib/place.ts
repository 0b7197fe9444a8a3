import { localized } from '../i18n/locales.ts';
import { t, type Locale } from '../i18n/t.ts';
import type { Manifest } from './manifest.ts';

/**
 * The dataset's province as a place in the reader's language: "tỉnh Quảng Ninh", "thành phố Huế";
 * "Quảng Ninh". Said on every figure that leaves the site (an embed, an image, a report), which
 * would otherwise name only units a reader elsewhere cannot place.
 */
export const provincePlace = (locale: Locale, province: Manifest['dataset']['province']): string =>
  t(locale, `province.place.${province.kind}`, { province: localized(province, 'name', locale) });

/**
 * A commune as a figure's title names it: with its district, as Vietnamese documents do ("Xã Tân
 * Lập, Huyện Đan Phượng"), since the same commune name recurs across a province's districts. A
 * unit with no district (a district itself, or a commune after 1 July 2025) is named alone.
 */
export const unitInDistrict = (unit: { unit_name: string; district_name?: string | null }, level: string): string =>
  level === 'commune' && unit.district_name ? `${unit.unit_name}, ${unit.district_name}` : unit.unit_name;

/** A text that starts a line or a sentence: its first letter in capitals ("tỉnh Quảng Ninh" → "Tỉnh Quảng Ninh"). */
export const startingLine = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
