import type { Entity } from '../entities/entities.js';
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

/** The last word of a body's name (`… Tribunal`), which the lexicon may not type `government`. */
const BODY_HEAD = /\b(?:Commission|Council|Tribunal|Organi[sz]ation|Agency|Court|Fund|Union|Authority)$/u;

/** Lower-case words inside an English organisation's name. */
const NAME_GLUE = new Set('of for the and on in to de'.split(' '));

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
  // An English description that holds a body's name (`EU member's previous centrist government`,
  // `World Economic Forum-aligned Netherlands government`) is not the body: a name's words are
  // capitalised, but for its glue words (`Office of the High Commissioner`).
  const ws = name.split(/\s+/).filter(Boolean);
  if (ws.some((w) => /^\p{Ll}/u.test(w) && !NAME_GLUE.has(w)) && !/[а-яё]/i.test(name)) return false;
  if (INTERNATIONAL_NAME.test(name)) return true;
  if (e?.kind !== 'international') return false;
  const n = foldName(name);
  for (const x of surfaces(e)) if (n === x || n.startsWith(`${x} `)) return true;
  return false;
}

/**
 * Retypes the `government` speakers that are intergovernmental bodies `organization`, with the
 * entities (by id) they link to, and a `person` named as such a body (`International Criminal
 * Tribunal`).
 */
export function retypeIntergovernmental(
  speakers: Iterable<Speaker>,
  entities: readonly Entity[] | undefined,
): void {
  const byId = new Map((entities ?? []).map((e) => [e.id, e]));
  for (const sp of speakers)
    if (
      (sp.type === 'government' && intergovernmental(sp.name, sp.entity ? byId.get(sp.entity) : undefined)) ||
      // `International Criminal Tribunal`: a body the lexicon does not know by its head word.
      (sp.type === 'person' && BODY_HEAD.test(sp.name) && intergovernmental(sp.name, undefined))
    )
      sp.type = 'organization';
}
