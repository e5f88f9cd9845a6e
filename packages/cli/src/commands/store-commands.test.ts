import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openStore, SCHEMA_VERSION, textId } from '@newsprism/store';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

/** Writes `files` (paths relative to `root`, folders made as needed). */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

// Short articles written for this test: line 1 is the title, then one paragraph per line.
const ARTICLES: Record<string, string> = {
  'kyiv-grain.txt':
    'Kyiv says grain corridor will stay open\nUkraine will keep its grain corridor open despite new threats, officials in Kyiv said on Friday.\n"Our ports are working," the infrastructure minister told reporters.\n',
  'kiev-sanctions.txt':
    'Kiev demands more sanctions\nKiev has demanded new sanctions against Moscow, according to a source close to the government.\nExperts say the sanctions have failed to change the course of the war.\n',
  'ru-kiev.txt':
    'Киев требует новых санкций\nВласти Украины потребовали от Евросоюза новых санкций, сообщил источник в правительстве.\nВ Кремле назвали эти требования бессмысленными.\n',
};

/** How many documents the store at `path` holds, and the texts of those with `ids` (undefined when absent). */
async function stored(
  path: string,
  ids: string[],
): Promise<{ documents: number; texts: (string | undefined)[] }> {
  const store = await openStore(path);
  try {
    const documents = (await store.stats()).documents;
    return { documents, texts: await Promise.all(ids.map(async (id) => (await store.get(id))?.text)) };
  } finally {
    await store.close();
  }
}

