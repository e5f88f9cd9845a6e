import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from './store.js';
import type { TestDb } from './testing/backends.js';
import { eachBackend } from './testing/contract.js';
import { handDoc } from './testing/small-corpus.js';

// Snowball's Russian stemmer reads a noun's -им as an adjective's ending: режим → реж, but
// режима, режиму, режимом → режим. A user types the dictionary form and must find the others.
const DOCS = [
  handDoc('nom', 'Киевский режим\n\nКиевский режим отказался.', { lang: 'ru' }),
  handDoc('gen', 'Глава режима\n\nГлава киевского режима заявил.', { lang: 'ru' }),
  handDoc('ins', 'С режимом\n\nЗапад за киевским режимом.', { lang: 'ru' }),
  handDoc('other', 'Режиссёр\n\nРежиссёр снял фильм.', { lang: 'ru' }),
  handDoc('noun', 'Сообщение\n\nСообщение пришло утром.', { lang: 'ru' }),
  handDoc('verb', 'Сообщил\n\nОн сообщил об этом.', { lang: 'ru' }),
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

eachBackend('search: the forms of a Russian word the stemmer reads apart', (backend) => {
  let db: TestDb;
  let store: Store;
  beforeAll(async () => {
    db = await backend.create();
    store = await openStore(db.url);
    await store.ingest(DOCS);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it.each([
    ['режим', ['gen', 'ins', 'nom']],
    ['режима', ['gen', 'ins', 'nom']],
    ['"киевский режим"', ['gen', 'ins', 'nom']],
    ['"киевского режима"', ['gen', 'ins', 'nom']],
    ['режим NOT Запад', ['gen', 'nom']],
    // сообщение → сообщен → сообщ: the verb is another word, not a form of the noun.
    ['сообщение', ['noun']],
  ])('%s finds every form', async (query, expected) => {
    expect(ids(await store.search({ query, limit: 50 }))).toEqual(expected);
  });

  it('highlights each form in the snippets', async () => {
    const r = await store.search({ query: 'режим', limit: 50 });
    expect(r.hits).toHaveLength(3);
    for (const h of r.hits) {
      const marked = h.snippets.flatMap((s) => s.highlights.map((hl) => s.text.slice(hl.start, hl.end)));
      expect(marked.length).toBeGreaterThan(0);
      for (const m of marked) expect(m).toMatch(/^режим(а|ом)?$/);
    }
  });
});
