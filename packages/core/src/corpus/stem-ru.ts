// The Snowball Russian stemmer (Porter's algorithm as published on snowballstem.org), written
// out for comparing documents: the entities layer's light stemmer keeps names intact and leaves
// verbs and many noun forms apart (`наступление` / `наступления`), which a translation lexicon
// and a similarity measure need joined.

const VOWELS = 'аеиоуыэюя';
const byLength = (list: string) => list.split(' ').sort((a, b) => b.length - a.length);
const GERUND_1 = byLength('в вши вшись');
const GERUND_2 = byLength('ив ивши ившись ыв ывши ывшись');
const REFLEXIVE = byLength('ся сь');
const ADJECTIVE = byLength(
  'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею',
);
const PARTICIPLE_1 = byLength('ем нн вш ющ щ');
const PARTICIPLE_2 = byLength('ивш ывш ующ');
const VERB_1 = byLength('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно');
const VERB_2 = byLength(
  'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю',
);
const NOUN = byLength(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я',
);

/** Length of the longest ending of `list` that `word` has within [from, end), else 0. */
function ending(word: string, from: number, list: readonly string[], afterAYa = false): number {
  for (const e of list) {
    if (word.length - e.length < from || !word.endsWith(e)) continue;
    if (afterAYa) {
      const before = word[word.length - e.length - 1];
      if (before !== 'а' && before !== 'я') continue;
    }
    return e.length;
  }
  return 0;
}

const either = (word: string, rv: number, one: readonly string[], two: readonly string[]) =>
  Math.max(ending(word, rv, one, true), ending(word, rv, two));

/** Start of the region after the first vowel followed by a non-vowel, from `from`. */
function region(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++)
    if (!VOWELS.includes(word[i]!) && VOWELS.includes(word[i - 1]!)) return i + 1;
  return word.length;
}

/** The Snowball stem of a lower-case Russian word (`ё` already folded to `е`). */
export function stemRussian(word: string): string {
  let rv = 0;
  while (rv < word.length && !VOWELS.includes(word[rv]!)) rv++;
  rv = Math.min(rv + 1, word.length);
  const r2 = region(word, region(word, 0) - 1);
  let w = word;
  const cut = (n: number) => {
    w = w.slice(0, w.length - n);
  };
  const gerund = either(w, rv, GERUND_1, GERUND_2);
  if (gerund) cut(gerund);
  else {
    cut(ending(w, rv, REFLEXIVE));
    const adj = ending(w, rv, ADJECTIVE);
    if (adj) {
      cut(adj);
      cut(either(w, rv, PARTICIPLE_1, PARTICIPLE_2));
    } else {
      const verb = either(w, rv, VERB_1, VERB_2);
      if (verb) cut(verb);
      else cut(ending(w, rv, NOUN));
    }
  }
  if (w.length > rv && w.endsWith('и')) cut(1);
  if (w.length - 4 >= r2 && w.endsWith('ость')) cut(4);
  else if (w.length - 3 >= r2 && w.endsWith('ост')) cut(3);
  if (w.length > rv && w.endsWith('нн')) cut(1);
  else if (w.length - 4 >= rv && w.endsWith('ейше')) {
    cut(4);
    if (w.endsWith('нн')) cut(1);
  } else if (w.length - 3 >= rv && w.endsWith('ейш')) {
    cut(3);
    if (w.endsWith('нн')) cut(1);
  } else if (w.length > rv && w.endsWith('ь')) cut(1);
  return w;
}
