import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNamingGold } from './gold.js';

/** A data directory of one's own: a `.txt` article and a JSON-lines document with three texts. */
function fixture(labels: string) {
  const data = mkdtempSync(join(tmpdir(), 'naming-gold-'));
  mkdirSync(join(data, 'semeval2023-task3/en/train-articles'), { recursive: true });
  writeFileSync(
    join(data, 'semeval2023-task3/en/train-articles/article1.txt'),
    'Putin’s invasion went on.\n',
  );
  mkdirSync(join(data, 'translations-ru-en'));
  const doc = {
    id: 'paper.7',
    ru: 'Запад пригрозил России в случае вторжения в Украину.',
    en_human: 'The West warned Russia against an invasion of Ukraine.',
    en_machine: 'The West threatened Russia in case of invasion into Ukraine.',
  };
  writeFileSync(
    join(data, 'translations-ru-en/documents.jsonl'),
    `${JSON.stringify({ id: 'other', ru: 'x', en_human: 'y', en_machine: 'z' })}\n${JSON.stringify(doc)}\n`,
  );
  mkdirSync(join(data, 'story-similarity'));
  const pair = {
    pair_id: '11_22',
    lang1: 'ru',
    lang2: 'en',
    text1: 'Вторжение в Украину.',
    text2: 'The invasion.',
  };
  writeFileSync(join(data, 'story-similarity/pairs.jsonl'), `${JSON.stringify(pair)}\n`);
  mkdirSync(join(data, 'ud/ru-taiga'), { recursive: true });
  writeFileSync(
    join(data, 'ud/ru-taiga/t.conllu'),
    '# sent_id = 4\n# text = Это не то.\n1\tЭто\n\n# sent_id = 5\n# genre = social\n# text = Крым наш, СВО идёт.\n1\tКрым\n\n',
  );
  mkdirSync(join(data, 'checkthat-subjectivity'));
  writeFileSync(
    join(data, 'checkthat-subjectivity/train_en.tsv'),
    'sentence_id\tsentence\tlabel\tsolved_conflict\nab-1\tThe invasion went on.\tOBJ\tFalse\n',
  );
  mkdirSync(join(data, 'extraction-benchmark'));
  writeFileSync(
    join(data, 'extraction-benchmark/ground-truth.json'),
    JSON.stringify({ k1: { articleBody: 'The illegal occupation of Crimea.', url: 'u' }, k2: { url: 'v' } }),
  );
  const tsv = join(data, 'labels.tsv');
  writeFileSync(tsv, `# test labels\nset\tfile\tstart\tend\tconcept\tpole\tvoice\n${labels}`);
  return { data, files: [pathToFileURL(tsv)] };
}

