const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  мая: 5,
  май: 5,
  мае: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12,
};

const EN_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Russian month stems and the case endings they take (`декабр|ь|я|е|ём`, `март|а|е`, `ма|й|я|е`).
const RU_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const RU_ENDINGS = /^(?:ь|я|е|ём|ем|ю|а|ом|й)?$/;

/**
 * The month (1–12) a word names: a month name or its abbreviation of three letters or more
 * (`Dec`, `Sept`, `December`, `дек`, `февр`), or a Russian month in any case (`декабря`, `мае`).
 * Other words that begin like a month (`Mayor`, `Marching`, `декабрист`) name none.
 */
export const monthOf = (w: string): number | undefined => {
  const lower = w.toLowerCase().replace(/ё/g, 'е');
  const m = MONTHS[lower.slice(0, 3)];
  if (m === undefined) return undefined;
  if (EN_NAMES[m - 1]!.startsWith(lower) || lower === 'sept') return m;
  const stem = RU_STEMS[m - 1]!;
  if (stem.startsWith(lower)) return m;
  if (!lower.startsWith(stem)) return undefined;
  const ending = lower.slice(stem.length);
  if (stem === 'ма')
    return ending === 'й' || ending === 'я' || ending === 'е' || ending === 'ем' ? m : undefined;
  return RU_ENDINGS.test(ending) ? m : undefined;
};
const month = monthOf;
const iso = (y: number, m: number, d: number): string | undefined =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2100
    ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    : undefined;

/**
 * Reads a date as news datelines write it — `22nd May, 2023`, `May 22, 2023`, `22 мая 2023`,
 * `2023-05-22`, `22.05.2023` — and returns `YYYY-MM-DD`, or undefined when there is no full date.
 */
export function parseNewsDate(s: string): string | undefined {
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})/u.exec(s);
  if (m && month(m[2]!)) return iso(+m[3]!, month(m[2]!)!, +m[1]!);
  m = /(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u.exec(s);
  if (m && month(m[1]!)) return iso(+m[3]!, month(m[1]!)!, +m[2]!);
  return undefined;
}

/** A day and month read from a dateline, with the year when it is written. */
export interface MonthDay {
  month: number;
  day: number;
  year?: number;
}

/**
 * Reads a day and month as datelines write them, with or without a year: `8 авг`, `21 июн`,
 * `12 июня`, `Jan 5`, `February 8, 2018`, `22nd May, 2023`. Undefined when there is none.
 */
export function parseMonthDay(s: string): MonthDay | undefined {
  let m = /(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}{3,})\.?(?:,?\s+(\d{4}))?/u.exec(s);
  if (m && month(m[2]!)) return withYear(month(m[2]!)!, +m[1]!, m[3]);
  m = /(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?/u.exec(s);
  if (m && month(m[1]!)) return withYear(month(m[1]!)!, +m[2]!, m[3]);
  return undefined;
}

function withYear(month: number, day: number, year: string | undefined): MonthDay | undefined {
  if (day < 1 || day > 31) return undefined;
  return year ? { month, day, year: +year } : { month, day };
}

const DAY_MS = 86_400_000;

/**
 * The ISO date of a dateline date: `YYYY-MM-DD` when its year is written or can be taken from
 * the document's own date (`docDate`, ISO; the year that puts the dateline nearest to it, so a
 * `31 Dec` dateline on a paper of `2023-01-02` is 2022), else `--MM-DD` (ISO 8601's date without
 * a year). Undefined when `s` holds no day and month.
 */
export function datelineDate(s: string, docDate?: string): string | undefined {
  const md = parseMonthDay(s);
  if (!md) return undefined;
  const mm = String(md.month).padStart(2, '0');
  const dd = String(md.day).padStart(2, '0');
  if (md.year !== undefined) return iso(md.year, md.month, md.day);
  const doc = docDate && /^(\d{4})-(\d{2})-(\d{2})/.exec(docDate);
  if (!doc) return `--${mm}-${dd}`;
  const docTime = Date.UTC(+doc[1]!, +doc[2]! - 1, +doc[3]!);
  let best: number | undefined;
  for (const y of [+doc[1]! - 1, +doc[1]!, +doc[1]! + 1]) {
    const t = Date.UTC(y, md.month - 1, md.day);
    if (
      best === undefined ||
      Math.abs(t - docTime) < Math.abs(Date.UTC(best, md.month - 1, md.day) - docTime)
    )
      best = y;
  }
  // A dateline more than half a year from the document's date is no evidence of its year.
  if (Math.abs(Date.UTC(best!, md.month - 1, md.day) - docTime) > 183 * DAY_MS) return `--${mm}-${dd}`;
  return iso(best!, md.month, md.day);
}
