import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

const row = (...cols: string[]) => cols.join('\t');
// Gold columns deliberately wrong (X, lemma "zzz"), so the test sees them replaced.
const EN = [
  '# sent_id = talks-1',
  '# text = Officials didn’t comment.',
  row('1', 'Officials', 'zzz', 'X', 'NNS', '_', '3', 'nsubj', '_', '_'),
  row('2-3', 'didn’t', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('2', 'did', 'zzz', 'X', 'VBD', '_', '3', 'aux', '_', '_'),
  row('3', 'n’t', 'zzz', 'X', 'RB', '_', '0', 'root', '_', 'SpaceAfter=No'),
  row('4', 'comment', 'zzz', 'X', 'VB', '_', '3', 'xcomp', '_', 'SpaceAfter=No'),
  row('5', '.', 'zzz', 'X', '.', '_', '3', 'punct', '_', '_'),
  '',
  '',
].join('\n');

const RU = [
  '# sent_id = 1',
  row('1', 'В', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('2', 'Кремле', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('3', 'заявили', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('4', 'о', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('5', 'переговорах', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('6', 'с', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('7', 'Киевом', '_', '_', '_', '_', '_', '_', '_', '_'),
  row('8', '.', '_', '_', '_', '_', '_', '_', '_', '_'),
  '',
  '',
].join('\n');

const cols = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split('\t'));

describe('newsprism parse', () => {
  it('fills UPOS, LEMMA, FEATS, HEAD and DEPREL, keeping comments, ids, forms, ranges and MISC', async () => {
    const f = join(tempDir(), 'talks.conllu');
    writeFileSync(f, EN);
    const r = await runCli(['parse', f, '--format', 'conllu']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# sent_id = talks-1\n# text = Officials didn’t comment.\n')).toBe(true);
    const got = cols(r.stdout);
    // HEAD and DEPREL (columns 7 and 8) are checked below: the parser's, not the input's.
    expect(got.map((c) => [...c.slice(0, 6), ...c.slice(8)])).toEqual([
      ['1', 'Officials', 'official', 'NOUN', '_', '_', '_', '_'],
      ['2-3', 'didn’t', '_', '_', '_', '_', '_', '_'],
      ['2', 'did', 'do', 'AUX', '_', '_', '_', '_'],
      ['3', 'n’t', 'not', 'PART', '_', '_', '_', 'SpaceAfter=No'],
      ['4', 'comment', 'comment', 'VERB', '_', '_', '_', 'SpaceAfter=No'],
      ['5', '.', '.', 'PUNCT', '_', '_', '_', '_'],
    ]);
    // One tree over the five words: one root (HEAD 0, DEPREL root), every other head a word.
    const words = got.filter((c) => !c[0]!.includes('-'));
    expect(got[1]!.slice(6, 8)).toEqual(['_', '_']);
    expect(words.filter((c) => c[6] === '0').map((c) => c[7])).toEqual(['root']);
    for (const c of words) {
      expect(Number(c[6])).toBeGreaterThanOrEqual(0);
      expect(Number(c[6])).toBeLessThanOrEqual(5);
      expect(c[6]).not.toBe(c[0]);
      expect(c[7]).toMatch(/^[a-z]+$/);
    }
    expect(words.find((c) => c[1] === 'Officials')!.slice(6, 8)).toEqual(['4', 'nsubj']);
  });

  it('detects Russian and writes case, gender, number, heads and relations', async () => {
    const f = join(tempDir(), 'ru.conllu');
    writeFileSync(f, RU);
    const r = await runCli(['parse', f]);
    expect(r.code).toBe(0);
    const got = cols(r.stdout).map((c) => `${c[1]} ${c[3]} ${c[2]} ${c[5]}`);
    expect(got).toContain('Кремле PROPN Кремль Case=Loc|Gender=Masc|Number=Sing');
    expect(got).toContain('Киевом PROPN Киев Case=Ins|Gender=Masc|Number=Sing');
    expect(got).toContain('В ADP в _');
    // HEAD and DEPREL from the Russian parser: each preposition on its noun, the places on
    // the verb, "с Киевом" on the talks.
    expect(cols(r.stdout).map((c) => `${c[1]} ${c[6]} ${c[7]}`)).toEqual([
      'В 2 case',
      'Кремле 3 obl',
      'заявили 0 root',
      'о 5 case',
      'переговорах 3 obl',
      'с 7 case',
      'Киевом 5 nmod',
      '. 3 punct',
    ]);
  });

  it('skips a malformed line, reports it and exits 1', async () => {
    const f = join(tempDir(), 'bad.conllu');
    writeFileSync(f, EN.replace('4\tcomment', '4 comment'));
    const r = await runCli(['parse', f, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/skipped .*bad\.conllu:7: E_CONLLU expected 10 tab-separated columns/);
    expect(cols(r.stdout).map((c) => c[1])).toEqual(['Officials', 'didn’t', 'did', 'n’t', '.']);
  });

  it('refuses a dependency model that is not one, in one line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talks.conllu'), EN);
    writeFileSync(join(dir, 'deps.json'), '{"format": "newsprism-syntax/1"}');
    const r = await runCli(['parse', join(dir, 'talks.conllu'), '--deps-model', join(dir, 'deps.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^newsprism: E_MODEL_INVALID .*deps\.json is not a newsprism-deps\/1 model; run `newsprism train syntax --set parse=1`/,
    );
  });

  it.each([
    [['parse'], 'E_USAGE'],
    [['parse', 'x.conllu', '--format', 'json'], 'E_USAGE'],
    [['parse', '-', '--lang', 'fr'], 'E_LANGUAGE'],
    [['parse', '-'], 'E_CONLLU'],
  ])('%j fails with %s', async (argv, code) => {
    const r = await runCli(argv, argv.includes('fr') ? EN : '# only a comment\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`newsprism: ${code}`);
  });
});
