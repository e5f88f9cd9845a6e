// Russian declension for the variant generator (`variants.test.ts`): every case and number of
// an adjective + noun phrase, made by the regular paradigms of the words' classes (read from the
// lemma's ending) rather than listed by hand, so a phrase of the test is checked in all twelve
// forms and its adjectives agree with the noun. `variants.test.ts` also reads every generated
// form back through the Russian syntax model's lemmatiser: a form the project's own morphology
// does not take to the lemma is a fault of this table, not of the terms.

/** Nominative, genitive, dative, accusative, instrumental, prepositional. */
export const CASES = ['nom', 'gen', 'dat', 'acc', 'ins', 'loc'] as const;

type Gender = 'm' | 'f' | 'n';

/** A noun's declension: its stem and endings, singular then plural, in {@link CASES} order. */
interface NounClass {
  gender: Gender;
  stem: string;
  sg: string[];
  pl: string[];
}

const VELAR_OR_SIBILANT = /[кгхжшчщ]$/;

/** The paradigm of a noun from its lemma (`операция`, `вторжение`, `война`, `режим`). */
function nounClass(lemma: string, animate: boolean): NounClass {
  if (lemma.endsWith('ия'))
    return {
      gender: 'f',
      stem: lemma.slice(0, -2),
      sg: ['ия', 'ии', 'ии', 'ию', 'ией', 'ии'],
      pl: ['ии', 'ий', 'иям', animate ? 'ий' : 'ии', 'иями', 'иях'],
    };
  if (lemma.endsWith('ие'))
    return {
      gender: 'n',
      stem: lemma.slice(0, -2),
      sg: ['ие', 'ия', 'ию', 'ие', 'ием', 'ии'],
      pl: ['ия', 'ий', 'иям', 'ия', 'иями', 'иях'],
    };
  if (lemma.endsWith('а')) {
    const stem = lemma.slice(0, -1);
    const y = VELAR_OR_SIBILANT.test(stem) ? 'и' : 'ы';
    return {
      gender: 'f',
      stem,
      sg: ['а', y, 'е', 'у', 'ой', 'е'],
      pl: [y, '', 'ам', animate ? '' : y, 'ами', 'ах'],
    };
  }
  const y = VELAR_OR_SIBILANT.test(lemma) ? 'и' : 'ы';
  return {
    gender: 'm',
    stem: lemma,
    sg: ['', 'а', 'у', animate ? 'а' : '', 'ом', 'е'],
    pl: [y, 'ов', 'ам', animate ? 'ов' : y, 'ами', 'ах'],
  };
}

/** Adjective endings by gender and plural, in {@link CASES} order (accusative: inanimate, animate). */
function adjectiveEndings(velar: boolean): Record<Gender | 'pl', string[][]> {
  const i = velar ? 'и' : 'ы';
  return {
    m: [[`${i}й`], ['ого'], ['ому'], [`${i}й`, 'ого'], [`${i}м`], ['ом']],
    f: [['ая'], ['ой'], ['ой'], ['ую'], ['ой'], ['ой']],
    n: [['ое'], ['ого'], ['ому'], ['ое'], [`${i}м`], ['ом']],
    pl: [[`${i}е`], [`${i}х`], [`${i}м`], [`${i}е`, `${i}х`], [`${i}ми`], [`${i}х`]],
  };
}

/** A word of a phrase: `[lemma]` declines (`[lemma:A]` as an adjective, `[lemma:N*]` an animate noun). */
interface Slot {
  word: string;
  kind?: 'A' | 'N';
  animate?: boolean;
}

function slots(phrase: string): Slot[] {
  return phrase.split(' ').map((w) => {
    const m = /^\[(.+?)(?::(A|N)(\*)?)?\]$/.exec(w);
    if (!m) return { word: w };
    const kind = (m[2] as 'A' | 'N' | undefined) ?? (/(?:ый|ий|ой)$/.test(m[1]!) ? 'A' : 'N');
    return { word: m[1]!, kind, animate: m[3] === '*' };
  });
}

/** One generated form of a phrase and the grammatical cell it fills (`ins pl`). */
export interface Declined {
  text: string;
  cell: string;
  /** The declined words with their lemma and part of speech, for the lemmatiser check. */
  words: { form: string; lemma: string; upos: 'NOUN' | 'ADJ' }[];
}

/**
 * Every case × number of `phrase`, where bracketed words decline and the rest stay as written
 * (`[специальный] [военный] [операция]`, `[режим] Зеленского`, `[неонацист:N*]`). Adjectives
 * agree with the phrase's first declining noun; `singularOnly` leaves out the plural (names).
 */
export function declinePhrase(phrase: string, singularOnly = false): Declined[] {
  const ws = slots(phrase);
  const head = ws.find((w) => w.kind === 'N');
  if (!head) throw new Error(`no declining noun in ${phrase}`);
  const noun = nounClass(head.word, head.animate === true);
  const out: Declined[] = [];
  for (const number of singularOnly ? ['sg'] : ['sg', 'pl']) {
    CASES.forEach((c, ci) => {
      // The accusative of an adjective takes the genitive ending with an animate noun.
      const pick = (options: string[]) => options[options.length > 1 && head.animate ? 1 : 0]!;
      const words: Declined['words'] = [];
      const text = ws
        .map((w) => {
          if (!w.kind) return w.word;
          let form: string;
          if (w.kind === 'N') {
            const k = nounClass(w.word, w.animate === true);
            form = k.stem + (number === 'sg' ? k.sg : k.pl)[ci]!;
          } else {
            const stem = w.word.slice(0, -2);
            const table = adjectiveEndings(VELAR_OR_SIBILANT.test(stem));
            // A stressed ending (`золотой`, `боевой`) is `-ой` where the others have `-ый`/`-ий`.
            const nomM = number === 'sg' && noun.gender === 'm' && (ci === 0 || (ci === 3 && !head.animate));
            form =
              stem +
              (nomM && w.word.endsWith('ой') ? 'ой' : pick(table[number === 'sg' ? noun.gender : 'pl'][ci]!));
          }
          words.push({ form, lemma: w.word, upos: w.kind === 'N' ? 'NOUN' : 'ADJ' });
          return form;
        })
        .join(' ');
      out.push({ text, cell: `${c} ${number}`, words });
    });
  }
  return out;
}
