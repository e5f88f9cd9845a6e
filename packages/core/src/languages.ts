/**
 * The language codes newsprism knows: ISO 639-1, those the language layer's detector (ELD,
 * 60 languages) can give, and `und` (undetermined). A filter or a declared `lang` outside them
 * names no language newsprism can tell, so it selects nothing or must be detected.
 */
// biome-ignore format: sixty codes, fifteen a line
export const LANGUAGE_CODES: readonly string[] = [
  'am', 'ar', 'az', 'be', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu',
  'fa', 'fi', 'fr', 'gu', 'he', 'hi', 'hr', 'hu', 'hy', 'is', 'it', 'ja', 'ka', 'kn', 'ko',
  'ku', 'lo', 'lt', 'lv', 'ml', 'mr', 'ms', 'nl', 'no', 'or', 'pa', 'pl', 'pt', 'ro', 'ru',
  'sk', 'sl', 'sq', 'sr', 'sv', 'ta', 'te', 'th', 'tl', 'tr', 'uk', 'ur', 'vi', 'yo', 'zh',
  'und',
];

/**
 * The language code of `value` (`EN`, ` ru ` → `en`, `ru`; a region is dropped: `en-GB` →
 * `en`), or undefined when it names no language newsprism knows (`klingon`).
 */
export function languageCode(value: string): string | undefined {
  const code = value.trim().toLowerCase().split(/[-_]/)[0]!;
  return LANGUAGE_CODES.includes(code) ? code : undefined;
}
