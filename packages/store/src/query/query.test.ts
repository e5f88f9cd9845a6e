import { describe, expect, it } from 'vitest';
import { toFts5, toTsquery } from './compile.js';
import { parseQuery, positiveStems, stemAlternatives } from './parse.js';

// Words are stemmed as the index stems them (stem.ts): `sanctions` → `sanction`, `Украины` →
// `украин`, `peace` → `peac`, `house` → `hous`, `talks` → `talk`.
describe('parseQuery, compiled for SQLite FTS5 and PostgreSQL', () => {
  it.each([
    ['war', '"war"', "'war'"],
    ['Sanctions', '"sanction"', "'sanction'"],
    ['Украины', '"украин"', "'украин'"],
    ['sanction*', '"sanction" *', "'sanction':*"],
    ['"White House"', '"white hous"', "('white' <-> 'hous')"],
    ['"war"', '"war"', "'war'"],
    ['e-mail', '"e mail"', "('e' <-> 'mail')"],
    ['war peace', '("war" AND "peac")', "('war' & 'peac')"],
    ['war AND peace', '("war" AND "peac")', "('war' & 'peac')"],
    ['war OR peace', '("war" OR "peac")', "('war' | 'peac')"],
    ['war OR peace OR oil', '("war" OR "peac" OR "oil")', "('war' | 'peac' | 'oil')"],
    ['war peace OR oil', '(("war" AND "peac") OR "oil")', "(('war' & 'peac') | 'oil')"],
    ['war (peace OR oil)', '("war" AND ("peac" OR "oil"))', "('war' & ('peac' | 'oil'))"],
    ['((war))', '"war"', "'war'"],
    ['war NOT oil', '("war" NOT "oil")', "('war' & !'oil')"],
    ['war NOT oil NOT gas', '("war" NOT "oil" NOT "gas")', "('war' & !'oil' & !'gas')"],
    ['NOT oil war', '("war" NOT "oil")', "(!'oil' & 'war')"],
    [
      '"White House" AND sanction* NOT oil',
      '("white hous" AND "sanction" * NOT "oil")',
      "(('white' <-> 'hous') & 'sanction':* & !'oil')",
    ],
    ['talks OR (war NOT oil)', '("talk" OR ("war" NOT "oil"))', "('talk' | ('war' & !'oil'))"],
    // A double negative is the term itself, on both backends.
    ['war NOT (NOT oil)', '("war" AND "oil")', "('war' & 'oil')"],
  ])('%s → %s | %s', (query, fts, ts) => {
    const node = parseQuery(query);
    expect([toFts5(node), toTsquery(node)]).toEqual([fts, ts]);
  });

  it('gives the tree itself', () => {
    expect(parseQuery('war "White House" NOT oil* OR peace')).toEqual({
      kind: 'or',
      children: [
        {
          kind: 'and',
          children: [
            { kind: 'term', stem: 'war' },
            { kind: 'phrase', stems: ['white', 'hous'] },
            { kind: 'not', child: { kind: 'prefix', stem: 'oil' } },
          ],
        },
        { kind: 'term', stem: 'peac' },
      ],
    });
  });

  it.each([
    ['', 'the query is empty; give words to search for'],
    ['   ', 'the query is empty; give words to search for'],
    ['"war', 'unclosed quote " at column 1 of ""war"; close the quote after the phrase, or remove it'],
    [
      'peace "war',
      'unclosed quote " at column 7 of "peace "war"; close the quote after the phrase, or remove it',
    ],
    ['(war', 'unclosed ( at column 1 of "(war"; add a ) after its terms, or remove it'],
    [
      'war (peace OR oil',
      'unclosed ( at column 5 of "war (peace OR oil"; add a ) after its terms, or remove it',
    ],
    ['war)', 'unexpected ) at column 4 of "war)"; remove it, or open it with a ( before'],
    ['war AND', 'a term is missing at column 8 of "war AND"; put a term after AND, or remove it'],
    ['war OR', 'a term is missing at column 7 of "war OR"; put a term after OR, or remove it'],
    ['(', 'a term is missing at column 2 of "("; put a term after ('],
    ['war NOT', 'a term is missing at column 8 of "war NOT"; put a term after NOT, or remove it'],
    [
      'OR war',
      'unexpected OR at column 1 of "OR war"; put a term before OR (e.g. war OR peace), or remove it',
    ],
    [
      'war AND AND peace',
      'unexpected AND at column 9 of "war AND AND peace"; remove one of the two operators, or put a term between them',
    ],
    ['()', 'unexpected ) at column 2 of "()"; put a term between ( and )'],
    [
      'war ""',
      'the phrase has no words at column 5 of "war """; put words between the quotes, or remove them',
    ],
    ['war --', '"--" has no letters or digits at column 5 of "war --"; remove it (only words are searched)'],
    // A lone * (everything) names itself, not an empty word, and says how to list everything.
    [
      '*',
      '"*" needs the start of a word before it at column 1 of "*"; write it after one (украин*), or give no query: the filters alone list the documents',
    ],
    ['war -*', '"-*" has no letters or digits at column 5 of "war -*"; remove it (only words are searched)'],
    [
      'e-mail*',
      'a prefix* must be one word at column 1 of "e-mail*"; quote a phrase with a hyphen ("e-mail"), or put * after one word',
    ],
    ['NOT oil', 'NOT needs a term to exclude from in "NOT oil" (e.g. sanctions NOT oil)'],
    ['NOT oil NOT gas', 'NOT needs a term to exclude from in "NOT oil NOT gas" (e.g. sanctions NOT oil)'],
    ['war OR NOT oil', 'NOT needs a term to exclude from in "war OR NOT oil" (e.g. sanctions NOT oil)'],
    [
      'war (NOT oil OR NOT gas)',
      'NOT needs a term to exclude from in "war (NOT oil OR NOT gas)" (e.g. sanctions NOT oil)',
    ],
  ])('refuses %j: %s', (query, message) => {
    expect(() => parseQuery(query)).toThrow(expect.objectContaining({ code: 'E_BAD_QUERY', message }));
  });

  it('accepts NOT inside a group that has a positive term', () => {
    expect(toFts5(parseQuery('peace (war NOT oil)'))).toBe('("peac" AND ("war" NOT "oil"))');
    expect(toFts5(parseQuery('(war NOT oil) OR peace'))).toBe('(("war" NOT "oil") OR "peac")');
  });
});