describe('store commands (SQLite)', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = tempDir();
    db = join(dir, 'corpus.db');
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, 'bad.jsonl'),
      '{"id": "ok-1", "text": "A short note from Kyiv about sanctions."}\nnot json\n',
    );
  });

  it('ingests inputs, reports a bad one and stores the rest', async () => {
    const r = await runCli(['ingest', dir, '--db', db]);
    expect(r.stderr).toContain('skipped');
    expect(r.stderr).toContain('E_INVALID_JSON');
    expect(r.stderr).toMatch(/added 4, unchanged 0, replaced 0, failed 1/);
    expect(r.code).toBe(1);
  }, 60_000);

  it('leaves unchanged documents alone and replaces a changed one', async () => {
    writeFileSync(join(dir, 'kyiv-grain.txt'), ARTICLES['kyiv-grain.txt']!.replace('Friday', 'Saturday'));
    // In the main thread (-j 0): the case is the store's change detection; the run above used a worker.
    const r = await runCli([
      'ingest',
      '-j',
      '0',
      join(dir, 'kyiv-grain.txt'),
      join(dir, 'ru-kiev.txt'),
      '--db',
      db,
    ]);
    expect(r.stderr).toMatch(/added 0, unchanged 1, replaced 1, failed 0/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('stores each article piped in under an id made from its text, not one shared `stdin`', async () => {
    const own = join(tempDir(), 'piped.db');
    const ingest = (text: string) =>
      runCli(['ingest', '-', '--db', own, '-j', '0', '--layers', 'sentences'], text);
    const a = 'Budget passes\nThe council approved the budget on Tuesday.';
    expect((await ingest(a)).stderr).toMatch(/added 1, unchanged 0, replaced 0, failed 0/);
    expect((await ingest('Strike ends\nThe dock workers went back on Friday.')).stderr).toMatch(
      /added 1, unchanged 0, replaced 0, failed 0/,
    );
    // The same text again is the same document.
    expect((await ingest(a)).stderr).toMatch(/added 0, unchanged 1, replaced 0, failed 0/);
    expect(await stored(own, [textId(a)])).toEqual({ documents: 2, texts: [a] });
  }, 60_000);

  it('stores JSONL records piped in without an id under ids made from their text, so two feeds do not collide', async () => {
    const own = join(tempDir(), 'feeds.db');
    const ingest = (lines: object[]) =>
      runCli(
        ['ingest', '-', '--db', own, '-j', '0', '--layers', 'sentences'],
        lines.map((l) => JSON.stringify(l)).join('\n'),
      );
    const a = 'Budget passes. The council approved the budget on Tuesday.';
    const b = 'Strike ends. The dock workers went back on Friday.';
    const c = 'Bridge reopens. Traffic crossed the river again on Monday.';
    expect((await ingest([{ text: a }, { id: 'own-id', text: b }])).stderr).toMatch(
      /added 2, unchanged 0, replaced 0, failed 0/,
    );
    // A second feed: its first record is line 1 too (`stdin-1` before), a document of its own.
    expect((await ingest([{ text: c }])).stderr).toMatch(/added 1, unchanged 0, replaced 0, failed 0/);
    expect(await stored(own, [textId(a), textId(c), 'own-id'])).toEqual({ documents: 3, texts: [a, c, b] });
    // analyze keeps the line's stand-in: its output is read beside its input.
    const r = await runCli(
      ['analyze', '-', '--layers', 'sentences', '-j', '0', '--format', 'jsonl'],
      JSON.stringify({ text: a }),
    );
    expect(JSON.parse(r.stdout.trim()).id).toBe('stdin-1');
  }, 60_000);

  it('stores JSONL records without an id from two same-named files as documents of their own', async () => {
    const root = tempDir();
    const own = join(root, 'feeds.db');
    const a = 'Port reopens. Ships left the harbour on Monday.';
    const b = 'Rail strike ends. Trains ran again on Tuesday.';
    const c = 'Grain deal signed. Exports resume next week.';
    const jsonl = (records: object[]) => records.map((l) => JSON.stringify(l)).join('\n');
    writeTree(root, {
      'a/feed.jsonl': jsonl([{ text: a }, { id: 'own-id', text: c }]),
      'b/feed.jsonl': jsonl([{ text: b }]),
    });
    const ingest = (...paths: string[]) =>
      runCli(['ingest', ...paths, '--db', own, '-j', '0', '--layers', 'sentences']);
    expect((await ingest(join(root, 'a'), join(root, 'b'))).stderr).toMatch(
      /added 3, unchanged 0, replaced 0, failed 0/,
    );
    // Stable: the same records from another path (the folder moved) are the same documents.
    renameSync(join(root, 'b'), join(root, 'c'));
    expect((await ingest(join(root, 'c', 'feed.jsonl'))).stderr).toMatch(
      /added 0, unchanged 1, replaced 0, failed 0/,
    );
    expect(await stored(own, [textId(a), textId(b), 'own-id', 'feed-1'])).toEqual({
      documents: 3,
      texts: [a, b, c, undefined],
    });
  }, 60_000);

  it('gives same-named files of one run their relative paths, in ingest and analyze alike (issue 14)', async () => {
    const root = tempDir();
    const own = join(root, 'named.db');
    const a = 'Port reopens\nShips left the harbour on Monday after the strike ended.\n';
    const b = 'Rail strike ends\nTrains ran again on Tuesday, the operator said.\n';
    writeTree(root, { 'a/index.txt': a, 'b/index.txt': b });
    const args = ['--db', own, '-j', '0', '--layers', 'sentences'];
    const r = await runCli(['ingest', join(root, 'a'), join(root, 'b'), ...args]);
    expect(r.stderr).toMatch(/added 2, unchanged 0, replaced 0, failed 0/);
    expect(r.stderr.match(/W_ID_COLLISION/g)).toHaveLength(1);
    expect(r.stderr).toContain('"index" → "a/index", "b/index"');
    expect(await stored(own, ['a/index', 'b/index', 'index'])).toEqual({
      documents: 2,
      texts: [a, b, undefined],
    });
    const out = await runCli(['analyze', root, '--layers', 'sentences', '-j', '0', '--format', 'jsonl']);
    expect(
      out.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a/index', 'b/index']);
    expect(out.stderr).toContain('W_ID_COLLISION');
    expect(out.stderr).not.toContain('give inputs unique ids');
  }, 60_000);

  it('says W_ID_COLLISION in stories and reuse as in analyze, once, with the paths the files take', async () => {
    const root = tempDir();
    writeTree(root, {
      'a/index.txt': 'Port reopens\nShips left the harbour on Monday after the strike ended.\n',
      'b/index.txt': 'Rail strike ends\nTrains ran again on Tuesday, the operator said.\n',
    });
    for (const command of ['stories', 'reuse', 'analyze']) {
      const r = await runCli([command, join(root, 'a'), join(root, 'b'), '--format', 'jsonl']);
      expect(r.stderr.match(/W_ID_COLLISION/g), command).toHaveLength(1);
      expect(r.stderr, command).toContain(
        'newsprism: warning: W_ID_COLLISION 2 files of this run would share an id; they take their paths instead: "index" → "a/index", "b/index"',
      );
    }
  }, 60_000);

  it('prints a stored title, text, outlet and id without their control characters', async () => {
    const root = tempDir();
    const own = join(root, 'esc.db');
    const feed = join(root, 'esc.jsonl');
    const record = {
      id: 'esc\u001b[31m',
      outlet: 'Out\u001b[2Jlet',
      title: 'Harbour \u001b]0;pwned\u0007news',
      text: 'Ships left the harbour \u001b[2J on Monday.',
    };
    writeFileSync(feed, JSON.stringify(record));
    await runCli(['ingest', feed, '--db', own, '-j', '0', '--layers', 'sentences']);
    for (const args of [['search', 'harbour', '--facets'], ['report']]) {
      const r = await runCli([...args, '--db', own]);
      expect(r.stdout).toContain('Out␛[2Jlet');
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    const table = (await runCli(['search', 'harbour', '--db', own])).stdout;
    // The same length: the highlights still fall on the words.
    expect(table).toContain('esc␛[31m  [Harbour] ␛]0;pwned␇news');
    expect(table).toContain('left the [harbour] ␛[2J on');
  }, 60_000);

  it('counts a record a feed repeats without an id once, wherever the batches are cut', async () => {
    const root = tempDir();
    const a = 'Port reopens. Ships left the harbour on Monday.';
    const b = 'Rail strike ends. Trains ran again on Tuesday.';
    const feed = join(root, 'feed.jsonl');
    // The repeat gets the same id (its text's hash); one record keeps an id with two texts.
    const lines = [{ text: a }, { text: b }, { text: a }, { id: 'x', text: a }, { id: 'x', text: b }];
    writeFileSync(feed, lines.map((l) => JSON.stringify(l)).join('\n'));
    for (const batch of ['100', '1']) {
      const own = join(root, `feed-${batch}.db`);
      const r = await runCli([
        'ingest',
        feed,
        '--db',
        own,
        '-j',
        '0',
        '--layers',
        'sentences',
        '--batch',
        batch,
      ]);
      expect(r.stderr).toMatch(/added 3, unchanged 1, replaced 1, failed 0/);
      expect(await stored(own, [textId(a), textId(b), 'x'])).toEqual({ documents: 3, texts: [a, b, b] });
    }
  }, 60_000);

  it('stores what was analysed before Ctrl-C, exits 130, and the same command finishes the rest', async () => {
    // Before: ingest had no SIGINT handler, so Ctrl-C killed it with its open batch (up to 500
    // analysed documents) unwritten and nothing said.
    const root = tempDir();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const feed = join(root, 'feed.jsonl');
    writeFileSync(
      feed,
      ids
        .map((id) => JSON.stringify({ id, text: `Port ${id} reopens\nShips left harbour ${id} on Monday.` }))
        .join('\n'),
    );
    const own = join(root, 'interrupted.db');
    const args = ['ingest', feed, '--db', own, '-j', '0', '--layers', 'sentences', '--batch', '2'];
    // Ctrl-C right after the first batch is written; the runner has analysed a few more by then.
    const probe = await openStore(own);
    const proto = Object.getPrototypeOf(probe) as { ingestPrepared: (...a: never[]) => Promise<unknown> };
    await probe.close();
    const original = proto.ingestPrepared;
    let calls = 0;
    const spy = vi.spyOn(proto, 'ingestPrepared').mockImplementation(async function (this: unknown, ...a) {
      const out = await original.apply(this, a);
      if (++calls === 1) process.emit('SIGINT');
      return out;
    });
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(args);
    } finally {
      spy.mockRestore();
    }
    expect(r.code).toBe(130);
    const m = r.stderr.match(
      /interrupted: added (\d+), unchanged 0, replaced 0, failed 0 .*run the same command again/,
    );
    expect(m).not.toBeNull();
    const added = Number(m![1]);
    expect(added).toBeGreaterThanOrEqual(2);
    expect(added).toBeLessThan(ids.length);
    expect((await stored(own, [])).documents).toBe(added);
    expect(process.listenerCount('SIGINT')).toBe(0);
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`added ${ids.length - added}, unchanged ${added}, replaced 0, failed 0`);
    expect((await stored(own, [])).documents).toBe(ids.length);
  }, 60_000);

  it('searches with inflection, filters and facets', async () => {
    const r = await runCli(['search', 'Украина', '--db', db, '--format', 'json', '--facets']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hits.map((h: { id: string }) => h.id)).toEqual(['ru-kiev']);
    expect(out.facets.lang).toEqual([{ value: 'ru', count: 1 }]);
    const en = await runCli(['search', 'sanction', '--lang', 'en', '--db', db, '--format', 'jsonl']);
    const ids = en.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
      .sort();
    expect(ids).toEqual(['kiev-sanctions', 'ok-1']);
    // A code in capitals is the same language; a word that is no code, one line naming the codes.
    const upper = await runCli(['search', 'sanction', '--lang', 'EN', '--db', db, '--format', 'jsonl']);
    expect(upper.stdout).toBe(en.stdout);
    const bad = await runCli(['search', 'sanction', '--lang', 'english', '--db', db]);
    expect(bad.stderr).toMatch(
      /^newsprism: E_BAD_FILTER --lang takes a language code: am, ar, .*, en, .*, und \(got "english"\)\n$/,
    );
    expect(bad.code).toBe(2);
  });

  it('marks the query in titles: the table on the title line, JSON in titleHighlights', async () => {
    const table = await runCli(['search', '"grain corridor"', '--db', db]);
    expect(table.stdout).toMatch(/ kyiv-grain {2}Kyiv says \[grain corridor\] will stay open$/m);
    const r = JSON.parse((await runCli(['search', 'sanctions', '--db', db, '--format', 'json'])).stdout);
    const hit = r.hits.find((h: { id: string }) => h.id === 'kiev-sanctions');
    expect(hit.titleHighlights).toEqual([{ start: 18, end: 27 }]);
    expect(r.hits.find((h: { id: string }) => h.id === 'ok-1')).not.toHaveProperty('titleHighlights');
  });

  it('searches every name of an entity with --all-names, and says which', async () => {
    const literal = await runCli(['search', 'Kyiv', '--db', db, '--format', 'json']);
    expect(
      JSON.parse(literal.stdout)
        .hits.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual(['kyiv-grain', 'ok-1']);
    const r = await runCli(['search', 'Kyiv', '--all-names', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hits.map((h: { id: string }) => h.id).sort()).toEqual([
      'kiev-sanctions',
      'kyiv-grain',
      'ok-1',
      'ru-kiev',
    ]);
    expect(out.expansions.map((e: { entity: string }) => e.entity)).toEqual(['kyiv']);
    const table = await runCli(['search', 'Kyiv', '--all-names', '--db', db]);
    expect(table.stdout).toMatch(/^all names: Kyiv → Kyiv \| Kiev \| .*Киев.* \(kyiv\)$/m);
  });

  it('says that --all-names never expands a prefix, rather than that no word is a name', async () => {
    const r = await runCli(['search', 'Kyi*', '--all-names', '--db', db]);
    expect(r.stdout).toMatch(
      /^all names: a prefix such as Kyi\* is never expanded; give the whole name \(Kyi --all-names\)$/m,
    );
  });

  it('says that --all-names would search the other names when a name found nothing', async () => {
    // The corpus writes Kyiv, Kiev and Киев, never Київ.
    const none = await runCli(['search', 'Київ', '--db', db]);
    expect(none.stdout).toMatch(
      /^0 documents found\n--all-names also searches the entity's other names: Київ → Kyiv, Kiev, .*Киев/m,
    );
    // Nothing to say when the search found something, or the query names no entity.
    expect((await runCli(['search', 'Kyiv', '--db', db])).stdout).not.toContain('--all-names');
    expect((await runCli(['search', 'zzzzqx', '--db', db])).stdout).toBe('0 documents found\n');
  });

  it('reports and exports on every name with --all-names too, saying which on stderr', async () => {
    const report = (...flags: string[]) =>
      runCli(['report', 'Kyiv', ...flags, '--by', 'none', '--format', 'json', '--db', db]);
    const docs = async (...flags: string[]) => JSON.parse((await report(...flags)).stdout)[0].documents;
    expect(await docs()).toBe(2);
    expect(await docs('--all-names')).toBe(4);
    expect((await report()).stderr).toBe('');
    expect((await report('--all-names')).stderr).toMatch(/^all names: Kyiv → Kyiv \| Kiev \| .*\(kyiv\)\n$/);
    const exported = await runCli(['export', 'us', '--all-names', '--format', 'csv', '--db', db]);
    expect(exported.stderr).toMatch(
      /^all names: no word of the query is a gazetteer name \(.*US, not us\)\n$/,
    );
  });

  it('refuses --all-names without a query', async () => {
    const r = await runCli(['search', '--all-names', '--outlet', 'RT', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsprism: E_USAGE --all-names widens a query/);
  });

  it('prints a query error on one line with its column', async () => {
    const r = await runCli(['search', 'sanctions AND (oil', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'newsprism: E_BAD_QUERY unclosed ( at column 15 of "sanctions AND (oil"; add a ) after its terms, or remove it\n',
    );
  });

  it('reports as CSV with one row per group', async () => {
    const r = await runCli(['report', '--by', 'month', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(
      header!.startsWith('outlet,month,documents,words,own_voice,attributed,anonymous,ru_mentions_share'),
    ).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startsWith(',(date not known),4,')).toBe(true);
  });

  it('exports every document as JSONL with its layers, and shows and deletes one', async () => {
    const out = join(dir, 'export.jsonl');
    expect((await runCli(['export', '--db', db, '-o', out])).code).toBe(0);
    const docs = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.id).sort()).toEqual(['kiev-sanctions', 'kyiv-grain', 'ok-1', 'ru-kiev']);
    expect(docs.find((d) => d.id === 'kyiv-grain').text).toContain('Saturday');
    expect(docs[0].producers.quotes).toMatchObject({ name: 'quotes', version: expect.any(Number) });
    // The layers `analyze` writes by default: not the tokens computed for them.
    for (const d of docs) {
      expect(d.sentences.length).toBeGreaterThan(0);
      expect(d.tokens).toBeUndefined();
      expect(d.producers.tokens).toBeUndefined();
    }
    const show = await runCli(['show', 'ru-kiev', '--db', db]);
    expect(JSON.parse(show.stdout).meta.title).toBe('Киев требует новых санкций');
    expect((await runCli(['delete', 'ru-kiev', '--db', db])).code).toBe(0);
    const gone = await runCli(['show', 'ru-kiev', '--db', db]);
    expect(gone.stderr).toMatch(/^newsprism: E_NOT_FOUND no document "ru-kiev" in the store/);
    expect(gone.code).toBe(2);
    // Deleting it again: one line each, saying where the ids are, the id shown without its controls.
    const again = await runCli(['delete', 'ru-kiev', 'x\u001b[2J', '--db', db]);
    expect(again.stderr).toBe(
      'newsprism: E_NOT_FOUND no document "ru-kiev" in the store; list ids with newsprism search\n' +
        'newsprism: E_NOT_FOUND no document "x\\x1b[2J" in the store; list ids with newsprism search\n' +
        'newsprism: deleted 0 of 2\n',
    );
    expect(again.code).toBe(1);
    const stats = JSON.parse((await runCli(['stats', '--db', db, '-f', 'json'])).stdout);
    expect(stats).toMatchObject({ backend: 'sqlite', documents: 3, schemaVersion: SCHEMA_VERSION });
    // The text says how many documents the outlet and date lines leave out (plain texts have neither).
    const text = (await runCli(['stats', '--db', db])).stdout;
    expect(text).toMatch(/^outlets {5}0 \(3 documents without an outlet\)$/m);
    expect(text).toMatch(/^dates {7}— … — \(3 documents without a date\)$/m);
  });

  it('reanalyzes only stale documents', async () => {
    const r = await runCli(['reanalyze', '--db', db]);
    expect(r.stderr).toMatch(/reanalysed 0 of 3 documents/);
  }, 60_000);

  it('reanalyzes a document whose quotes came from an older analyzer, keeping its fresh layers', async () => {
    const store = await openStore(db);
    const before = (await store.get('kiev-sanctions'))!;
    const current = before.producers.quotes!;
    // As an older quotes analyzer would have left it: another version, no quotes found.
    await store.ingest(
      [{ ...before, quotes: [], producers: { ...before.producers, quotes: { ...current, version: 1 } } }],
      {
        replace: true,
      },
    );
    await store.close();
    const dry = await runCli(['reanalyze', '--db', db, '--dry-run']);
    expect(dry.stderr).toMatch(/would reanalyse 1 of 3 documents/);
    const r = await runCli(['reanalyze', '--db', db]);
    expect(r.stderr).toMatch(/reanalysed 1 of 3 documents/);
    const again = await openStore(db);
    const after = (await again.get('kiev-sanctions'))!;
    await again.close();
    expect(after.producers.quotes).toEqual(current);
    expect(after.quotes).toEqual(before.quotes);
    expect(after.quotes!.length).toBeGreaterThan(0);
    expect(after.entities).toEqual(before.entities);
    // Tokens were computed again for quotes, and stay out as ingest left them out.
    expect(before.tokens).toBeUndefined();
    expect(after.tokens).toBeUndefined();
  }, 60_000);

  it('stores the layers analyze writes: tokens only when asked for, then not stale', async () => {
    const file = join(dir, 'kiev-sanctions.txt');
    const analysed = JSON.parse((await runCli(['analyze', '-j', '0', file])).stdout);
    const plain = join(dir, 'plain.db');
    expect((await runCli(['ingest', '-j', '0', file, '--db', plain])).code).toBe(0);
    const shown = JSON.parse((await runCli(['show', 'kiev-sanctions', '--db', plain])).stdout);
    expect(Object.keys(shown)).toEqual(Object.keys(analysed));
    expect(Object.keys(shown.producers)).toEqual(Object.keys(analysed.producers));
    expect(shown.tokens).toBeUndefined();
    const withTokens = join(dir, 'tokens.db');
    expect((await runCli(['ingest', file, '-l', '+tokens', '--db', withTokens])).code).toBe(0);
    const full = JSON.parse((await runCli(['show', 'kiev-sanctions', '--db', withTokens])).stdout);
    expect(full.tokens.length).toBeGreaterThan(10);
    expect(full.producers.tokens).toMatchObject({ name: 'tokens' });
    expect(Object.keys(full).filter((k) => !(k in shown))).toEqual(['tokens']);
    for (const db of [plain, withTokens]) {
      const r = await runCli(['reanalyze', '--db', db, '--dry-run']);
      expect(r.stderr).toMatch(/would reanalyse 0 of 1 documents/);
    }
    // `+tokens` as analyze reads it: added to the stored layers, which stay.
    const plus = await runCli(['reanalyze', '--db', plain, '--layers', '+tokens']);
    expect(plus.stderr).toMatch(/reanalysed 1 of 1 documents/);
    const added = JSON.parse((await runCli(['show', 'kiev-sanctions', '--db', plain])).stdout);
    expect(Object.keys(added).sort()).toEqual(Object.keys(full).sort());
    expect(added.tokens).toEqual(full.tokens);
    const bad = await runCli(['reanalyze', '--db', plain, '--layers', '+tokenz']);
    expect(bad.stderr).toMatch(/^newsprism: E_UNKNOWN_LAYER unknown layer "tokenz" in --layers; known: /);
  }, 60_000);

  it('refuses a --db that is not a database, and --queue on SQLite', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const r = await runCli(['search', 'x', '--db', notes]);
    expect(r.stderr).toMatch(/^newsprism: E_DB_NOT_DATABASE /);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const q = await runCli(['ingest', join(dir, 'kiev-sanctions.txt'), '--queue', '--db', db]);
    expect(q.stderr).toMatch(/E_QUEUE_NEEDS_POSTGRES/);
  });

  it('refuses a mistyped --db in the commands that read a corpus, creating no empty store', async () => {
    const typo = join(dir, 'corpsu.db');
    for (const argv of [
      ['search', 'Kyiv'],
      ['stats'],
      ['report'],
      ['export'],
      ['show', 'kyiv-grain'],
      ['delete', 'kyiv-grain'],
      ['reanalyze', '--dry-run'],
      ['reuse'],
      ['stories'],
    ]) {
      const r = await runCli([...argv, '--db', typo]);
      expect(r.stderr, argv[0]).toBe(
        `newsprism: E_DB_NOT_FOUND no store at ${typo}; check --db (or $NEWSPRISM_DB), or make one with newsprism ingest\n`,
      );
      expect(r.code, argv[0]).toBe(2);
      expect(existsSync(typo), argv[0]).toBe(false);
    }
    // ingest makes the store.
    expect((await runCli(['ingest', join(dir, 'kiev-sanctions.txt'), '--db', typo])).code).toBe(0);
    expect((await runCli(['stats', '--db', typo])).code).toBe(0);
  }, 60_000);
});
