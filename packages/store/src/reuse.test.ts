import type { ReusePair, Story } from '@newsprism/core';
import { expect, it } from 'vitest';
import { eachBackend, useStore } from './testing/contract.js';
import { SMALL_CORPUS } from './testing/small-corpus.js';

// Saved reuse pairs and stories on the five hand-made documents of testing/small-corpus.ts (no
// pipeline): a1 and a2 are Alpha's, b1 and b2 Beta's, n1 has no outlet. Each test saves what it
// lists (a save replaces everything saved before) and leaves nothing saved behind.

const pair = (
  a: string,
  b: string,
  kind: ReusePair['kind'],
  score: number,
  direction: ReusePair['direction'] = 'a→b',
  tree = a,
): ReusePair => ({
  a,
  b,
  kind,
  score,
  direction,
  reason: `${kind}: «${a}» → ${b}`,
  passages: [{ a: { start: 0, end: 3 }, b: { start: 4, end: 7 } }],
  changes: {
    from: a,
    paragraphsAdded: [{ start: 4, end: 7, role: 'body' }],
    paragraphsDropped: [],
    names: [],
    attributions: [],
    hedges: [],
    numbers: [],
    techniquesAdded: ['Doubt'],
    techniquesRemoved: [],
  },
  tree,
});

const story = (id: string, members: string[], first?: string): Story => ({
  id,
  label: { text: `Story ${id}: «нефть»`, entities: ['kyiv'], places: [], dates: ['2023-01'] },
  members: members.map((m, i) => ({ id: m, lang: m === 'b1' ? 'ru' : 'en', similarity: 1 - i / 10 })),
  ...(first ? { first: { id: first, published: '2023-01-01' } } : {}),
  comparison: { sources: {}, names: {}, techniques: {}, frames: {}, claims: [] },
});

// Scores: b1~a1 0.9, a1~a2 0.7, a2~b2 0.7 (a tie, ordered by a then b), a1~b2 0.4, n1~a1 0.2.
const PAIRS = [
  pair('a2', 'b2', 'rewrite', 0.7, 'unknown', 'a1'),
  pair('a1', 'a2', 'copy', 0.7, 'a→b', 'a1'),
  pair('b1', 'a1', 'translation', 0.9, 'b→a', 'a1'),
  pair('a1', 'b2', 'partial', 0.4, 'a→b', 'a1'),
  pair('n1', 'a1', 'copy', 0.2, 'a→b', 'n1'),
];
const ab = (r: { pairs: ReusePair[] }) => r.pairs.map((p) => `${p.a}~${p.b}`);

