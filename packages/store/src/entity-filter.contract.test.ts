import { expect, it } from 'vitest';
import { eachBackend, useStore } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Two short articles whose entities the analysis linked to the gazetteer (hand-made layers):
// the filter takes any name the gazetteer knows an entity by, not only its stored name or id.
const at = (text: string, word: string) => ({
  start: text.indexOf(word),
  end: text.indexOf(word) + word.length,
});
const doc = (id: string, text: string, entities: [string, string, string, string][]) =>
  handDoc(
    id,
    text,
    { lang: id },
    {
      entities: entities.map(([gid, type, name, word]) => ({
        id: gid,
        type,
        name,
        mentions: [at(text, word)],
        aliases: [],
      })),
    },
  );
const DOCS = [
  doc('en', 'Talks in Kiev\n\nZelensky met envoys in Kiev.', [
    ['kyiv', 'LOC', 'Kyiv', 'Kiev'],
    ['volodymyr-zelensky', 'PER', 'Volodymyr Zelenskyy', 'Zelensky'],
  ]),
  doc('ru', 'Переговоры в Киеве\n\nВ Киеве прошли переговоры.', [['kyiv', 'LOC', 'Kyiv', 'Киеве']]),
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

eachBackend('the entity filter', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(DOCS));

  it.each([
    ['Kyiv', ['en', 'ru']],
    ['kyiv', ['en', 'ru']],
    ['Kiev', ['en', 'ru']],
    ['Киев', ['en', 'ru']],
    ['Zelensky', ['en']],
    ['Зеленский', ['en']],
    ['Moscow', []],
  ])('--entity %s selects %j', async (entity, expected) => {
    expect(ids(await store.search({ entity: [entity], limit: 50 }))).toEqual(expected);
  });
});
