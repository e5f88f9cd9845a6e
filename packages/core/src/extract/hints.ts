import { classId, type El } from './dom.js';
import data from './hints.json' with { type: 'json' };

const re = (src: string) => new RegExp(src, 'i');

/** Class/id of boilerplate containers (comments, share bars, related links, ads). */
export const UNLIKELY = re(data.unlikely);
/** Class/id words that rescue an element matching {@link UNLIKELY} (`article-comments` is not). */
export const MAYBE = re(data.maybe);
const NEGATIVE = re(data.negative);
const POSITIVE = re(data.positive);
const UNLIKELY_ROLES = new RegExp(`^(${data.unlikelyRoles})$`, 'i');
/** Whole lines that are page furniture: "Advertisement", "Read more", "© 2024 …". */
export const BOILER_TEXT = re(data.boilerText);

const DATE_WORDS = new RegExp(data.dateWords, 'giu');

/** True for a short line that is only a date and time ("Nov. 18th 2019 12:12 pm PT"). */
export function isDateLine(text: string): boolean {
  // A year or a clock time must be there: a bare "42" is not a timestamp.
  if (text.length > 60 || !/\d{4}|\d:\d\d/.test(text)) return false;
  return !/\p{L}/u.test(text.replace(/(\d)(st|nd|rd|th)\b/gi, '$1').replace(DATE_WORDS, ''));
}

/** A heading that introduces other stories ("More Great Stories", "Читайте также"). */
export const RELATED_HEADING = re(data.relatedHeading);

/** Tags whose whole subtree is page furniture, never article body. */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figure', 'figcaption', 'menu']);

/** Readability's class weight: +25 for a positive class or id hint, −25 for a negative one. */
export function classWeight(el: El): number {
  let w = 0;
  for (const v of [el.attrs.class, el.attrs.id]) {
    if (!v) continue;
    if (NEGATIVE.test(v)) w -= 25;
    if (POSITIVE.test(v)) w += 25;
  }
  return w;
}

/** True for containers that read as boilerplate by their class, id or ARIA role. */
export function isUnlikely(el: El): boolean {
  const role = el.attrs.role;
  if (role && UNLIKELY_ROLES.test(role)) return true;
  if (el.tag === 'body' || el.tag === 'a' || el.tag === 'html' || el.tag === 'main' || el.tag === 'article')
    return false;
  const ci = classId(el);
  return ci !== '' && UNLIKELY.test(ci) && !MAYBE.test(ci);
}
