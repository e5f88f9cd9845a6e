/** What a document's `published` says of its calendar place: its day and month, when it says them. */
export interface PublishedDate {
  /** `YYYY-MM-DD` when `published` starts with a calendar day (a time may follow, as ISO 8601 has it). */
  day: string | null;
  /** `YYYY-MM` when `published` starts with a calendar day or is a month alone (`2023-05`). */
  month: string | null;
}

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?!\d))?/;

/**
 * Reads a document's `published` the one way the reader and the store share: `2023-05-22T10:00Z`
 * → day `2023-05-22`, month `2023-05`; `2023-05` → month only; a year alone (`2023`) or anything
 * else (`last tuesday`, an RSS date) → neither. Days and months off the calendar (`2023-02-30`,
 * `2023-13`) are read as nothing, not as a neighbour.
 *
 * @example readPublished('2023-05') // { day: null, month: '2023-05' }
 */
export function readPublished(published: string | null | undefined): PublishedDate {
  const none = { day: null, month: null };
  if (!published) return none;
  const s = published.trim();
  const m = DATE.exec(s);
  if (!m) return none;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return none;
  const month = `${m[1]}-${m[2]}`;
  if (m[3] === undefined) return s.length === 7 ? { day: null, month } : none;
  const d = Number(m[3]);
  if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return none;
  return { day: `${month}-${m[3]}`, month };
}
