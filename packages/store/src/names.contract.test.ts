import { expect, it } from 'vitest';
import { expandNames } from './query/names.js';
import { parseQuery } from './query/parse.js';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Short articles written for this test: the same town under three names, and one about
// something else.
/** A short article: its title, then its body. */
const article = (id: string, title: string, body: string, outlet: string, day: string, lang: string) =>
  handDoc(id, `${title}\n\n${body}`, { title, outlet, published: `2023-03-${day}`, lang }, {});

const DOCS = [
  article(
    'ua',
    'Shelling near Bakhmut',
    'Artillery hit the outskirts of Bakhmut overnight, local officials said.',
    'Alpha',
    '01',
    'en',
  ),
  article(
    'ru-en',
    'Assault on Artyomovsk',
    'Forces advanced in Artyomovsk, the defence ministry said.',
    'Beta',
    '02',
    'en',
  ),
  article('ru', 'Бои за Бахмут', 'В Бахмуте продолжаются бои, сообщили военные.', 'Gamma', '03', 'ru'),
  article(
    'other',
    'Grain prices fall',
    'Wheat prices fell on Monday as exports resumed.',
    'Alpha',
    '04',
    'en',
  ),
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

it('expands a name to its entity, keeps the rest of the query', () => {
  const { node, expansions } = expandNames(parseQuery('Bakhmut AND prices* NOT grain'));
  expect(expansions.map((e) => [e.matched, e.entity])).toEqual([['Bakhmut', 'bakhmut']]);
  expect(expansions[0]!.names).toEqual(expect.arrayContaining(['Artyomovsk', 'Бахмут', 'Артёмовск']));
  expect(node.kind).toBe('and');
  const kids = (node as { children: { kind: string }[] }).children.map((c) => c.kind);
  expect(kids).toEqual(['or', 'prefix', 'not']);
  // Plain words that make a name together are expanded together; other words are left alone.
  const chasiv = expandNames(parseQuery('Chasiv Yar shelling'));
  expect(chasiv.expansions.map((e) => e.entity)).toEqual(['chasiv-yar']);
  expect(expandNames(parseQuery('wheat')).expansions).toEqual([]);
  // A person's surname alone is one of the person's names.
  const peskov = expandNames(parseQuery('Песков')).expansions;
  expect(peskov.map((e) => e.entity)).toEqual(['dmitry-peskov']);
  expect(peskov[0]!.names).toContain('Peskov');
});

eachBackend('search across all names of an entity', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(DOCS));

  it('is literal by default', async () => {
    const r = await store.search({ query: 'Bakhmut' });
    expect(ids(r)).toEqual(['ua']);
    expect(r.expansions).toBeUndefined();
  });

  it.each([
    ['Bakhmut', ['ru', 'ru-en', 'ua']],
    ['Артемовск', ['ru', 'ru-en', 'ua']],
    ['Bakhmut NOT Artyomovsk', ['ru', 'ua']],
    ['Bakhmut AND officials', ['ua']],
    ['Bakhmut OR wheat', ['other', 'ru', 'ru-en', 'ua']],
    ['"Бахмуте" ministry', ['ru-en']],
    ['Bakh*', ['ua']],
    ['wheat', ['other']],
  ])('with allNames, %s finds %j', async (query, expected) => {
    expect(ids(await store.search({ query, allNames: true }))).toEqual(expected);
  });

  it('keeps filters, says what it expanded, and highlights the name found', async () => {
    const r = await store.search({ query: 'Bakhmut', allNames: true, outlet: ['Beta'] });
    expect(ids(r)).toEqual(['ru-en']);
    expect(r.expansions!.map((e) => e.entity)).toEqual(['bakhmut']);
    const s = r.hits[0]!.snippets[0]!;
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toContain('Artyomovsk');
    const ru = await store.search({ query: 'Bakhmut', allNames: true, lang: ['ru'] });
    const t = ru.hits[0]!.snippets[0]!;
    expect(t.highlights.map((h) => t.text.slice(h.start, h.end))).toContain('Бахмуте');
    expect((await store.search({ query: 'wheat', allNames: true })).expansions).toEqual([]);
  });
});

