import type { Span } from '../../schema.js';
import type { NamingTerm } from './build-terms.js';
import type { Pole } from './terms.js';

/** Counts of mentions by pole. */
export interface PoleCounts {
  ua: number;
  ru: number;
  neutral: number;
}

/** The article-level naming profile: entity spellings and terms together. */
export interface NamingProfile {
  /**
   * The outlet's own voice by pole: contested spellings and terms outside quotations. A term the
   * outlet keeps at a distance counts for the opposite pole (distancing from `СВО` is the
   * Ukrainian-aligned practice); a distanced neutral term counts as neutral.
   */
  poles: PoleCounts;
  /** Inside quotations: what the quoted sources say. */
  quoted: PoleCounts;
  /**
   * Distanced terms by the pole of the form kept at a distance, and entity names mentioned as
   * another side's names (`which Kiev calls Bakhmut`) by their pole. A mentioned name does not
   * count in `poles`: the outlet's own name for the place (`Artyomovsk (called Bakhmut by
   * Ukraine)`) is counted where it uses it.
   */
  distanced: PoleCounts;
  /** Outlet-voice mentions by provenance label. */
  provenances: Record<string, number>;
  /** Share of `ru` among `ua` + `ru` in `poles`; null when none. */
  ruShare: number | null;
  /** `ru`/`ua` when ≥ 80% of the polar outlet-voice mentions lean one way, `mixed`, `neutral` or `none`. */
  lean: 'ru' | 'ua' | 'mixed' | 'neutral' | 'none';
}

/** An entity-name mention with its pole and whether it sits in a quotation. */
export interface PolarMention extends Span {
  pole: Pole;
  provenance: string;
  quoted: boolean;
  /** Mentioned as a name (`what Ukrainians call Bakhmut`), not used: counted in `distanced` only. */
  distanced?: boolean;
}

const FLIP: Record<Pole, Pole> = { ru: 'ua', ua: 'ru', neutral: 'neutral' };
const zero = (): PoleCounts => ({ ua: 0, ru: 0, neutral: 0 });

/**
 * Builds the profile. An entity-name mention inside a term (`Kyiv regime` is both the entity's
 * contested name and a term) is counted once, as the term.
 */
export function buildProfile(names: readonly PolarMention[], terms: readonly NamingTerm[]): NamingProfile {
  // Most articles have neither.
  if (names.length === 0 && terms.length === 0)
    return { poles: zero(), quoted: zero(), distanced: zero(), provenances: {}, ruShare: null, lean: 'none' };
  const poles = zero();
  const quoted = zero();
  const distanced = zero();
  const provenances: Record<string, number> = {};
  const termSpans = terms.flatMap((t) => t.mentions);
  const outlet = (pole: Pole, provenance: string) => {
    poles[pole]++;
    provenances[provenance] = (provenances[provenance] ?? 0) + 1;
  };
  for (const n of names) {
    if (termSpans.some((s) => s.start < n.end && n.start < s.end)) continue;
    if (n.quoted) quoted[n.pole]++;
    else if (n.distanced) distanced[n.pole]++;
    else outlet(n.pole, n.provenance);
  }
  for (const t of terms) {
    for (let i = 0; i < t.count; i++) {
      if (t.voice === 'quoted') quoted[t.pole]++;
      else if (t.voice === 'outlet') outlet(t.pole, t.provenance);
      else {
        distanced[t.pole]++;
        poles[FLIP[t.pole]]++;
      }
    }
  }
  const polar = poles.ua + poles.ru;
  const ruShare = polar ? Math.round((poles.ru / polar) * 1000) / 1000 : null;
  const lean =
    ruShare === null
      ? poles.neutral
        ? 'neutral'
        : 'none'
      : ruShare >= 0.8
        ? 'ru'
        : ruShare <= 0.2
          ? 'ua'
          : 'mixed';
  return { poles, quoted, distanced, provenances, ruShare, lean };
}
