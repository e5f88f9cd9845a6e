/**
 * A lemmatiser learned from a treebank: an edit script (`L3:y` = lower-case, cut 3 characters,
 * append `y`) chosen by the longest known suffix of the word under its part of speech, and the
 * words of the training data whose lemma the rules get wrong, kept whole.
 */
export interface LemmaRules {
  /** Longest suffix considered. */
  maxSuffix: number;
  /** `UPOS \t suffix` → edit script; only where the script differs from the shorter suffix's. */
  rules: Record<string, string>;
  /** `UPOS \t lower-cased form` → lemma, for training words the rules get wrong. */
  exceptions: Record<string, string>;
}

/** Applies an edit script to a form. */
export function applyScript(form: string, script: string): string {
  const colon = script.indexOf(':');
  const base = script[0] === 'L' ? form.toLowerCase() : form;
  const cut = Number(script.slice(1, colon));
  if (cut > base.length) return form;
  return base.slice(0, base.length - cut) + script.slice(colon + 1);
}

/**
 * The shortest edit script turning `form` into `lemma`, from the form as written (`K`) or
 * lower-cased (`L`); lower-casing wins a tie, so lower-case words share their scripts with
 * capitalised ones.
 */
export function editScript(form: string, lemma: string): string {
  const make = (flag: string, base: string) => {
    let p = 0;
    while (p < base.length && p < lemma.length && base[p] === lemma[p]) p++;
    return {
      script: `${flag}${base.length - p}:${lemma.slice(p)}`,
      cost: base.length - p + lemma.length - p,
    };
  };
  const l = make('L', form.toLowerCase());
  const k = make('K', form);
  return k.cost < l.cost ? k.script : l.script;
}

/** Lemmatises with learned rules; a word no rule covers keeps its form. */
export class Lemmatizer {
  private readonly rules: Map<string, string>;
  private readonly exceptions: Map<string, string>;
  private readonly maxSuffix: number;

  constructor(r: LemmaRules) {
    this.rules = new Map(Object.entries(r.rules));
    this.exceptions = new Map(Object.entries(r.exceptions));
    this.maxSuffix = r.maxSuffix;
  }

  /** The lemma of `form` read as part of speech `upos` (not memoised: `SyntaxRunner` keeps them per form). */
  lemma(form: string, upos: string): string {
    const lower = form.toLowerCase();
    return this.exceptions.get(`${upos}\t${lower}`) ?? applyScript(form, this.script(lower, upos));
  }

  /** The script of the longest suffix (shorter than the word) with a rule under `upos`. */
  script(lower: string, upos: string): string {
    for (let k = Math.min(this.maxSuffix, lower.length - 1); k >= 0; k--) {
      const s = this.rules.get(`${upos}\t${lower.slice(lower.length - k)}`);
      if (s !== undefined) return s;
    }
    return 'L0:';
  }
}
