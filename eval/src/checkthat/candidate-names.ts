// Names of US presidential and vice-presidential nominees (and the other candidates on the
// debate stages) 1960–2024: surnames, and the first names a debate calls them by.
const NAMES = [
  'Kennedy',
  'Nixon',
  'Johnson',
  'Goldwater',
  'Humphrey',
  'McGovern',
  'Ford',
  'Carter',
  'Reagan',
  'Mondale',
  'Bush',
  'Dukakis',
  'Clinton',
  'Perot',
  'Dole',
  'Gore',
  'Kerry',
  'McCain',
  'Obama',
  'Romney',
  'Trump',
  'Biden',
  'Harris',
  'Pence',
  'Kaine',
  'Palin',
  'Cheney',
  'Lieberman',
  'Kemp',
  'Quayle',
  'Bentsen',
  'Ferraro',
  'Stockdale',
  'Edwards',
  'Lodge',
  'Hillary',
  'Donald',
  'Barack',
  'Mitt',
  'Kamala',
  'Walz',
  'Vance',
];
const NAME = new RegExp(`\\b(?:${NAMES.join('|')})\\b`, 'g');

/**
 * The text with every candidate's name written as `Cand` (an experiment of `train claims
 * --set cand=1`, not used by the layers). Each debate names its own candidates, so a name's
 * weight is learnt in one period and unknown in the next (`Hillary` occurs 3 times before
 * 2016, `Trump` 8); written as one word, a sentence about the opponent carries what such
 * sentences carried in every period.
 */
export function candidatesAsOne(text: string): string {
  return text.replace(NAME, 'Cand');
}
