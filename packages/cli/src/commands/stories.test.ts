import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@newsprism/store';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const FLOOD_A =
  'Floods close roads in Bavaria\n\nHeavy rain flooded roads and cellars across Bavaria on Sunday, and rescuers evacuated 300 people from villages near Passau, the regional government said.\nThe Danube rose above its banks in Regensburg, where firefighters built sand walls overnight.\n';
const FLOOD_B =
  'Hundreds evacuated as Bavarian villages flood\n\nRescuers took about 300 residents from flooded villages near Passau on Sunday after a night of heavy rain, Bavarian officials said.\nIn Regensburg firefighters piled sand walls as the Danube rose over its banks.\n';
const BANK =
  'Central bank holds rates\n\nThe central bank kept its main interest rate unchanged on Thursday, saying inflation in services was falling more slowly than expected.\nEconomists had expected the decision and see a first cut in the autumn.\n';

function corpus() {
  const dir = tempDir();
  const rows = [
    { id: 'flood-a', outlet: 'Munich Post', published: '2024-06-02T09:00:00Z', text: FLOOD_A },
    { id: 'bank', outlet: 'Finance Daily', published: '2024-06-06T12:00:00Z', text: BANK },
    { id: 'flood-b', outlet: 'Danube News', published: '2024-06-02T07:30:00Z', text: FLOOD_B },
    // A record's title is its `title` (JSONL text is not read title-first).
  ].map((r) => ({ ...r, title: r.text.slice(0, r.text.indexOf('\n')) }));
  writeFileSync(join(dir, 'in.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return join(dir, 'in.jsonl');
}

describe('newsprism stories', () => {
  it('writes one story a line with members, first publisher and comparison', async () => {
    const r = await runCli(['stories', corpus()]);
    expect(r.code).toBe(0);
    const stories = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stories.map((s) => s.members.map((m: { id: string }) => m.id))).toEqual([
      ['flood-a', 'flood-b'],
      ['bank'],
    ]);
    expect(stories[0].first).toEqual({ id: 'flood-b', published: '2024-06-02T07:30:00Z' });
    expect(Object.keys(stories[0].comparison.sources)).toEqual(['flood-a', 'flood-b']);
  });

  it('prints a text report and groups without comparison when asked', async () => {
    const r = await runCli(['stories', corpus(), '--format', 'text', '--no-compare']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 stories\n\nstory-1: .* — 2 articles from 2 outlets\n {2}first: flood-b/);
    expect(r.stdout).toContain(
      '  flood-a  Munich Post  2024-06-02T09:00:00Z  en  — Floods close roads in Bavaria\n',
    );
  });

  it('names each member by its title, and shows a story of one article by its member line alone', async () => {
    const r = await runCli(['stories', corpus(), '--format', 'text']);
    expect(r.code).toBe(0);
    const [, two, one] = r.stdout.split('\n\n');
    expect(two).toContain(
      '  flood-b  Danube News  2024-06-02T07:30:00Z  en  — Hundreds evacuated as Bavarian villages flood\n',
    );
    expect(two).toMatch(/^ {4}sources: /m);
    // The lone article: no comparison lines (sources, names, techniques, frames of one article).
    expect(one).toMatch(
      /^story-\d+: .* — 1 article from 1 outlet\n {2}bank {2}Finance Daily {2}2024-06-06T12:00:00Z {2}en {2}— Central bank holds rates\n$/,
    );
  });

  it('rejects a threshold outside 0..1', async () => {
    const r = await runCli(['stories', corpus(), '--threshold', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('newsprism: E_USAGE --threshold takes a number between 0 and 1 (got "2")\n');
  });

  it('groups the documents of a store with --db and saves the stories with --save', async () => {
    const db = join(tempDir(), 'corpus.db');
    expect((await runCli(['ingest', '-j', '0', corpus(), '--db', db])).code).toBe(0);
    const r = await runCli(['stories', '--db', db, '--save']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/saved 2 stories in /);
    const stories = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stories.map((s) => s.members.map((m: { id: string }) => m.id).sort())).toEqual([
      ['flood-a', 'flood-b'],
      ['bank'],
    ]);
    const store = await openStore(db);
    try {
      const mine = await store.stories({ id: 'flood-b' });
      expect(mine.stories).toEqual([stories[0]]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('says so when the store has no documents', async () => {
    // A store that is there and empty (a missing one is E_DB_NOT_FOUND).
    const empty = join(tempDir(), 'empty.db');
    await (await openStore(empty)).close();
    const r = await runCli(['stories', '--db', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_NO_DOCUMENTS no documents could be read; stories needs at least one');
  });
});
