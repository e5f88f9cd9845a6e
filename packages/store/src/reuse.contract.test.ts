import type { ReusePair, Story } from '@newsprism/core';
import { beforeEach, expect, it } from 'vitest';
import { eachBackend, useStore } from './testing/contract.js';
import { analysedArticles } from './testing/fixtures.js';

const pair = (a: string, b: string, kind: ReusePair['kind'], score: number, tree: string): ReusePair => ({
  a,
  b,
  kind,
  score,
  direction: 'a→b',
  reason: `${kind}: test`,
  passages: [{ a: { start: 0, end: 10 }, b: { start: 5, end: 15 } }],
  changes: {
    from: a,
    paragraphsAdded: [],
    paragraphsDropped: [],
    names: [],
    attributions: [],
    hedges: [],
    numbers: [],
    techniquesAdded: [],
    techniquesRemoved: [],
  },
  tree,
});

const story = (id: string, members: string[]): Story => ({
  id,
  label: { text: `story ${id}`, entities: [], places: [], dates: [] },
  members: members.map((m) => ({ id: m, lang: 'en', similarity: 0.5 })),
  comparison: { sources: {}, names: {}, techniques: {}, frames: {}, claims: [] },
});

const PAIRS = [
  pair('rt-1', 'bbc-1', 'partial', 0.6, 'rt-1'),
  pair('ria-1', 'bbc-1', 'translation', 0.3, 'rt-1'),
  pair('bbc-2', 'ria-2', 'copy', 0.9, 'bbc-2'),
];

// Each test starts from the same saved pairs and no stories (saving replaces what was saved), so
// that none depends on what another left.
eachBackend('reuse pairs and stories', (backend) => {
  const { store } = useStore(backend, async (s) => s.ingest(await analysedArticles()));
  beforeEach(async () => {
    await store.saveReuse(PAIRS);
    await store.saveStories([]);
  });

  it('keeps saved pairs whole and lists them highest score first', async () => {
    expect(await store.saveReuse(PAIRS)).toBe(3);
    const all = await store.reuse();
    expect(all.total).toBe(3);
    expect(all.pairs.map((p) => [p.a, p.b])).toEqual([
      ['bbc-2', 'ria-2'],
      ['rt-1', 'bbc-1'],
      ['ria-1', 'bbc-1'],
    ]);
    expect(all.pairs[1]).toEqual(PAIRS[0]);
  });

  it('counts who republishes whom by outlet, direction and kind', async () => {
    expect(await store.reuseOutlets()).toEqual([
      { source: 'BBC', reuser: 'РИА Новости', kind: 'copy', directed: true, pairs: 1, score: 0.9 },
      { source: 'RT', reuser: 'BBC', kind: 'partial', directed: true, pairs: 1, score: 0.6 },
      { source: 'РИА Новости', reuser: 'BBC', kind: 'translation', directed: true, pairs: 1, score: 0.3 },
    ]);
    // Sources from either side of a pair, and undirected pairs counted once whichever side is a.
    const undirected = (a: string, b: string, score: number) => ({
      ...pair(a, b, 'copy', score, a),
      direction: 'unknown' as const,
    });
    await store.saveReuse([
      { ...pair('bbc-1', 'rt-1', 'copy', 0.8, 'rt-1'), direction: 'b→a' },
      pair('rt-1', 'bbc-2', 'copy', 0.6, 'rt-1'),
      undirected('ria-1', 'bbc-1', 0.5),
      undirected('bbc-2', 'ria-2', 0.7),
    ]);
    expect(await store.reuseOutlets()).toEqual([
      { source: 'BBC', reuser: 'РИА Новости', kind: 'copy', directed: false, pairs: 2, score: 0.6 },
      { source: 'RT', reuser: 'BBC', kind: 'copy', directed: true, pairs: 2, score: 0.7 },
    ]);
    expect(await store.reuseOutlets(['translation'])).toEqual([]);
    await expect(store.reuseOutlets(['clone' as never])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it.each([
    [{ id: 'bbc-1' }, 2, ['rt-1', 'ria-1']],
    [{ id: 'ria-2' }, 1, ['bbc-2']],
    [{ id: 'no-such' }, 0, []],
    [{ kind: ['copy' as const, 'translation' as const] }, 2, ['bbc-2', 'ria-1']],
    [{ tree: 'rt-1' }, 2, ['rt-1', 'ria-1']],
    [{ limit: 1, offset: 1 }, 3, ['rt-1']],
  ])('selects %j', async (req, total, as) => {
    const r = await store.reuse(req);
    expect(r.total).toBe(total);
    expect(r.pairs.map((p) => p.a)).toEqual(as);
  });

  it.each([
    [{ kind: ['clone'] }, 'E_USAGE'],
    [{ limit: 0 }, 'E_USAGE'],
    [{ offset: -1 }, 'E_USAGE'],
  ])('refuses %j', async (req, code) => {
    await expect(store.reuse(req as never)).rejects.toMatchObject({ code });
  });

  it('refuses a pair naming an unknown document and keeps what was saved', async () => {
    await expect(store.saveReuse([pair('rt-1', 'ghost', 'copy', 1, 'rt-1')])).rejects.toMatchObject({
      code: 'E_REUSE_UNKNOWN_DOC',
    });
    expect((await store.reuse()).total).toBe(3);
  });

  it('keeps stories and finds the one a document is in', async () => {
    expect(await store.saveStories([story('s1', ['rt-1']), story('s2', ['bbc-1', 'ria-1', 'ria-2'])])).toBe(
      2,
    );
    expect((await store.stories()).stories.map((s) => s.id)).toEqual(['s2', 's1']);
    const mine = await store.stories({ id: 'ria-1' });
    expect(mine.total).toBe(1);
    expect(mine.stories[0]).toEqual(story('s2', ['bbc-1', 'ria-1', 'ria-2']));
    await expect(store.saveStories([story('s3', ['ghost'])])).rejects.toMatchObject({
      code: 'E_REUSE_UNKNOWN_DOC',
    });
    expect((await store.stories()).total).toBe(2);
  });
});

// Its own store: the deletion would take a document from the tests above.
eachBackend('reuse pairs and stories of a deleted document', (backend) => {
  const { store } = useStore(backend, async (s) => {
    await s.ingest(await analysedArticles());
    await s.saveReuse(PAIRS);
    await s.saveStories([story('s1', ['rt-1']), story('s2', ['bbc-1', 'ria-1', 'ria-2'])]);
  });

  it('drops the pairs and memberships of a deleted document', async () => {
    expect((await store.stories({ id: 'bbc-1' })).total).toBe(1);
    expect(await store.delete('bbc-1')).toBe(true);
    expect((await store.reuse()).pairs.map((p) => p.a)).toEqual(['bbc-2']);
    expect((await store.stories({ id: 'bbc-1' })).total).toBe(0);
    expect((await store.stories({ id: 'ria-1' })).total).toBe(1);
  });
});