eachBackend('saved reuse pairs and stories on a hand-made corpus', (backend) => {
  const { store } = useStore(backend, (s) => s.ingest(SMALL_CORPUS));

  it('lists saved pairs highest score first, ties by document ids, each given back whole', async () => {
    expect(await store.saveReuse(PAIRS)).toBe(5);
    const r = await store.reuse();
    expect(r.total).toBe(5);
    expect(ab(r)).toEqual(['b1~a1', 'a1~a2', 'a2~b2', 'a1~b2', 'n1~a1']);
    expect(r.pairs[0]).toEqual(PAIRS[2]);
    expect(r.pairs[2]).toEqual(PAIRS[0]);
    // A save replaces what was saved; the empty list leaves nothing.
    expect(await store.saveReuse([PAIRS[3]!])).toBe(1);
    expect(ab(await store.reuse())).toEqual(['a1~b2']);
    expect(await store.saveReuse([])).toBe(0);
    expect(await store.reuse()).toEqual({ total: 0, pairs: [] });
  });

  it.each([
    [{ id: 'a2' }, 2, ['a1~a2', 'a2~b2']],
    [{ id: 'b2' }, 2, ['a2~b2', 'a1~b2']],
    [{ id: 'n1' }, 1, ['n1~a1']],
    [{ id: 'ghost' }, 0, []],
    [{ kind: ['copy'] }, 2, ['a1~a2', 'n1~a1']],
    [{ kind: ['copy', 'translation'] }, 3, ['b1~a1', 'a1~a2', 'n1~a1']],
    [{ kind: [] }, 5, ['b1~a1', 'a1~a2', 'a2~b2', 'a1~b2', 'n1~a1']],
    [{ tree: 'n1' }, 1, ['n1~a1']],
    [{ tree: 'a1', kind: ['copy'] }, 1, ['a1~a2']],
    [{ id: 'a1', kind: ['copy'], tree: 'n1' }, 1, ['n1~a1']],
    [{ id: 'a1', kind: ['partial', 'rewrite'] }, 1, ['a1~b2']],
    [{ limit: 2 }, 5, ['b1~a1', 'a1~a2']],
    [{ limit: 2, offset: 2 }, 5, ['a2~b2', 'a1~b2']],
    [{ limit: 500, offset: 4 }, 5, ['n1~a1']],
    [{ offset: 5 }, 5, []],
    [{ id: 'a1', limit: 1, offset: 1 }, 4, ['a1~a2']],
  ] as const)('selects %j: %i in all, the page %j', async (req, total, page) => {
    await store.saveReuse(PAIRS);
    const r = await store.reuse(req as never);
    expect(r.total).toBe(total);
    expect(ab(r)).toEqual(page);
    await store.saveReuse([]);
  });

  it.each([
    [{ kind: ['clone'] }, 'unknown reuse kind "clone"; use copy, partial, rewrite or translation'],
    [{ kind: ['copy', 'Copy'] }, 'unknown reuse kind "Copy"; use copy, partial, rewrite or translation'],
    [{ limit: 0 }, 'limit takes a whole number from 1 to 500 (got 0)'],
    [{ limit: 501 }, 'limit takes a whole number from 1 to 500 (got 501)'],
    [{ limit: 2.5 }, 'limit takes a whole number from 1 to 500 (got 2.5)'],
    [{ offset: -1 }, 'offset takes a whole number of 0 or more (got -1)'],
    [{ offset: 0.5 }, 'offset takes a whole number of 0 or more (got 0.5)'],
  ])('refuses %j with E_USAGE', async (req, message) => {
    await expect(store.reuse(req as never)).rejects.toMatchObject({ code: 'E_USAGE', message });
  });

  it('accepts a document paired with itself, refuses a pair with a document not stored, keeping what was saved', async () => {
    expect(await store.saveReuse([pair('a1', 'a1', 'copy', 1)])).toBe(1);
    for (const [a, b] of [
      ['a1', 'ghost'],
      ['ghost', 'b1'],
      ['ghost', 'ghost'],
    ])
      await expect(store.saveReuse([PAIRS[0]!, pair(a!, b!, 'copy', 0.5)])).rejects.toMatchObject({
        code: 'E_REUSE_UNKNOWN_DOC',
        message: `reuse pair ${a} ~ ${b} names a document that is not in the store; ingest it first`,
      });
    expect(ab(await store.reuse())).toEqual(['a1~a1']);
    await store.saveReuse([]);
  });

  it('counts who republishes whom by outlet: the source by direction, undirected pairs merged', async () => {
    await store.saveReuse([
      ...PAIRS,
      // Undirected the other way round (Beta ~ Alpha): one link with a2~b2 (Alpha ~ Beta).
      pair('b2', 'a1', 'rewrite', 0.4, 'unknown', 'a1'),
      // b→a: the source is b's outlet (a2, Alpha), the reuser a's (b2, Beta).
      pair('b2', 'a2', 'copy', 0.5, 'b→a', 'a1'),
    ]);
    // b1~a1 runs b→a too: Alpha → Beta. Most pairs first, then by source (no outlet first).
    const links = [
      { source: 'Alpha', reuser: 'Beta', kind: 'rewrite', directed: false, pairs: 2, score: 0.55 },
      { source: null, reuser: 'Alpha', kind: 'copy', directed: true, pairs: 1, score: 0.2 },
      { source: 'Alpha', reuser: 'Alpha', kind: 'copy', directed: true, pairs: 1, score: 0.7 },
      { source: 'Alpha', reuser: 'Beta', kind: 'copy', directed: true, pairs: 1, score: 0.5 },
      { source: 'Alpha', reuser: 'Beta', kind: 'partial', directed: true, pairs: 1, score: 0.4 },
      { source: 'Alpha', reuser: 'Beta', kind: 'translation', directed: true, pairs: 1, score: 0.9 },
    ];
    expect(await store.reuseOutlets()).toEqual(links);
    expect(await store.reuseOutlets([])).toEqual(links);
    expect(await store.reuseOutlets(['copy', 'translation'])).toEqual(
      links.filter((l) => l.kind === 'copy' || l.kind === 'translation'),
    );
    expect(await store.reuseOutlets(['rewrite'])).toEqual([links[0]]);
    await expect(store.reuseOutlets(['clone' as never])).rejects.toMatchObject({
      code: 'E_USAGE',
      message: 'unknown reuse kind "clone"; use copy, partial, rewrite or translation',
    });
    await store.saveReuse([]);
    expect(await store.reuseOutlets()).toEqual([]);
  });

  it('lists saved stories largest first, ties by id, each given back whole, and finds the ones a document is in', async () => {
    const STORIES = [
      story('s-small', ['n1']),
      story('s-big', ['a1', 'b1', 'a2'], 'a1'),
      story('s-pair', ['b2', 'a1']),
    ];
    expect(await store.saveStories(STORIES)).toBe(3);
    const all = await store.stories();
    expect(all.total).toBe(3);
    expect(all.stories.map((s) => s.id)).toEqual(['s-big', 's-pair', 's-small']);
    expect(all.stories[0]).toEqual(STORIES[1]);
    expect(all.stories[2]).toEqual(STORIES[0]);
    const ofA1 = await store.stories({ id: 'a1' });
    expect([ofA1.total, ofA1.stories.map((s) => s.id)]).toEqual([2, ['s-big', 's-pair']]);
    expect((await store.stories({ id: 'b2' })).stories.map((s) => s.id)).toEqual(['s-pair']);
    expect(await store.stories({ id: 'ghost' })).toEqual({ total: 0, stories: [] });
    const paged = await store.stories({ limit: 1, offset: 1 });
    expect([paged.total, paged.stories.map((s) => s.id)]).toEqual([3, ['s-pair']]);
    expect((await store.stories({ id: 'a1', offset: 1 })).stories.map((s) => s.id)).toEqual(['s-pair']);
    await expect(store.stories({ limit: 501 })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(store.stories({ offset: -2 })).rejects.toMatchObject({ code: 'E_USAGE' });
    // A save replaces the stories and their members: a1 is in none of the new ones.
    expect(await store.saveStories([story('s-new', ['b1'])])).toBe(1);
    expect(await store.stories({ id: 'a1' })).toEqual({ total: 0, stories: [] });
    expect((await store.stories({ id: 'b1' })).stories.map((s) => s.id)).toEqual(['s-new']);
    // A member not stored: refused, and what was saved stays.
    await expect(
      store.saveStories([story('s-x', ['a1']), story('s-y', ['b2', 'ghost'])]),
    ).rejects.toMatchObject({
      code: 'E_REUSE_UNKNOWN_DOC',
      message: 'story s-y has member ghost, which is not in the store; ingest it first',
    });
    expect((await store.stories()).stories.map((s) => s.id)).toEqual(['s-new']);
    expect(await store.saveStories([])).toBe(0);
    expect(await store.stories()).toEqual({ total: 0, stories: [] });
  });
});
