import type { NewsDocument, Sentence, Span } from '../../schema.js';
import { canonicalOutlet } from '../paragraphs/outlets.js';
import type { Quote, Speaker } from './types.js';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Spans that carry no speaker of the article: datelines and credits (`СИМФЕРОПОЛЬ, 8 авг — РИА
 * Новости.`, `Source: Sputnik`, a photo credit), from the `paragraphs` layer and the metadata.
 */
export function creditZones(doc: NewsDocument): Span[] {
  const out: Span[] = [];
  const m = doc.meta;
  if (m.dateline) out.push(m.dateline);
  for (const c of m.credits ?? []) out.push(c);
  for (const p of doc.paragraphs ?? []) {
    if (p.role === 'dateline' || p.role === 'credit') out.push(p);
    if (p.dateline) out.push(p.dateline);
    if (p.credit) out.push(p.credit);
  }
  return out.filter((z) => z.end <= doc.text.length && z.start < z.end);
}

/**
 * Sentences that start with a dateline start after it (and its dash), so that `Washington (CNN)
 * President Trump said` has its subject after the dateline. Indices and paragraphs are kept.
 */
export function sentencesAfterDatelines(
  text: string,
  sentences: readonly Sentence[],
  zones: Span[],
): Sentence[] {
  return sentences.map((s) => {
    const z = zones.find((d) => d.start <= s.start && d.end > s.start && d.end < s.end);
    if (!z) return s;
    const body = z.end + /^[\s\-–—:.]*/.exec(text.slice(z.end, s.end))![0].length;
    return { ...s, start: Math.min(body, s.end) };
  });
}

/** Words of `text` in `span` with their offsets. */
function wordsIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;
  const s = text.slice(span.start, span.end);
  for (let m = re.exec(s); m; m = re.exec(s))
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  return out;
}

const isCapWord = (text: string, w: Span) => /^\p{Lu}\p{Ll}/u.test(text.slice(w.start, w.end));

/**
 * `сказал РИА Новости Рогов`, `told Reuters Smith`: an outlet the speaker told is no part of the
 * speaker's name. Returns the span of the name after (or before) the outlet, or undefined.
 */
function nameBesideOutlet(text: string, phrase: Span): Span | undefined {
  const w = wordsIn(text, phrase);
  for (let k = Math.min(3, w.length - 1); k >= 1; k--) {
    if (
      canonicalOutlet(text.slice(w[0]!.start, w[k - 1]!.end)) &&
      w.slice(k).every((x) => isCapWord(text, x))
    )
      return { start: w[k]!.start, end: w.at(-1)!.end };
    const tail = w.length - k;
    if (
      canonicalOutlet(text.slice(w[tail]!.start, w.at(-1)!.end)) &&
      w.slice(0, tail).every((x) => isCapWord(text, x))
    )
      return { start: w[0]!.start, end: w[tail - 1]!.end };
  }
  return undefined;
}

/** `Рогов` = `Владимир Рогов`, `Рогова` = `Рогов`: a surname compared across Russian case endings. */
function sameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  const stem = (s: string) => s.toLowerCase().replace(/(ым|ом|ой|ого|ому|ему|а|у|е|ы|ю)$/u, '');
  return a.length > 3 && b.length > 3 && stem(a) === stem(b);
}

/** A speaker named by the words of `span`: a person, no role, linked again by the entities. */
function renamed(sp: Speaker, text: string, span: Span): void {
  sp.name = text.slice(span.start, span.end);
  sp.mention = span;
  sp.type = 'person';
  sp.role = undefined;
  sp.entity = undefined;
  delete sp.role;
  delete sp.entity;
}

/**
 * Keeps datelines and credits out of speakers, and resolves what they split apart:
 * - a speaker or source inside a dateline or credit is dropped, or trimmed to what follows it;
 * - an outlet the speaker talked to is cut from the name (`сказал РИА Новости Рогов` → Рогов);
 * - a surname alone takes the person named earlier with it (`Рогов` → Владимир Рогов);
 * - a single plural word with a plural verb (`Регионы объявили`, `Епископы призвали`) is a
 *   group, typed `organization`, not a person.
 */
export function separateCredits(quotes: Quote[], text: string, zones: readonly Span[], lang: string): void {
  for (const q of quotes) {
    if (q.source && zones.some((z) => overlaps(z, q.source!))) delete q.source;
    const sp = q.speaker;
    const m = sp?.mention;
    if (!sp || !m || !zones.some((z) => overlaps(z, m))) continue;
    const after = Math.max(...zones.filter((z) => overlaps(z, m)).map((z) => z.end));
    const rest = wordsIn(text, { start: Math.min(after, m.end), end: m.end });
    if (rest.length && isCapWord(text, rest[0]!))
      renamed(sp, text, { start: rest[0]!.start, end: rest.at(-1)!.end });
    else delete q.speaker;
  }
  const seen = new Set<Speaker>();
  const people: Speaker[] = [];
  for (const q of quotes) {
    const sp = q.speaker;
    if (!sp?.mention) continue;
    if (!seen.has(sp)) {
      seen.add(sp);
      const phrase = q.source && q.source.end === sp.mention.end ? q.source : sp.mention;
      const name = nameBesideOutlet(text, {
        start: Math.min(phrase.start, sp.mention.start),
        end: sp.mention.end,
      });
      if (name) renamed(sp, text, name);
      const plural = lang === 'ru' && q.cue && /(ли|ют|ят|ут|ат)$/u.test(text.slice(q.cue.start, q.cue.end));
      if (plural && sp.type === 'person' && !/\s/.test(sp.name) && /[ыи]$/u.test(sp.name))
        sp.type = 'organization';
    }
    if (sp.type !== 'person') continue;
    if (/\s/.test(sp.name.trim())) {
      if (!people.includes(sp)) people.push(sp);
      continue;
    }
    const full = people.find((p) => sameSurname(p.name.split(/\s+/).at(-1)!, sp.name));
    if (full) q.speaker = full;
  }
}
