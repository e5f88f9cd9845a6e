const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/**
 * A consonant skeleton of a name for matching it across scripts and spellings: Cyrillic
 * transliterated, digraphs folded, vowels dropped, doubled letters joined — `Пригожина`
 * (stemmed `пригожин`) and `Prigozhin` both give `prgzn`, `Zelenskyy` and `Зеленский` `zlnsk`.
 * Expects a lower-case stem; returns '' for a word with fewer than three consonants.
 */
export function nameSkeleton(stem: string): string {
  let s = '';
  for (const ch of stem) s += CYR_TO_LAT[ch] ?? ch;
  s = s
    .replace(/shch|sch/g, 's')
    .replace(/kh|ch|ck|q/g, 'k')
    .replace(/zh|ts|tz/g, 'z')
    .replace(/sh/g, 's')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/[aeiouyhj'’]/g, '')
    .replace(/(.)\1+/g, '$1');
  return s.length >= 3 ? s : '';
}
