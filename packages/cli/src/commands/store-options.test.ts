import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@newsprism/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, shellArgs, tempDir } from '../testing/run-cli.js';

// A short wire story written for this test (line 1 the title): long enough for the genre model.
const WIRE =
  'Ministers meet in Brussels\nBRUSSELS (Reuters) - European ministers met on Tuesday to discuss the budget for next year, officials said. The talks lasted five hours and ended without a deal, according to two diplomats who attended the meeting.\nA spokesman for the commission said further talks would be held next week in Luxembourg.\n';

/** The stored genre layer and its producer's options of document `id`. */
async function genreOf(
  db: string,
  id: string,
): Promise<{ prior: unknown; options: Record<string, unknown> }> {
  const store = await openStore(db);
  try {
    const doc = (await store.get(id))!;
    return {
      prior: doc.genre?.prior,
      options: (doc.producers.genre?.options ?? {}) as Record<string, unknown>,
    };
  } finally {
    await store.close();
  }
}

// Analyses in the main thread (-j 0): the options' path through the worker threads is analyze's.
describe('--set on ingest, reanalyze and worker (issue 14): run-time options recorded with the analysis', () => {
  let dir: string;
  let db: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    db = join(dir, 'corpus.db');
    file = join(dir, 'wire.txt');
    writeFileSync(file, WIRE);
  });

  it("refuses a bad option with analyze's code before reading an input, also where nothing would be analysed", async () => {
    for (const [set, code] of [
      ['genre.prior=newswire', 'E_OPTION_VALUE'],
      ['genre.prio=news-wire', 'E_UNKNOWN_OPTION'],
      ['genr.prior=news-wire', 'E_UNKNOWN_ANALYZER'],
      ['genre.why="4"', 'E_OPTION_TYPE'],
      ['prior=news-wire', 'E_USAGE'],
    ] as const) {
      const r = await runCli(['ingest', '-j', '0', join(dir, 'missing.txt'), '--db', db, '--set', set]);
      expect(r.stderr).toMatch(new RegExp(`^newsprism: ${code} `));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.code).toBe(2);
      const again = await runCli(['analyze', '-j', '0', file, '--set', set]);
      expect(again.stderr).toContain(code);
    }
  }, 60_000);

  it('analyze -f text prints the options it ran with, as show does (not those set back to default)', async () => {
    const text = (
      await runCli([
        'analyze',
        '-j',
        '0',
        file,
        '-f',
        'text',
        '--set',
        'genre.prior=news-wire',
        '--set',
        'genre.minWords=default',
      ])
    ).stdout;
    expect(text).toContain('  analysed with: --set genre.prior=news-wire\n');
    expect((await runCli(['analyze', '-j', '0', file, '-f', 'text'])).stdout).not.toContain('analysed with');
  }, 60_000);

  it('analyze -f text prints the options the run used: the last of a repeated --set, none at its default value', async () => {
    const run = async (...sets: string[]) =>
      (await runCli(['analyze', '-j', '0', file, '-f', 'text', ...sets.flatMap((s) => ['--set', s])])).stdout;
    expect(await run('genre.prior=news-wire', 'genre.prior=default')).not.toContain('analysed with');
    expect(await run('genre.why=4')).not.toContain('analysed with');
    expect(await run('genre.prior=default', 'genre.prior=news-wire', 'genre.why=4')).toContain(
      '  analysed with: --set genre.prior=news-wire\n',
    );
  }, 60_000);

  it('ingest --set records the options with the analysis; show prints them', async () => {
    const r = await runCli(['ingest', '-j', '0', file, '--db', db, '--set', 'genre.prior=news-wire']);
    expect(r.stderr).toMatch(/added 1, unchanged 0/);
    expect(r.code).toBe(0);
    const g = await genreOf(db, 'wire');
    expect(g.options.prior).toBe('news-wire');
    expect(g.prior).toEqual({ reporting: 0.85, opinion: 0.14, satire: 0.01 });
    const text = (await runCli(['show', 'wire', '--db', db, '-f', 'text'])).stdout;
    expect(text).toContain('analysed with: --set genre.prior=news-wire');
    expect(text).toMatch(/prior: news-wire \(reporting 0\.85 \/ opinion 0\.14 \/ satire 0\.01\)/);
    const json = JSON.parse((await runCli(['show', 'wire', '--db', db])).stdout);
    expect(json.producers.genre.options.prior).toBe('news-wire');
  }, 60_000);

  it('ingest leaves a stored document with the same text alone whatever the options, and says when they were others', async () => {
    const r = await runCli(['ingest', '-j', '0', file, '--db', db, '--set', 'genre.prior=newspaper']);
    expect(r.stderr).toMatch(/added 0, unchanged 1/);
    expect(r.stderr).toContain(
      `1 unchanged document was analysed with other options than this run's (--set genre.prior=newspaper) and keeps them, not analysed again: \`newsprism ingest -j 0 ${file} --db ${db} --set genre.prior=newspaper --reanalyze other-options\` analyses only them again`,
    );
    expect((await genreOf(db, 'wire')).options.prior).toBe('news-wire');
    // The same options (another option at its default value too): nothing to say.
    const same = await runCli([
      'ingest',
      file,
      '--db',
      db,
      '--set',
      'genre.prior=news-wire',
      '--set',
      'genre.why=4',
    ]);
    expect(same.stderr).toMatch(/added 0, unchanged 1/);
    expect(same.stderr).not.toContain('other options');
    // Without --set, or with the prior set back to its default, the run's are the defaults.
    for (const args of [[], ['--set', 'genre.prior=default']]) {
      const plain = await runCli(['ingest', file, '--db', db, ...args]);
      expect(plain.stderr).toContain(
        `1 unchanged document was analysed with other options than this run's (${args.length ? '--set genre.prior=default' : 'the defaults'}) and keeps them`,
      );
      expect(plain.stderr).toContain(
        `\`newsprism ingest ${file} --db ${db}${args.length ? ' --set genre.prior=default' : ''} --reanalyze other-options\``,
      );
    }
    // Options of a layer this run does not store are not the run's to compare.
    const other = await runCli(['ingest', file, '--db', db, '--layers', 'quotes']);
    expect(other.stderr).not.toContain('other options');
  }, 60_000);

  it('ingest says so for a file option too (quotes.learned=off: recorded by its checksums, not among the options)', async () => {
    const off = ['--set', 'genre.prior=news-wire', '--set', 'quotes.learned=off'];
    const r = await runCli(['ingest', '-j', '0', file, '--db', db, ...off]);
    expect(r.stderr).toMatch(/added 0, unchanged 1/);
    expect(r.stderr).toContain(
      "1 unchanged document was analysed with other options than this run's (--set genre.prior=news-wire --set quotes.learned=off) and keeps them",
    );
    // What reanalyze with the same --set would change, ingest names.
    const dry = await runCli(['reanalyze', '--db', db, '--dry-run', ...off]);
    expect(dry.stderr).toMatch(/would reanalyse 1 of 1 documents/);
  }, 60_000);

  it('ingest --reanalyze other-options: the command the note prints analyses only the documents kept with other options', async () => {
    const d = tempDir();
    const db2 = join(d, 'again.db');
    writeFileSync(join(d, 'a.txt'), WIRE);
    writeFileSync(join(d, 'b.txt'), WIRE.replace('Luxembourg.', 'Luxembourg, he added.'));
    const bad = await runCli(['ingest', d, '--db', db2, '--reanalyze', 'all']);
    expect(bad.stderr).toMatch(/^newsprism: E_USAGE --reanalyze takes other-options .*\n$/);
    expect(bad.code).toBe(2);
    const queued = await runCli(['ingest', d, '--db', db2, '--queue', '--reanalyze', 'other-options']);
    expect(queued.stderr).toMatch(
      /^newsprism: E_USAGE --reanalyze other-options with --queue needs --set: .*\n$/,
    );
    const wire = ['--set', 'genre.prior=news-wire'];
    expect((await runCli(['ingest', '-j', '0', join(d, 'a.txt'), '--db', db2, ...wire])).code).toBe(0);
    const r = await runCli(['ingest', '-j', '0', d, '--db', db2]);
    expect(r.stderr).toMatch(/added 1, unchanged 1, replaced 0, failed 0/);
    const command = /`newsprism (ingest [^`]*)` analyses only them again\n/.exec(r.stderr)?.[1];
    expect(command).toBe(`ingest -j 0 ${d} --db ${db2} --reanalyze other-options`);
    const before = (await genreOf(db2, 'b')).options;
    const again = await runCli(shellArgs(command!));
    expect(again.stderr).toMatch(/added 0, unchanged 1, replaced 0, reanalysed 1, failed 0/);
    expect(again.stderr).not.toContain('other options');
    expect(await genreOf(db2, 'a')).toMatchObject({ prior: undefined, options: {} });
    expect((await genreOf(db2, 'b')).options).toEqual(before);
    // Now every document has this run's options: nothing to analyse again.
    expect((await runCli(shellArgs(command!))).stderr).toMatch(
      /added 0, unchanged 2, replaced 0, reanalysed 0/,
    );
    // With --set: the one with other options than those is analysed with them.
    const wired = await runCli([
      'ingest',
      '-j',
      '0',
      join(d, 'b.txt'),
      '--db',
      db2,
      ...wire,
      '--reanalyze',
      'other-options',
    ]);
    expect(wired.stderr).toMatch(/unchanged 0, replaced 0, reanalysed 1/);
    expect((await genreOf(db2, 'b')).options.prior).toBe('news-wire');
  }, 120_000);

  it('ingest --layers … --reanalyze other-options keeps the stored layers the run does not make, and makes again those that read its layers (issue 14)', async () => {
    // A folder whose name needs quoting: the printed command is run through bash.
    const d = join(tempDir(), `it's a "dir"`);
    mkdirSync(d);
    const db2 = join(d, 'layers.db');
    const art = join(d, 'art.txt');
    writeFileSync(art, WIRE);
    const ingestArt = (...more: string[]) => runCli(['ingest', '-j', '0', art, '--db', db2, ...more]);
    expect((await ingestArt()).code).toBe(0);
    const layersOf = async (id: string) => {
      const store = await openStore(db2);
      try {
        return (await store.get(id))!;
      } finally {
        await store.close();
      }
    };
    const before = await layersOf('art');
    const all = Object.keys(before.producers);
    expect(all).toEqual(expect.arrayContaining(['techniques', 'frames', 'entities', 'genre', 'quotes']));
    const r = await ingestArt('--layers', 'genre', '--set', 'genre.prior=news-wire');
    const command = /`newsprism (ingest [^`]*)` analyses only them again\n/.exec(r.stderr)?.[1];
    expect(command).toContain('--layers genre --set genre.prior=news-wire --reanalyze other-options');
    const again = await runCli(shellArgs(command!));
    expect(again.stderr).toMatch(/added 0, unchanged 0, replaced 0, reanalysed 1, failed 0/);
    const after = await layersOf('art');
    expect(Object.keys(after.producers)).toEqual(all);
    expect(after.producers.genre!.options).toMatchObject({ prior: 'news-wire' });
    expect(after.genre!.prior).toEqual({ reporting: 0.85, opinion: 0.14, satire: 0.01 });
    // The layers it did not make are the stored ones.
    for (const l of ['techniques', 'frames', 'entities', 'quotes'] as const)
      expect([l, after[l], after.producers[l]]).toEqual([l, before[l], before.producers[l]]);
    expect(after.meta).toEqual(before.meta);
    // --layers quotes with another quotes option: the stored layers that read quotes (claims,
    // subjectivity, naming, sources) are made again from the new quotes, none is deleted.
    const q = await ingestArt(
      '--layers',
      'quotes',
      '--set',
      'quotes.minCueReliability=0.9',
      '--reanalyze',
      'other-options',
    );
    expect(q.stderr).toMatch(/reanalysed 1, failed 0/);
    const quoted = await layersOf('art');
    expect(Object.keys(quoted.producers)).toEqual(all);
    expect(quoted.producers.quotes!.options).toMatchObject({ minCueReliability: 0.9 });
    expect(quoted.genre).toEqual(after.genre);
    const fresh = JSON.parse(
      (
        await runCli([
          'analyze',
          '-j',
          '0',
          art,
          '--set',
          'genre.prior=news-wire',
          '--set',
          'quotes.minCueReliability=0.9',
        ])
      ).stdout,
    );
    for (const l of ['quotes', 'claims', 'subjectivity', 'naming', 'sources'] as const)
      expect([l, quoted[l]]).toEqual([l, fresh[l]]);
  }, 180_000);

  it('ingest --reanalyze other-options counts a later line of the same id with another text as replaced (issue 14)', async () => {
    const d = tempDir();
    const db2 = join(d, 'twice.db');
    const feed = join(d, 'feed.jsonl');
    const line = (text: string) => JSON.stringify({ id: 'd1', text });
    writeFileSync(feed, `${line(WIRE)}\n`);
    expect((await runCli(['ingest', '-j', '0', feed, '--db', db2])).code).toBe(0);
    writeFileSync(feed, `${line(WIRE)}\n${line(`${WIRE} More.`)}\n`);
    const r = await runCli([
      'ingest',
      '-j',
      '0',
      feed,
      '--db',
      db2,
      '--set',
      'genre.prior=news-wire',
      '--reanalyze',
      'other-options',
    ]);
    expect(r.stderr).toMatch(/added 0, unchanged 0, replaced 1, reanalysed 1, failed 0/);
    const store = await openStore(db2);
    try {
      expect((await store.get('d1'))!.text).toBe(`${WIRE} More.`);
    } finally {
      await store.close();
    }
  }, 120_000);

  it("reanalyze: a document analysed with other options than the run's is stale", async () => {
    const same = await runCli(['reanalyze', '--db', db, '--dry-run', '--set', 'genre.prior=news-wire']);
    expect(same.stderr).toMatch(/would reanalyse 0 of 1 documents/);
    const bad = await runCli(['reanalyze', '--db', db, '--set', 'genre.prior=news wire']);
    expect(bad.stderr).toMatch(
      /^newsprism: E_OPTION_VALUE option "prior" of analyzer "genre" must be a preset/,
    );
    expect(bad.code).toBe(2);
    const other = await runCli(['reanalyze', '--db', db, '--set', 'genre.prior=newspaper']);
    expect(other.stderr).toMatch(/reanalysed 1 of 1 documents/);
    expect(await genreOf(db, 'wire')).toMatchObject({
      options: { prior: 'newspaper' },
      prior: { reporting: 0.6, opinion: 0.38, satire: 0.02 },
    });
    // Without --set the defaults are the run's: the document goes back to no prior.
    expect((await runCli(['reanalyze', '--db', db, '--dry-run'])).stderr).toMatch(/would reanalyse 1 of 1/);
    // `default` gives the option back its default: stale to the prior, fresh to the defaults.
    const reset = ['reanalyze', '--db', db, '--dry-run', '--set', 'genre.prior=default'];
    expect((await runCli(reset)).stderr).toMatch(/would reanalyse 1 of 1/);
    expect((await runCli(['reanalyze', '--db', db])).stderr).toMatch(/reanalysed 1 of 1/);
    expect((await runCli(reset)).stderr).toMatch(/would reanalyse 0 of 1/);
    const plain = await genreOf(db, 'wire');
    expect(plain.options.prior).toBeUndefined();
    expect(plain.prior).toBeUndefined();
    expect((await runCli(['show', 'wire', '--db', db, '-f', 'text'])).stdout).not.toContain('analysed with');
  }, 120_000);

  it("ingest --queue --set takes no option naming a file (the worker's machine); worker --set checks its options at start", async () => {
    const q = await runCli(['ingest', file, '--queue', '--db', db, '--set', 'quotes.learned=off']);
    expect(q.stderr).toMatch(
      /^newsprism: E_OPTION_NOT_ALLOWED option "learned" of analyzer "quotes" names a file and cannot go with --queue .*give it to the workers \(worker --set quotes\.learned=…\)\n$/,
    );
    expect(q.code).toBe(2);
    // Other options are the jobs': checked, then the store must be PostgreSQL.
    const p = await runCli(['ingest', file, '--queue', '--db', db, '--set', 'genre.prior=news-wire']);
    expect(p.stderr).toMatch(/^newsprism: E_QUEUE_NEEDS_POSTGRES /);
    // A bad option stops the worker before it opens the store (any store: this one is SQLite).
    const w = await runCli(['worker', '--db', db, '--time-budget', '0', '--set', 'genre.prior=wire']);
    expect(w.stderr).toMatch(/^newsprism: E_OPTION_VALUE option "prior" of analyzer "genre"/);
    expect(w.code).toBe(2);
  }, 60_000);
});
