import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findReuse, StoryIndex } from '@newsprism/core/corpus';
import { openStore, type Store } from '@newsprism/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { inProcessAnalysis } from './testing.js';

// A wire story, a republication crediting it, and an unrelated article (written for this test).
const STORY = [
  'The ferry operator said on Friday that winter sailings to the island would resume next week, after repairs to the loading ramp took longer than planned.',
  'Passengers have relied on a replacement bus and a smaller boat since November, a detour of almost an hour, and local firms say trade has suffered badly.',
  'The operator said 14 crossings a day would run from Monday and that tickets bought for cancelled sailings would be refunded in full.',
];
const INPUTS = [
  {
    id: 'wire',
    text: `Ferry sailings to resume\n${STORY.join('\n')}`,
    meta: { outlet: 'Island Post', title: 'Ferry sailings to resume' },
  },
  {
    id: 'daily',
    text: `Ferry back next week\nPORTREE (Coast Times / Island Post) ${STORY.join('\n')}`,
    meta: { outlet: 'Coast Times', title: 'Ferry back next week' },
  },
  {
    id: 'tram',
    text: 'Council approves tram budget\nThe city council voted on Monday to fund a new tram line linking the northern suburbs with the central railway station.',
    meta: { outlet: 'City News' },
  },
];

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'np-reuse-'));
  store = await openStore(join(dir, 'test.db'));
  const analysis = await inProcessAnalysis(['paragraphs', 'sentences', 'naming', 'quotes', 'techniques']);
  const docs = await Promise.all(INPUTS.map((i) => analysis.analyze(i)));
  await store.ingest(docs);
  await store.saveReuse(findReuse(docs));
  const stories = new StoryIndex();
  for (const d of docs) stories.add(d);
  await store.saveStories(stories.stories());
  app = createApp({ analysis, store, version: '0.0.0-test' });
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await app.request(path);
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, read field by field in the assertions
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/reuse and /api/documents/:id/reuse', () => {
  it('lists the saved pairs with the documents they name', async () => {
    const { status, body } = await get('/api/reuse');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.pairs[0]).toMatchObject({ a: 'wire', b: 'daily', kind: 'copy', direction: 'a→b' });
    expect(body.documents).toEqual({
      wire: { title: 'Ferry sailings to resume', outlet: 'Island Post' },
      daily: { title: 'Ferry back next week', outlet: 'Coast Times' },
    });
  });

  it.each([
    ['/api/documents/daily/reuse', 200, 1],
    ['/api/documents/wire/reuse?kind=copy', 200, 1],
    ['/api/documents/wire/reuse?kind=translation', 200, 0],
    ['/api/documents/tram/reuse', 200, 0],
    ['/api/reuse?tree=wire', 200, 1],
    ['/api/reuse?tree=nothing', 200, 0],
  ])('%s → %i, %i pairs', async (path, status, total) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect(r.body.total).toBe(total);
  });

  it.each([
    ['/api/documents/ghost/reuse', 404, 'E_NOT_FOUND'],
    ['/api/reuse?kind=clone', 400, 'E_BAD_FILTER'],
    ['/api/reuse?limit=0', 400, 'E_BAD_REQUEST'],
    ['/api/reuse?colour=red', 400, 'E_UNKNOWN_FIELD'],
    ['/api/reuse/outlets?kind=clone', 400, 'E_BAD_FILTER'],
    ['/api/reuse/outlets?by=month', 400, 'E_UNKNOWN_FIELD'],
  ])('%s → %i %s', async (path, status, code) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
  });
});

describe('GET /api/reuse/outlets', () => {
  it('counts who republishes whom, source outlet first', async () => {
    const { status, body } = await get('/api/reuse/outlets');
    expect(status).toBe(200);
    expect(body.links).toEqual([
      {
        source: 'Island Post',
        reuser: 'Coast Times',
        kind: 'copy',
        directed: true,
        pairs: 1,
        score: expect.any(Number),
      },
    ]);
    expect((await get('/api/reuse/outlets?kind=translation,rewrite')).body.links).toEqual([]);
  });
});

describe('GET /api/stories', () => {
  it('lists the saved stories, largest first, and the one a document is in', async () => {
    const all = await get('/api/stories');
    expect(all.status).toBe(200);
    expect(all.body.stories.map((s: { members: { id: string }[] }) => s.members.map((m) => m.id))).toEqual([
      ['wire', 'daily'],
      ['tram'],
    ]);
    const mine = await get('/api/stories?id=tram');
    expect(mine.body.total).toBe(1);
    expect(mine.body.stories[0].members[0].id).toBe('tram');
  });

  it('gives the title, outlet and time of the members of the page, and of no other document', async () => {
    const all = await get('/api/stories');
    expect(all.body.documents.wire).toMatchObject({
      title: 'Ferry sailings to resume',
      outlet: 'Island Post',
    });
    expect(all.body.documents.daily).toMatchObject({ title: 'Ferry back next week', outlet: 'Coast Times' });
    const mine = await get('/api/stories?id=tram');
    expect(Object.keys(mine.body.documents)).toEqual(['tram']);
    expect(mine.body.documents.tram).toMatchObject({ outlet: 'City News' });
  });

  it('answers 404 E_NOT_FOUND for the story of a document that is not stored', async () => {
    const r = await get('/api/stories?id=nope');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'E_NOT_FOUND', detail: 'no document "nope" in the store' });
  });
});

describe('without a store', () => {
  it('answers 404 E_NO_STORE', async () => {
    const bare = createApp({ analysis: await inProcessAnalysis([]), version: '0' });
    for (const path of ['/api/reuse', '/api/reuse/outlets', '/api/stories', '/api/documents/x/reuse']) {
      const res = await bare.request(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('E_NO_STORE');
    }
  });
});
