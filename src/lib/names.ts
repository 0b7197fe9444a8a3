/** Vietnamese text without its tone and vowel marks, đ as d ("Quảng Ninh" → "Quang Ninh"). */
export const stripDiacritics = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (d) => (d === 'đ' ? 'd' : 'D'));

/**
 * A key for matching place names across sources: no diacritics, đ as d, no "city"/"province"
 * prefix or suffix, letters and digits only. "Thừa Thiên Huế" and "Thua Thien-Hue" give the same key,
 * as do "Ho Chi Minh city" and "Thành phố Hồ Chí Minh".
 */
export function foldName(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .trim()
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .replace(/\s+(city|province)$/, '')
    .replace(/[^a-z0-9]/g, '');
}