// Short articles written for this test: a name's first word also begins another name, and a
// phrase's first word stands elsewhere on its own.
const NAMED = [
  article(
    'talks',
    'Talks',
    'Владимир Путин не ответил. Владимир Зеленский заявил, что Зеленский готов к переговорам.',
    'Gamma',
    '05',
    'ru',
  ),
  article('paper', 'Paper', 'A white paper reached the White House on Monday.', 'Alpha', '06', 'en'),
];

eachBackend('phrase-aware highlights', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(NAMED));
  const marked = async (query: string, allNames: boolean) =>
    (await store.search({ query, allNames })).hits.flatMap((h) =>
      h.snippets.flatMap((s) => s.highlights.map((x) => s.text.slice(x.start, x.end))),
    );

  it('marks a phrase where its words follow one another, as one highlight', async () => {
    expect(await marked('"White House"', false)).toEqual(['White House']);
    expect(await marked('white "White House"', false)).toEqual(['white', 'White House']);
    // Zelensky's names hold "Владимир Зеленский": not the Владимир of Путин's name.
    expect(await marked('Zelensky', true)).toEqual(['Владимир Зеленский', 'Зеленский']);
  });
});

it('takes a short or function word for a name only as typed with its capitals', () => {
  const entities = (q: string) => expandNames(parseQuery(q, { typed: true })).expansions.map((e) => e.entity);
  expect(entities('US')).toEqual(['united-states']);
  expect(entities('us')).toEqual([]);
  expect(entities('Us')).toEqual([]);
  expect(entities('EU')).toEqual(['european-union']);
  expect(entities('eu')).toEqual([]);
  expect(entities('Xi')).toEqual(['xi-jinping']);
  expect(entities('xi')).toEqual([]);
  expect(entities('Того')).toEqual(['togo']);
  expect(entities('того')).toEqual([]);
  // Three letters and more, not a function word: any case.
  expect(entities('bakhmut')).toEqual(['bakhmut']);
  expect(entities('nato')).toEqual(['nato']);
  // Without the words as typed, a short word is taken as typed in lower case.
  expect(expandNames(parseQuery('US')).expansions).toEqual([]);
  // A name that is a function word is searched only when typed: not for the entity's other names.
  const states = expandNames(parseQuery('"United States"', { typed: true })).expansions[0]!;
  expect(states.names).toContain('USA');
  expect(states.names).not.toContain('US');
  expect(expandNames(parseQuery('US', { typed: true })).expansions[0]!.names).toContain('US');
  expect(expandNames(parseQuery('Togo', { typed: true })).expansions[0]!.names).toEqual(['Togo']);
});

// Short articles written for this test: the pronoun *us*, the US, the United States; Russian
// *того* and the country Того.
const COMMON = [
  article('pron', 'A letter', 'Tell us what you think of the new bridge.', 'Alpha', '07', 'en'),
  article('us', 'Sanctions', 'The US imposed new sanctions on Monday.', 'Alpha', '08', 'en'),
  article('states', 'Trade', 'The United States and Canada signed a deal.', 'Beta', '09', 'en'),
  article('ru-to', 'Рынок', 'После того как дождь прошёл, рынок открылся.', 'Gamma', '10', 'ru'),
  article('togo', 'Visit', "Togo's president visited Paris.", 'Beta', '11', 'en'),
];

eachBackend('all names of a word that is also a common word', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(COMMON));
  const found = async (query: string) => {
    const r = await store.search({ query, allNames: true });
    return [ids(r), r.expansions!.map((e) => e.entity)];
  };

  it.each([
    // Lower case: the word, literal (the index is case-folded, so `us` finds the US too).
    ['us', ['pron', 'us'], []],
    ['того', ['ru-to'], []],
    // In capitals: the name and every other name of its entity.
    ['US', ['pron', 'states', 'us'], ['united-states']],
    ['Того', ['ru-to', 'togo'], ['togo']],
    // Another name of the entity never searches the function word.
    ['"United States"', ['states'], ['united-states']],
    ['Togo', ['togo'], ['togo']],
  ])('%s finds %j', async (query, docs, entities) => {
    expect(await found(query)).toEqual([docs, entities]);
  });
});
