/**
 * A key for matching place names across sources: no diacritics, đ as d, no "city"/"province"
 * prefix or suffix, letters and digits only. "Thừa Thiên Huế" and "Thua Thien-Hue" give the same key,
 * as do "Ho Chi Minh city" and "Thành phố Hồ Chí Minh".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .replace(/\s+(city|province)$/, '')
    .replace(/[^a-z0-9]/g, '');
}