describe('naming gold loader', () => {
  it('reads texts from .txt files and from the fields of JSON-lines documents, one article per field', () => {
    const { data, files } = fixture(
      [
        'en23\tarticle1\t0\t16\twar\tua\toutlet',
        'wmt22-ru\tpaper.7\t32\t51\twar\tua\toutlet',
        'wmt22-en-human\tpaper.7\t31\t53\twar\tua\toutlet',
        'wmt22-en-machine\tpaper.7',
      ].join('\n'),
    );
    const arts = loadNamingGold(data, 'final7', files)!;
    expect(arts.map((a) => [a.id, a.lang, a.gold.length])).toEqual([
      ['article1', 'en', 1],
      ['paper.7/ru', 'ru', 1],
      ['paper.7/en_human', 'en', 1],
      ['paper.7/en_machine', 'en', 0],
    ]);
    const spans = arts.flatMap((a) => a.gold.map((g) => a.text.slice(g.start, g.end)));
    expect(spans).toEqual(['Putin’s invasion', 'вторжения в Украину', 'an invasion of Ukraine']);
    expect(arts[3]!.text).toBe('The West threatened Russia in case of invasion into Ukraine.');
  });

  it('reads texts of news pairs by pair id and field, and sentences of CoNLL-U files by sent_id and of TSV files by id', () => {
    const { data, files } = fixture(
      [
        'simil-ru-1\t11_22\t0\t19\twar\tua\toutlet',
        'simil-en-2\t11_22\t4\t12\twar\tua\toutlet',
        'ud-ru-taiga\tt.conllu:5\t10\t13\twar\tru\toutlet',
        'ud-ru-taiga\tt.conllu:4',
        'ct-subj-train\tab-1\t4\t12\twar\tua\toutlet',
      ].join('\n'),
    );
    const arts = loadNamingGold(data, 'final8', files)!;
    expect(arts.map((a) => [a.id, a.lang, a.gold.length])).toEqual([
      ['11_22/text1', 'ru', 1],
      ['11_22/text2', 'en', 1],
      ['t.conllu:5', 'ru', 1],
      ['t.conllu:4', 'ru', 0],
      ['ab-1', 'en', 1],
    ]);
    const spans = arts.flatMap((a) => a.gold.map((g) => a.text.slice(g.start, g.end)));
    expect(spans).toEqual(['Вторжение в Украину', 'invasion', 'СВО', 'invasion']);
    expect(arts[3]!.text).toBe('Это не то.');
    const noSentence = fixture('ud-ru-taiga\tt.conllu:6');
    expect(() => loadNamingGold(noSentence.data, 'final8', noSentence.files)).toThrow(
      expect.objectContaining({ code: 'E_DATA' }),
    );
  });

  it('rebuilds a CoNLL-U sentence without `# text =` from its forms, and unquotes CSV-quoted TSV sentences', () => {
    const { data, files } = fixture(
      [
        'ud-ru-grameval\tg.conllu:n1\t14\t34\tcrimea\tua\toutlet',
        'ud-ru-grameval\tg.conllu:7\t0\t3\tseparatist-republics\tru\toutlet',
        'ud-ru-grameval\tg.conllu:n3',
        'ct24-train\t12\t14\t22\twar\tua\toutlet',
        'ct24-train\t13',
      ].join('\n'),
    );
    const tok = (i: number, form: string, misc = '_') => `${i}\t${form}\t_\t_\t_\t_\t0\t_\t_\t${misc}\n`;
    mkdirSync(join(data, 'ud/ru-grameval2020'), { recursive: true });
    writeFileSync(
      join(data, 'ud/ru-grameval2020/g.conllu'),
      `${tok(1, 'агитировать')}${tok(2, 'в')}${tok(3, 'оккупированном')}${tok(4, 'Крыму', 'SpaceAfter=No')}${tok(5, '.')}\n` +
        `# sent_id = 7\n# text = ДНР и ЛНР\n${tok(1, 'ДНР')}${tok(2, 'и')}${tok(3, 'ЛНР')}\n\n` +
        `${tok(1, 'Крым')}${tok(2, ',')}\n`,
    );
    mkdirSync(join(data, 'checkthat2024-checkworthy'));
    writeFileSync(
      join(data, 'checkthat2024-checkworthy/CT24_checkworthy_english_train.tsv'),
      'Sentence_id\tText\tclass_label\r\n12\t"He said, ""the invasion"" of Ukraine."\tYes\r\n13\tNo quotes.\tNo\r\n',
    );
    const arts = loadNamingGold(data, 'final13', files)!;
    expect(arts.map((a) => [a.id, a.lang, a.text])).toEqual([
      ['g.conllu:n1', 'ru', 'агитировать в оккупированном Крыму.'],
      ['g.conllu:7', 'ru', 'ДНР и ЛНР'],
      ['g.conllu:n3', 'ru', 'Крым ,'],
      ['12', 'en', 'He said, "the invasion" of Ukraine.'],
      ['13', 'en', 'No quotes.'],
    ]);
    expect(arts.flatMap((a) => a.gold.map((g) => a.text.slice(g.start, g.end)))).toEqual([
      'оккупированном Крыму',
      'ДНР',
      'invasion',
    ]);
  });

  it('reads the bodies of extraction-benchmark pages by key, and stops with E_DATA on a key without one', () => {
    const { data, files } = fixture('extract\tk1\t4\t32\tcrimea\tua\toutlet');
    const arts = loadNamingGold(data, 'final12', files)!;
    expect(arts.map((a) => [a.id, a.lang, a.text.slice(a.gold[0]!.start, a.gold[0]!.end)])).toEqual([
      ['k1', 'en', 'illegal occupation of Crimea'],
    ]);
    const noBody = fixture('extract\tk2');
    expect(() => loadNamingGold(noBody.data, 'final12', noBody.files)).toThrow(
      expect.objectContaining({ code: 'E_DATA' }),
    );
  });

  it('dates the texts of a set whose source dates them (PolNeAR), and no other', () => {
    const { data, files } = fixture(
      [
        'polnear-train\tnyt_2016-06-07_a\t9\t23\tstatus-change\tua\toutlet',
        'polnear-dev\twapo_x',
        'en23\tarticle1',
      ].join('\n'),
    );
    mkdirSync(join(data, 'polnear/train/text'), { recursive: true });
    mkdirSync(join(data, 'polnear/dev/text'), { recursive: true });
    writeFileSync(join(data, 'polnear/train/text/nyt_2016-06-07_a.txt'), 'Moscow   annexed Crimea.');
    writeFileSync(join(data, 'polnear/dev/text/wapo_x.txt'), 'Nothing.');
    writeFileSync(
      join(data, 'polnear/metadata.tsv'),
      'compartment\tfilename\tpublisher\tpublication_date\ntrain\tnyt_2016-06-07_a\tnyt\t2016-06-07\ndev\twapo_x\twapo\tNone\n',
    );
    const arts = loadNamingGold(data, 'final8', files)!;
    expect(arts.map((a) => [a.id, a.published])).toEqual([
      ['nyt_2016-06-07_a', '2016-06-07'],
      ['wapo_x', undefined],
      ['article1', undefined],
    ]);
    expect(arts[0]!.text.slice(9, 23)).toBe('annexed Crimea');
  });

  it('stops with E_DATA on a document or a set it cannot find', () => {
    const missing = fixture('wmt22-ru\tpaper.8\t0\t3\twar\tua\toutlet');
    expect(() => loadNamingGold(missing.data, 'final7', missing.files)).toThrow(
      expect.objectContaining({ code: 'E_DATA' }),
    );
    const unknown = fixture('wmt23-xx\tpaper.7\t0\t3\twar\tua\toutlet');
    expect(() => loadNamingGold(unknown.data, 'final7', unknown.files)).toThrow(
      expect.objectContaining({ code: 'E_DATA' }),
    );
  });

  it('is absent (undefined) without the shared data', () => {
    expect(loadNamingGold(join(tmpdir(), 'no-such-data-dir'), 'dev')).toBeUndefined();
  });
});
