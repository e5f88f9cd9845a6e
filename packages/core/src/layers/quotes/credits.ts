import type { NewsDocument, Sentence, Span } from '../../schema.js';
import type { KnownNames } from '../paragraphs/outlets.js';
import type { Quote, Speaker } from './types.js';

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

/** Capitalised words that name no one: articles and possessives. */
const NOT_NAMES = /^(?:The|A|An)$|['’]s?$/u;

const isCapWord = (text: string, w: Span) => /^\p{Lu}\p{Ll}/u.test(text.slice(w.start, w.end));

/**
 * `сказал РИА Новости Рогов`, `told Reuters Smith`: an outlet the speaker told is no part of the
 * speaker's name. Returns the span of the name after (or before) the outlet, or undefined.
 */
function nameBesideOutlet(text: string, phrase: Span, known: KnownNames): Span | undefined {
  const w = wordsIn(text, phrase);
  // `The Kyiv Independent`, `Britain’s The Telegraph`: an article or a possessive is no name.
  const nameWord = (x: Span) => isCapWord(text, x) && !NOT_NAMES.test(text.slice(x.start, x.end));
  for (let k = Math.min(3, w.length - 1); k >= 1; k--) {
    if (known.outlet(text.slice(w[0]!.start, w[k - 1]!.end)) && w.slice(k).every(nameWord))
      return { start: w[k]!.start, end: w.at(-1)!.end };
    const tail = w.length - k;
    if (known.outlet(text.slice(w[tail]!.start, w.at(-1)!.end)) && w.slice(0, tail).every(nameWord))
      return { start: w[0]!.start, end: w[tail - 1]!.end };
  }
  return undefined;
}

const surnameStem = (s: string) => s.toLowerCase().replace(/(ым|ом|ой|ого|ому|ему|а|у|е|ы|ю)$/u, '');

/**
 * People named in full so far, found by surname: `Рогов` = `Владимир Рогов`, `Рогова` = `Рогов`
 * (a surname compared across Russian case endings; both longer than three letters). Keyed
 * maps, so a long document does not compare every surname with every person before it.
 */
class People {
  private readonly all = new Set<Speaker>();
  /** The first person by their last word, and by its stem (last words longer than 3). */
  private readonly bySurname = new Map<string, number>();
  private readonly byStem = new Map<string, number>();
  private readonly list: Speaker[] = [];

  add(sp: Speaker): void {
    if (this.all.has(sp)) return;
    this.all.add(sp);
    const last = sp.name.split(/\s+/).at(-1)!;
    const i = this.list.push(sp) - 1;
    if (!this.bySurname.has(last)) this.bySurname.set(last, i);
    if (last.length > 3 && !this.byStem.has(surnameStem(last))) this.byStem.set(surnameStem(last), i);
  }

  /** The first person added whose surname is `name`. */
  find(name: string): Speaker | undefined {
    const exact = this.bySurname.get(name) ?? Number.POSITIVE_INFINITY;
    const stem =
      name.length > 3
        ? (this.byStem.get(surnameStem(name)) ?? Number.POSITIVE_INFINITY)
        : Number.POSITIVE_INFINITY;
    return this.list[Math.min(exact, stem)];
  }
}

/**
 * Zones sorted by start with the running maximum of their ends: which zones overlap a span, in
 * O(log n) (a scan of every zone per quote was quadratic in document length).
 */
class ZoneIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];

  constructor(zones: readonly Span[]) {
    const sorted = [...zones].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((z) => z.start);
    let m = Number.NEGATIVE_INFINITY;
    this.maxEnd = sorted.map((z) => (m = Math.max(m, z.end)));
  }

  /** The largest end of a zone overlapping `span`, or undefined when none does. */
  endOver(span: Span): number | undefined {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < span.end) lo = mid + 1;
      else hi = mid;
    }
    const end = lo > 0 ? this.maxEnd[lo - 1]! : Number.NEGATIVE_INFINITY;
    return end > span.start ? end : undefined;
  }
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
export function separateCredits(
  quotes: Quote[],
  text: string,
  zones: readonly Span[],
  lang: string,
  known: KnownNames,
): void {
  const index = new ZoneIndex(zones);
  for (const q of quotes) {
    if (q.source && index.endOver(q.source) !== undefined) delete q.source;
    const sp = q.speaker;
    const m = sp?.mention;
    const after = m && index.endOver(m);
    if (!sp || !m || after === undefined) continue;
    const rest = wordsIn(text, { start: Math.min(after, m.end), end: m.end });
    if (rest.length && isCapWord(text, rest[0]!))
      renamed(sp, text, { start: rest[0]!.start, end: rest.at(-1)!.end });
    else delete q.speaker;
  }
  const seen = new Set<Speaker>();
  const people = new People();
  for (const q of quotes) {
    const sp = q.speaker;
    if (!sp?.mention) continue;
    if (!seen.has(sp)) {
      seen.add(sp);
      const phrase = q.source && q.source.end === sp.mention.end ? q.source : sp.mention;
      const name = nameBesideOutlet(
        text,
        {
          start: Math.min(phrase.start, sp.mention.start),
          end: sp.mention.end,
        },
        known,
      );
      if (name) renamed(sp, text, name);
      const plural = lang === 'ru' && q.cue && /(ли|ют|ят|ут|ат)$/u.test(text.slice(q.cue.start, q.cue.end));
      if (plural && sp.type === 'person' && !/\s/.test(sp.name) && /[ыи]$/u.test(sp.name))
        sp.type = 'organization';
    }
    if (sp.type !== 'person') continue;
    if (/\s/.test(sp.name.trim())) {
      people.add(sp);
      continue;
    }
    const full = people.find(sp.name);
    if (full) q.speaker = full;
  }
}
