import type { Entity } from '../entities/entities.js';
import { lexiconFor } from '../quotes/lexicon.js';
import type { SpeakerType } from '../quotes/types.js';

/**
 * A capitalised English plural (`Traders`, `Democrats`, `Americans`); not a word in `-ss`, `-us`,
 * `-is` (`Gross`, `Jesus`, `Paradis`), which is no plural.
 */
const PLURAL = /^\p{Lu}\p{Ll}+[^siu'’]s$/u;

/** The English quotes lexicon's unnamed heads (`analysts`, `officials`, `critics`), lower-case. */
const en = lexiconFor('en');

/** What the entities say about a one-word English speaker name: the PER evidence there is for it. */
export interface PersonEvidence {
  /** The entity the speaker phrase links to, if any. */
  entity: Entity | undefined;
  /** Whether the name is a person entity's surface or the last word of one (`Sessions` beside `Jeff Sessions`). */
  personWord: boolean;
  /** Whether the shipped gazetteer knows the name as a person's surname (`Lavrov`). */
  knownSurname: boolean;
}

const unbacked = (ev: PersonEvidence) => ev.entity?.type !== 'PER' && !ev.personWord && !ev.knownSurname;

/**
 * The type of an English one-word `person` source that is a capitalised plural no person entity
 * stands behind (`Traders said`, `Democrats argue`: a sentence start capitalises a common noun,
 * and the entities layer found no person there): a group, not a person — `organization` when the
 * entities name the group (`Democrats`, MISC; `Marines`, ORG), else an unnamed plural typed as its
 * lower-case form is (`anonymous` for the lexicon's unnamed heads, `Analysts`; `unknown` for other
 * nouns, `Traders`). Undefined when the rule does not apply.
 */
export function pluralGroupType(name: string, ev: PersonEvidence): SpeakerType | undefined {
  if (!PLURAL.test(name) || !unbacked(ev)) return undefined;
  if (ev.entity) return 'organization';
  const lower = name.toLowerCase();
  return en.anonymous.has(lower) || en.roles.has(lower) ? 'anonymous' : 'unknown';
}

/**
 * Whether an English one-word `person` name is a capitalised common word after `the` (`The
 * Latest on …`, AP's running story label; `the Curate`, a description): a person's name takes no
 * article, and no person entity of the article backs it (the English tagger's ORG for an unknown
 * capitalised word proves nothing). `before` is the text before the name's first mention.
 * Organisations and outlets after `the` are typed by the lexicons before this.
 */
export function articleNoun(name: string, before: string, ev: PersonEvidence): boolean {
  return !/\s/.test(name) && unbacked(ev) && /(?:^|[\s(“"])[Tt]he\s+$/.test(before);
}