describe('positiveStems', () => {
  it('collects the terms, phrases and prefixes outside NOT', () => {
    const got = positiveStems(
      parseQuery('Sanctions "White House" (oil* OR gas) NOT talks NOT (war*) NOT "Red Square"'),
    );
    expect([[...got.stems], got.prefixes, got.phrases]).toEqual([
      ['sanction', 'gas'],
      ['oil'],
      [['white', 'hous']],
    ]);
    const one = positiveStems(parseQuery('peac'));
    expect([[...one.stems], one.prefixes, one.phrases]).toEqual([['peac'], [], []]);
  });
});

describe('stemAlternatives: the stems of a Russian word Snowball reads apart', () => {
  it.each([
    ['режим', ['реж', 'режим']],
    ['режима', ['режим', 'реж']],
    ['героя', ['геро', 'гер']],
    ['Украины', ['украин']],
    ['киевский', ['киевск']],
    ['дом', ['дом']],
    ['regime', ['regim']],
    // A derivational suffix the stemmer cuts twice is another word: no second stem.
    ['сообщение', ['сообщен']],
    ['годовой', ['годов']],
    ['работать', ['работа']],
    ['статуя', ['стату']],
  ])('%s → %j', (word, stems) => {
    expect(stemAlternatives(word)).toEqual(stems);
  });

  it("searches a phrase by each combination of its words' stems", () => {
    expect(toFts5(parseQuery('"киевский режим"'))).toBe('("киевск реж" OR "киевск режим")');
  });
});
