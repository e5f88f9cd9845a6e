/**
 * A naming term is shown by its form (`DPR`, `accession`, `Ukrainian forces`): the word the term
 * file lists for the concept, which the text may never write (`Donetsk People’s Republic`,
 * `joined Russia`, `Ukrainian troops`). A reader looking for the term in the article needs the
 * words that are there.
 */
interface Spanned {
  start: number;
  end: number;
}

/**
 * Whether two word lists are the same words but for their endings: a declined Russian form
 * (`конфликта на Украине` for `конфликт на Украине`, `киевских властей` for `киевские власти`)
 * is the form written, not other words. A pair of Cyrillic words shares all but the last two
 * letters of the shorter and all but the last three of the longer, and at least three letters
 * (`Туркмения` and `Туркменистан` are two words); other words only add a plural `-s`/`-es`
 * (`Kiev regimes`), since an English suffix makes another word (`annexation`, `annexed`).
 */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((w, i) => {
    const v = b[i]!;
    if (w === v) return true;
    if (!/^[\u0400-\u04ff]+$/u.test(w) || !/^[\u0400-\u04ff]+$/u.test(v)) {
      const [short, long] = w.length < v.length ? [w, v] : [v, w];
      return long === `${short}s` || long === `${short}es`;
    }
    let n = 0;
    while (n < w.length && w[n] === v[n]) n++;
    return n >= 3 && n >= Math.min(w.length, v.length) - 2 && n >= Math.max(w.length, v.length) - 3;
  });
}

/**
 * The text's words for a term's mentions that differ from its form (letter case, spacing
 * and endings aside: a declined form is the form), each once, most written first (on a tie, the first in the text), with its count:
 * `[{words: 'Donetsk People’s Republic', count: 1}]`. Empty when the text writes the form.
 */
export function termWords(
  form: string,
  mentions: readonly Spanned[],
  text: string,
): { words: string; count: number }[] {
  const key = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
  const own = key(form).split(' ');
  const counts = new Map<string, { words: string; count: number }>();
  for (const m of mentions) {
    const words = text.slice(m.start, m.end).replace(/\s+/gu, ' ').trim();
    const k = key(words);
    if (!words || sameWords(k.split(' '), own)) continue;
    const seen = counts.get(k);
    if (seen) seen.count++;
    else counts.set(k, { words, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

/**
 * The note a reader sees after a term's concept and pole: `; written “Donetsk People’s
 * Republic”` (the first three, `×N` after a form written more than once: `times` is the CLI's
 * `×` or the web's `× `), or `''` when the text writes the form.
 */
export function termWritten(
  t: { form: string; mentions?: readonly Spanned[] },
  text: string | undefined,
  times = '×',
): string {
  const all = text && t.mentions ? termWords(t.form, t.mentions, text) : [];
  if (all.length === 0) return '';
  const shown = all.slice(0, 3).map((w) => `“${w.words}”${w.count > 1 ? ` ${times}${w.count}` : ''}`);
  return `; written ${shown.join(', ')}${all.length > 3 ? ', …' : ''}`;
}

/**
 * The note after a contested name's provenance saying which of its mentions are not the
 * outlet's own choice, so that the counts add up to the profile (which counts the outlet's own
 * words): `; 1 inside a term, 2 in quotations, 1 named as another side's name`, or `''` when
 * every mention is the outlet's. A mention inside one of the article's terms (`на Украине` in
 * `конфликт на Украине`, `Kyiv` in `Kyiv regime`) counts once, as the term, whatever its voice;
 * the quoted (`rule: 'quotation'`) and distanced (`rule: 'mention'`) ones are the rest, each
 * judged on its own span as the profile judges it. Documents stored before naming@23 mark no
 * quoted mention: their quoted ones inside a term are guessed from the term's voice. Documents
 * stored before the counts existed have none.
 */
export function variantVoices(
  v: { quoted?: number; distanced?: number; mentions?: readonly (Spanned & { rule?: string })[] },
  terms: readonly { voice: string; mentions?: readonly Spanned[] }[] = [],
): string {
  const within = (m: Spanned, s: Spanned) => s.start < m.end && m.start < s.end;
  const mentions = v.mentions ?? [];
  // Whether each quoted mention says so (naming@23 on), or only the count does.
  const marked = mentions.some((m) => m.rule === 'quotation');
  let inTerm = 0;
  let quotedInTerm = 0;
  let distancedInTerm = 0;
  for (const m of mentions) {
    const t = terms.find((t) => t.mentions?.some((s) => within(m, s)));
    if (!t) continue;
    inTerm++;
    if (m.rule === 'mention') distancedInTerm++;
    else if (m.rule === 'quotation' || (!marked && t.voice === 'quoted')) quotedInTerm++;
  }
  const quoted = Math.max(0, (v.quoted ?? 0) - quotedInTerm);
  const distanced = Math.max(0, (v.distanced ?? 0) - distancedInTerm);
  const parts: string[] = [];
  if (inTerm) parts.push(`${inTerm} inside ${inTerm === 1 ? 'a term' : 'terms'}`);
  if (quoted) parts.push(`${quoted} in ${quoted === 1 ? 'a quotation' : 'quotations'}`);
  if (distanced) parts.push(`${distanced} named as another side's name`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}
