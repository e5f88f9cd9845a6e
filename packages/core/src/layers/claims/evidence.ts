import type { Span } from '../../schema.js';

// Figures: money, percentages, numbers with scale words or units, plain numbers (not years,
// which are dates). Kept language-light: symbols and digits are universal, scale words are
// English and Russian.
//
// Not the digits of a name (`G20`, `MH17`, `F-16`, `Су-27`, `COVID-19`, a URL's hash): a
// number that follows a letter, a letter and a hyphen, or another digit's run is no figure; nor
// the digits of a site's name (`5-tv.ru`; a name's label is at most 63 characters, and the
// look-ahead stops there: unbounded, a long run like `1-1-1-…` took quadratic time). In 202 articles of the project's data sets the first
// rule took 106 of 1,315 matches, nearly all names of aircraft, summits, flights and diseases.
const NUMBER =
  /(?<![\p{L}\p{N}]|\p{L}-)(?!\d[\p{L}\p{N}-]{0,62}\.\p{L}{2})(?:[$€£₽]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|млн|млрд|тыс\.?|процент\p{L}*|миллиард\p{L}*|миллион\p{L}*|триллион\p{L}*|тысяч\p{L}*)(?:\s(?:dollars|euros|pounds|rubles|долларов|евро|рублей|гривен))?)?/giu;
const NUMBER_TAIL =
  /^(?:-(?:kilometer|kilometre|mile|meter|metre|year|day|week|month|hour)s?(?:-long|-old)?|\s?(?:km|kilometers|kilometres|miles|tons|tonnes|troops|people|soldiers|dollars|euros|rubles|км|человек|рублей|долларов))/iu;
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const DATE = new RegExp(
  `(?:\\d{1,2}(?:st|nd|rd|th)?\\s(?:${MONTHS})(?:,?\\s\\d{4})?|(?:${MONTHS})\\s\\d{1,2}(?:st|nd|rd|th)?(?:,\\s\\d{4})?|(?:in|since|by|until|of|from|в|с|до)\\s(?:${MONTHS})|\\b(?:19|20)\\d\\d\\b|\\b(?:on\\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:yesterday|today|tomorrow|this week|last week|next week|this month|last month|last year|next year|this year|earlier this week|recent days|recent months)\\b|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`,
  'giu',
);
// Every alternative of DATE but two needs one of these words (same flags, so the same
// matches); a text without any can only hold the all-digit dates, found by DIGIT_DATE, whose
// two alternatives keep DATE's order (so DATE's matches, at a third of the cost).
const DATE_KEY = new RegExp(
  `${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|this week|last week|next week|this month|last month|last year|next year|this year|earlier this week|recent days|recent months`,
  'iu',
);
const DIGIT_DATE = /(?:\b(?:19|20)\d\d\b|\d{1,2}[./]\d{1,2}[./]\d{2,4})/giu;
// DATE's three alternatives without a digit, in its order (same flags): in a text without a
// digit no other alternative can match, so this finds DATE's matches there.
const WORD_DATE = new RegExp(
  `(?:(?:in|since|by|until|of|from|в|с|до)\\s(?:${MONTHS})|\\b(?:on\\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:yesterday|today|tomorrow|this week|last week|next week|this month|last month|last year|next year|this year|earlier this week|recent days|recent months)\\b)`,
  'giu',
);
// A run of capitalised words (with inner `of`, `de`, `-`) that does not start the clause:
// a cheap stand-in for named entities until an entity layer exists.
const CAPS =
  /(?<=[\p{L}\p{N},;:()“"«'’] )(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:\s(?:of|the|de|von|al|and)\s(?=\p{Lu}))?\s?)+/gu;

/** The figures, dates and entity-like names a claim rests on, as spans into the document text. */
export interface Evidence {
  numbers: Span[];
  dates: Span[];
  entities: Span[];
}

const overlaps = (a: Span, list: readonly Span[]) => list.some((b) => a.start < b.end && b.start < a.end);

// Words without one of which (or a digit) the costly date pattern cannot match. `may` is left
// out: as a modal verb it is far more common than the month without a day number.
const DATE_WORDS = new Set(
  (
    'january february march april june july august september october november december jan feb aug sep sept ' +
    'oct nov dec monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow week month ' +
    'year days months января февраля марта апреля мая июня июля августа сентября октября ноября декабря'
  ).split(' '),
);

/**
 * Finds numbers, dates and names in `text.slice(start, end)`. `words` are the span's feature
 * words (`sentenceWords`), used to skip patterns that cannot match; `mentions` are the entity
 * mentions of the document (the `entities` layer, sorted by start), which stand for names when
 * given — else capitalised runs of words do.
 */
export function findEvidence(
  text: string,
  start: number,
  end: number,
  words?: readonly string[],
  mentions?: readonly Span[],
): Evidence {
  const s = text.slice(start, end);
  const dates: Span[] = [];
  const numbers: Span[] = [];
  const digits = /\d/.test(s);
  if (digits || !words || words.some((w) => DATE_WORDS.has(w)))
    for (const m of s.matchAll(digits ? (DATE_KEY.test(s) ? DATE : DIGIT_DATE) : WORD_DATE))
      dates.push({ start: start + m.index!, end: start + m.index! + m[0].length });
  if (digits)
    for (const m of s.matchAll(NUMBER)) {
      let e = m.index! + m[0].replace(/[\s,.]+$/, '').length;
      const tail = NUMBER_TAIL.exec(s.slice(e));
      if (tail) e += tail[0].length;
      const span = { start: start + m.index!, end: start + e };
      if (!overlaps(span, dates)) numbers.push(span);
    }
  if (mentions) {
    // Mentions are in text order: find the first that starts in the span, stop past its end.
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mentions[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const entities: Span[] = [];
    for (let i = lo; i < mentions.length && mentions[i]!.start <= end; i++) {
      const m = mentions[i]!;
      if (m.end <= end && !overlaps(m, dates)) entities.push({ start: m.start, end: m.end });
    }
    return { numbers, dates, entities };
  }
  const entities: Span[] = [];
  for (const m of s.matchAll(CAPS)) {
    const surface = m[0].replace(/[\s.'’-]+$/, '');
    if (surface.length < 2) continue;
    const span = { start: start + m.index!, end: start + m.index! + surface.length };
    if (!overlaps(span, dates)) entities.push(span);
  }
  return { numbers, dates, entities };
}
