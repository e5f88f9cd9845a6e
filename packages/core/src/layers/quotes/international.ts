import type { Entity } from '../entities/entities.js';
import { isAbbreviation } from '../entities/gazetteer.js';
import curated from '../entities/gazetteer.json' with { type: 'json' };
import type { Speaker } from './types.js';

/** Lower-cased, `ё` as `е` (the regex only when there is an `ё`: most names have none). */
export const foldName = (w: string): string => {
  const l = w.toLowerCase();
  return l.includes('ё') ? l.replace(/ё/g, 'е') : l;
};

/** The surfaces an entity is written with in the document (folded), for comparing with a speaker's name. */
export function surfacesOf(e: Entity): Set<string> {
  const out = new Set([foldName(e.name), ...e.aliases.map(foldName)]);
  for (const m of e.mentions) if (m.text) out.add(foldName(m.text));
  return out;
}

/**
 * A name that opens with an international body's word (`World Food Programme`, `UN Human Rights
 * Office`, `Международное энергетическое агентство`, `ООН`), or one of the intergovernmental
 * bodies named `International …` (`International Energy Agency`, `International Whaling
 * Commission`; not the US `International Trade Commission`, a national body).
 */
const INTERNATIONAL_NAME = new RegExp(
  '^(?:World|Intergovernmental|UN|U\\.N\\.|United Nations|Международн\\p{L}*|Всемирн\\p{L}*|ООН)(?:\\s|$)|' +
    '^International (?:Monetary Fund|Criminal Court|Court of Justice|Telecommunication Union|' +
    'Seabed Authority|Fund for Agricultural Development)\\b|' +
    // `International Energy Agency`, `International Whaling Commission`, `International Criminal
    // Tribunal for the former Yugoslavia`, `International Commission for the Conservation of
    // Atlantic Tunas`, `International Organization for Migration`: up to three capitalised words
    // and a body's head; the US `International Trade Commission` is national.
    '^International (?!Trade\\b)(?:\\p{Lu}\\p{L}*\\s+){0,3}(?:Commission|Council|Tribunal|Organi[sz]ation|Agency)\\b',
  'u',
);

/** A Russian word without its inflexion (`Еврокомиссии`, `Еврокомиссия` → `еврокомисс`); other words as they are. */
const stemRu = (w: string): string =>
  /[а-я]/.test(w)
    ? w.replace(
        /(?:ого|его|ому|ему|ой|ей|ий|ый|ая|яя|ое|ее|ие|ые|ую|юю|ию|ии|ия|ью|ом|ем|ам|ям|ах|ях|[аяыиеуюоьй])$/,
        '',
      )
    : w;

/**
 * A name folded and stemmed word by word, for comparing inflected forms; abbreviations whole
 * (stemmed, `МУС` and `НАТО` would be the first names `Муса` and `Ната`).
 */
const stemName = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (isAbbreviation(w) ? foldName(w) : stemRu(foldName(w))))
    .join(' ');

/**
 * The names of the shipped gazetteer's intergovernmental bodies (kind `international`: `European
 * Commission`, `Еврокомиссия`, `Евросоюз`), stemmed: a speaker is typed by them whether or not
 * the `entities` layer ran.
 */
const SHIPPED_BODIES: ReadonlySet<string> = new Set(
  (curated.entries as { kind?: string; name: string; en?: string[]; ru?: string[] }[])
    .filter((x) => x.kind === 'international')
    .flatMap((x) => [x.name, ...(x.en ?? []), ...(x.ru ?? [])])
    .map(stemName),
);

/**
 * Whether a name is, or opens with (`whole`: is), a name of a shipped intergovernmental body (any
 * case form).
 */
function shippedBody(name: string, whole = false): boolean {
  const ws = stemName(name).split(' ');
  if (whole) return SHIPPED_BODIES.has(ws.join(' '));
  for (let k = ws.length; k >= 1; k--) if (SHIPPED_BODIES.has(ws.slice(0, k).join(' '))) return true;
  return false;
}

/** The last word of a body's name (`… Tribunal`), which the lexicon may not type `government`. */
const BODY_HEAD = /\b(?:Commission|Council|Tribunal|Organi[sz]ation|Agency|Court|Fund|Union|Authority)$/u;

/** Lower-case words inside an English organisation's name. */
const NAME_GLUE = new Set('of for the and on in to de'.split(' '));

/**
 * Whether a name is a name, not an English description that holds one (`EU member's previous
 * centrist government`, `World Economic Forum-aligned Netherlands government`): a name's words are
 * capitalised, but for its glue words (`Office of the High Commissioner`). Russian names pass.
 */
function nameOnly(name: string): boolean {
  if (/[а-яё]/i.test(name)) return true;
  return !name.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !NAME_GLUE.has(w));
}

/**
 * Whether a source the quotes lexicon typed `government` for its head word (`Agency`, `Commission`,
 * `Council`, `Court`) is an intergovernmental body, an `organization` as `NATO` and the `IMF` are:
 * a name of {@link INTERNATIONAL_NAME}, or one that opens with a surface (of `surfaces`, folded) of
 * its linked entity of the gazetteer's kind `international` (`European Commission`,
 * `Еврокомиссия`, `UN Security Council`). Both the quotes and the sources layers type by it.
 */
export function intergovernmental(
  name: string,
  e: Entity | undefined,
  surfaces: (e: Entity) => ReadonlySet<string> = surfacesOf,
): boolean {
  if (!nameOnly(name)) return false;
  if (INTERNATIONAL_NAME.test(name) || shippedBody(name)) return true;
  if (e?.kind !== 'international') return false;
  const n = foldName(name);
  for (const x of surfaces(e)) if (n === x || n.startsWith(`${x} `)) return true;
  return false;
}

/**
 * Retypes the `government` speakers that are intergovernmental bodies `organization`, and a
 * `person` named as such a body (`International Criminal Tribunal`), by their names alone (the
 * patterns and the shipped gazetteer's bodies): the type does not depend on whether the
 * `entities` layer ran.
 */
export function retypeIntergovernmental(speakers: Iterable<Speaker>): void {
  for (const sp of speakers)
    if (
      (sp.type === 'government' && intergovernmental(sp.name, undefined)) ||
      // `International Criminal Tribunal`: a body the lexicon does not know by its head word.
      (sp.type === 'person' && BODY_HEAD.test(sp.name) && intergovernmental(sp.name, undefined)) ||
      // `Европейская комиссия`: a shipped body's name the lexicon does not type — the whole name
      // (a person's name may open with a body's word: `Ната Кузнецова`, `Муса Мусаев`).
      ((sp.type === 'person' || sp.type === 'unknown') && nameOnly(sp.name) && shippedBody(sp.name, true))
    )
      sp.type = 'organization';
}
