// The terminology machinery on patterns and files written here: the pattern language
// (pattern.ts), compiling and merging term files (terms.ts, term-files.ts), the profile
// (profile.ts) and the quotation rule (voice.ts). No pipeline.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NamingTerm } from './build-terms.js';
import { compilePattern, fold, keyAt, lowerCode } from './pattern.js';
import { buildProfile, type PolarMention } from './profile.js';
import { mergeTermFiles, readTermFile } from './term-files.js';
import type { TermFile } from './term-types.js';
import { indexTerms, loadTerms } from './terms.js';
import { inQuotation } from './voice.js';

/** What `source` matches at the start of `text` (undefined for no match). */
function match(source: string, text: string, between: string[] = []): string | undefined {
  const p = compilePattern(source, between);
  p.re.lastIndex = 0;
  let m = p.re.exec(text);
  if (m && p.exact) {
    p.exact.lastIndex = 0;
    m = p.exact.exec(text);
  }
  return m?.[0];
}

describe('compilePattern', () => {
  it.each([
    // `*` any letters; words match across spaces and quotation marks; case-blind; ё = е.
    ['специальн* военн* операци*', 'Специальной  военной операции шли', 'Специальной  военной операции'],
    ['специальн* военн* операци*', 'специальной «военной» операции', 'специальной «военной» операции'],
    ['освобожденн* территори*', 'освобождённых территорий', 'освобождённых территорий'],
    // `~` an optional hyphen or space, `-` any hyphen, `'` any apostrophe.
    ['псевдо~референдум*', 'псевдореферендумы', 'псевдореферендумы'],
    ['псевдо~референдум*', 'псевдо-референдум', 'псевдо-референдум'],
    ['псевдо~референдум*', 'псевдо – референдум', undefined],
    ['псевдо~референдум*', 'псевдо референдум', 'псевдо референдум'],
    ['full-scale war', 'full‑scale war', 'full‑scale war'],
    ['full-scale war', 'full scale war', undefined],
    ["Russia's war", 'Russia’s war', 'Russia’s war'],
    ["Russia's war", 'Russiaʼs war', 'Russiaʼs war'],
    // Alternatives within a word.
    ['war|conflict in Ukraine', 'conflict in Ukraine', 'conflict in Ukraine'],
    // `?` an optional word, `!` a word that must not follow, `&` words that must follow but stay out.
    ['the ?illegal invasion', 'the invasion', 'the invasion'],
    ['the ?illegal invasion', 'the illegal invasion', 'the illegal invasion'],
    ['the invasion !of', 'the invasion of Iraq', undefined],
    ['the invasion !of', 'the invasion ofIraq', 'the invasion'],
    ['the invasion !of', 'the invasion began', 'the invasion'],
    ['освобожденн* &от ВСУ', 'освобождённые от ВСУ', 'освобождённые'],
    ['освобожденн* &от ВСУ', 'освобождённые от врага', undefined],
    // Not the first part of a compound or a longer word.
    ['military', 'military-intelligence', undefined],
    ['military', 'military2', undefined],
    ['military', 'military - intelligence', 'military'],
    ['war', 'warfare', undefined],
    // An acronym matches in capitals only; other words in any case.
    ['SMO', 'SMO began', 'SMO'],
    ['SMO', 'smo began', undefined],
    ['СВО', 'СВО началась', 'СВО'],
    ['СВО', 'Сво началась', undefined],
    ['the SMO zone', 'THE SMO Zone', 'THE SMO Zone'],
    ['the SMO zone', 'the smo zone', undefined],
    ['DPR-2 forces', 'DPR-2 forces', 'DPR-2 forces'],
  ])('%s on %s', (source, text, expected) => {
    expect(match(source, text)).toBe(expected);
  });

  it('lets up to three modifier words of the language stand between the words', () => {
    const between = ['illegal', 'and', 'unprovoked', 'self~styled'];
    expect(match('the invasion', 'the illegal and unprovoked invasion', between)).toBe(
      'the illegal and unprovoked invasion',
    );
    expect(match('the invasion', 'the illegal, unprovoked invasion', between)).toBe(
      'the illegal, unprovoked invasion',
    );
    expect(match('the invasion', 'the self-styled invasion', between)).toBe('the self-styled invasion');
    expect(match('the invasion', 'the illegal and unprovoked and illegal invasion', between)).toBeUndefined();
    expect(match('the invasion', 'the illegal invasion')).toBeUndefined();
  });

  it('keeps a term’s closing quotation mark and the first word’s literal start as its keys', () => {
    const p = compilePattern('Специальн*|СВ* операци*');
    expect(p.prefixes).toEqual(['специальн', 'св']);
    expect(p.keys).toEqual([keyAt('сп', 0), keyAt('св', 0)]);
    expect(p.source).toBe('Специальн*|СВ* операци*');
    // The same start twice gives one key.
    expect(compilePattern('war|wars').keys).toEqual([keyAt('wa', 0)]);
    expect(compilePattern('war').exact).toBeUndefined();
    expect(compilePattern('the SMO').exact).toBeDefined();
    expect(compilePattern('  spaced   out  ').prefixes).toEqual(['spaced']);
  });

  it.each([
    ['?the war', /first word/],
    ['&the war', /first word/],
    ['!the war', /first word/],
    ['the !war here', /first word/],
    ['the &war !here', /first word/],
    ['x* war', /needs 2 letters/],
    ['war|a~b', /"a~b" needs 2 letters/],
  ])('rejects %s', (source, message) => {
    expect(() => compilePattern(source)).toThrow(message);
  });
});

describe('lowerCode, keyAt, fold', () => {
  it('folds Latin and Cyrillic capitals and ё, and leaves the rest', () => {
    const code = (s: string) => String.fromCharCode(lowerCode(s.charCodeAt(0)));
    const from = ['A', 'Z', 'a', '@', '[', 'А', 'Я', 'а', 'я', 'Ё', 'ё', 'É', 'Ω', '1', 'Ї'];
    const to = ['a', 'z', 'a', '@', '[', 'а', 'я', 'а', 'я', 'е', 'е', 'é', 'ω', '1', 'ї'];
    expect(from.map(code)).toEqual(to);
  });

  it('keys a word by its first two folded letters, a one-letter word by its letter alone', () => {
    expect(keyAt('Ёж', 0)).toBe(0x435 * 0x10000 + 0x436);
    expect(keyAt('xAb', 1)).toBe(0x61 * 0x10000 + 0x62);
    expect(keyAt('a', 0)).toBe(0x61 * 0x10000);
    expect(fold('ЁЛКА ёлка')).toBe('елка елка');
  });
});

const file = (over: Partial<TermFile> = {}): TermFile =>
  ({
    format: 'newsprism-terms/1',
    lang: 'xx',
    provenances: { k: { pole: 'ru', description: '' }, u: { pole: 'ua', description: '' } },
    sources: {},
    concepts: [
      {
        id: 'war',
        description: '',
        forms: [
          {
            form: 'operation',
            pole: 'ru',
            provenance: 'k',
            sources: [],
            why: '',
            patterns: ['operation', 'op* z'],
          },
          { form: 'invasion', pole: 'ua', provenance: 'u', sources: [], why: '', patterns: ['invasion'] },
        ],
      },
    ],
    ...over,
  }) as TermFile;

describe('indexTerms', () => {
  it('indexes every pattern by its keys, in file order', () => {
    const idx = indexTerms(file());
    const at = (k: string) =>
      idx.byKey.get(keyAt(k, 0))!.map((p) => [p.source, p.form.form, p.rank, p.contextual]);
    expect(at('op')).toEqual([
      ['operation', 'operation', 0, false],
      ['op* z', 'operation', 1, false],
    ]);
    expect(at('in')).toEqual([['invasion', 'invasion', 2, false]]);
    expect(idx.near).toBeUndefined();
  });

  it('compiles contextual patterns with the referents', () => {
    const f = file({ referents: { near: 'Ukrain', notNear: 'Iraq', window: 50 } });
    f.concepts[0]!.forms[1]!.contextual = ['this aggression'];
    const idx = indexTerms(f);
    expect(idx.byKey.get(keyAt('th', 0))!.map((p) => [p.source, p.contextual, p.rank])).toEqual([
      ['this aggression', true, 3],
    ]);
    expect(idx.near!.near.test('Ukraine')).toBe(true);
    expect(idx.near!.notNear!.test('Iraq')).toBe(true);
    expect(idx.near!.window).toBe(50);
    const noNot = indexTerms(file({ referents: { near: 'Ukrain', window: 9 } }));
    expect(noNot.near).toEqual({ near: /Ukrain/u, window: 9 });
  });

  it('rejects a form of another pole than its provenance, an unknown marked form, contextual or quoted patterns without referents', () => {
    const pole = file();
    pole.concepts[0]!.forms[0]!.pole = 'ua';
    expect(() => indexTerms(pole)).toThrow('naming terms (xx): "operation" has provenance k of another pole');
    const unknown = file();
    unknown.concepts[0]!.forms[0]!.provenance = 'nope';
    expect(() => indexTerms(unknown)).toThrow(/provenance nope of another pole/);
    const marked = file();
    marked.concepts[0]!.marked = 'so-called war';
    expect(() => indexTerms(marked)).toThrow(
      'naming terms (xx): concept war marks to unknown form "so-called war"',
    );
    const fine = file();
    fine.concepts[0]!.marked = 'invasion';
    expect(() => indexTerms(fine)).not.toThrow();
    const ctx = file();
    ctx.concepts[0]!.forms[0]!.contextual = ['this war'];
    expect(() => indexTerms(ctx)).toThrow('"operation" has contextual patterns but the file no referents');
    ctx.concepts[0]!.forms[0]!.contextual = [];
    expect(() => indexTerms(ctx)).not.toThrow();
    ctx.concepts[0]!.forms[0]!.quoted = ['aggression'];
    expect(() => indexTerms(ctx)).toThrow('"operation" has contextual patterns but the file no referents');
  });

  it('compiles quoted patterns as contextual ones that count only inside a quotation', () => {
    const f = file({ referents: { near: 'Ukrain', window: 50 } });
    f.concepts[0]!.forms[1]!.quoted = ['aggression'];
    const [p] = indexTerms(f).byKey.get(keyAt('ag', 0))!;
    expect([p!.source, p!.contextual, p!.quotedOnly]).toEqual(['aggression', true, true]);
  });
});

describe('mergeTermFiles', () => {
  it('adds later provenances, sources, between words and concepts; known concepts get the later forms', () => {
    const a = file({ between: ['and'], sources: { s1: 'one' } });
    const b = file({
      provenances: { k: { pole: 'ru', description: 'later' }, n: { pole: 'neutral', description: '' } },
      sources: { s2: 'two' },
      between: ['or'],
      referents: { near: 'X', window: 1 },
      concepts: [
        {
          id: 'war',
          description: '',
          marked: 'conflict',
          forms: [
            {
              form: 'conflict',
              pole: 'neutral',
              provenance: 'n',
              sources: [],
              why: '',
              patterns: ['conflict'],
            },
          ],
        },
        { id: 'new', description: '', forms: [] },
      ],
    });
    const m = mergeTermFiles([a, b]);
    expect(Object.keys(m.provenances)).toEqual(['k', 'u', 'n']);
    expect(m.provenances.k!.description).toBe('later');
    expect(m.sources).toEqual({ s1: 'one', s2: 'two' });
    expect(m.between).toEqual(['and', 'or']);
    expect(m.referents).toEqual({ near: 'X', window: 1 });
    expect(m.concepts.map((c) => [c.id, c.marked, c.forms.map((f) => f.form)])).toEqual([
      ['war', 'conflict', ['operation', 'invasion', 'conflict']],
      ['new', undefined, []],
    ]);
    // The inputs are left as they were.
    expect(a.concepts[0]!.forms).toHaveLength(2);
    expect(a.provenances.n).toBeUndefined();
    expect(mergeTermFiles([file(), file({ concepts: [] })]).referents).toBeUndefined();
    expect(mergeTermFiles([file({ between: ['x'] }), file()]).between).toEqual(['x']);
    expect(mergeTermFiles([file(), file({ between: ['y'] })]).between).toEqual(['y']);
  });
});

describe('readTermFile and loadTerms', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-terms-unit-'));
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a terms file, filling in empty provenances and sources', () => {
    const path = write('min.json', JSON.stringify({ format: 'newsprism-terms/1', lang: 'xx', concepts: [] }));
    expect(readTermFile(path)).toEqual({
      format: 'newsprism-terms/1',
      lang: 'xx',
      concepts: [],
      provenances: {},
      sources: {},
    });
  });

  it.each([
    ['absent.json', undefined, /cannot read terms file .*absent\.json; check the path/],
    ['bad.json', '{ nope', /bad\.json is not valid JSON/],
    ['untagged.json', '{"lang": "en", "concepts": []}', /untagged\.json is not a terms file/],
    ['nolang.json', '{"format": "newsprism-terms/1", "concepts": []}', /is not a terms file/],
    [
      'noconcepts.json',
      '{"format": "newsprism-terms/1", "lang": "en", "concepts": {}}',
      /is not a terms file/,
    ],
    ['null.json', 'null', /is not a terms file/],
  ])('rejects %s with E_TERMS', (name, content, message) => {
    const path = content === undefined ? join(dir, name) : write(name, content);
    let err: unknown;
    try {
      readTermFile(path);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_TERMS', message: expect.stringMatching(message) });
  });

  it('loads the shipped terms of a language once, none for a language without', () => {
    const en = loadTerms('en');
    expect(en).toBe(loadTerms('en'));
    expect(en!.file.lang).toBe('en');
    expect(loadTerms('ru')!.file.lang).toBe('ru');
    expect(loadTerms('de')).toBeUndefined();
  });

  it('adds a user file of the language, gives a language without shipped terms its own, and ignores other languages', () => {
    const own = write('own.json', JSON.stringify(file({ lang: 'uk' })));
    const uk = loadTerms('uk', [own])!;
    expect(uk.file.concepts.map((c) => c.id)).toEqual(['war']);
    const en = loadTerms('en', [own])!;
    expect(en.file.concepts.length).toBe(loadTerms('en')!.file.concepts.length);
    expect(loadTerms('de', [own])).toBeUndefined();
  });

  it('turns a user file that does not compile into E_TERMS, with the fix', () => {
    const bad = file({ lang: 'uk' });
    bad.concepts[0]!.forms[0]!.pole = 'ua';
    const path = write('pole.json', JSON.stringify(bad));
    let err: unknown;
    try {
      loadTerms('uk', [path]);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'E_TERMS',
      message:
        'naming terms (uk): "operation" has provenance k of another pole; fix the terms file (see layers/naming/README.md)',
    });
    // A usage error of reading comes through as it is.
    expect(() => loadTerms('uk', [join(dir, 'gone.json')])).toThrow(/cannot read terms file/);
  });
});

describe('buildProfile', () => {
  const name = (
    pole: PolarMention['pole'],
    provenance: string,
    start: number,
    quoted = false,
  ): PolarMention => ({
    start,
    end: start + 4,
    pole,
    provenance,
    quoted,
  });
  const term = (
    pole: NamingTerm['pole'],
    voice: NamingTerm['voice'],
    count: number,
    start = 1000,
  ): NamingTerm => ({
    concept: 'war',
    form: 'f',
    pole,
    provenance: `p-${pole}`,
    voice,
    count,
    mentions: [{ start, end: start + 5 }],
  });

  it('counts names and terms by voice; distanced terms for the other pole; names inside terms once', () => {
    const p = buildProfile(
      [name('ru', 'ru-derived', 0), name('ua', 'uk-derived', 10, true), name('ru', 'ru-derived', 1001)],
      [
        term('ru', 'outlet', 2),
        term('ua', 'quoted', 1, 2000),
        term('ru', 'distanced', 1, 3000),
        term('neutral', 'distanced', 1, 4000),
      ],
    );
    expect(p.poles).toEqual({ ru: 3, ua: 1, neutral: 1 });
    expect(p.quoted).toEqual({ ru: 0, ua: 2, neutral: 0 });
    expect(p.distanced).toEqual({ ru: 1, ua: 0, neutral: 1 });
    expect(p.provenances).toEqual({ 'ru-derived': 1, 'p-ru': 2 });
    expect(p.ruShare).toBe(0.75);
    expect(p.lean).toBe('mixed');
  });

  it.each([
    [4, 1, 0, 0.8, 'ru'],
    [1, 4, 0, 0.2, 'ua'],
    [2, 1, 0, 0.667, 'mixed'],
    [1, 3, 0, 0.25, 'mixed'],
    [0, 0, 2, null, 'neutral'],
    [0, 0, 0, null, 'none'],
  ])('ru %i, ua %i, neutral %i: share %s, lean %s', (ru, ua, neutral, share, lean) => {
    const names = [
      ...Array.from({ length: ru }, (_, i) => name('ru', 'r', i * 10)),
      ...Array.from({ length: ua }, (_, i) => name('ua', 'u', 100 + i * 10)),
      ...Array.from({ length: neutral }, (_, i) => name('neutral', 'n', 200 + i * 10)),
    ];
    const p = buildProfile(names, []);
    expect([p.ruShare, p.lean]).toEqual([share, lean]);
  });
});

describe('inQuotation', () => {
  const m = { start: 10, end: 20 };
  it('takes a long quotation as the source’s, a short one only when attributed and not a mention', () => {
    // Longer than the term by more than 12 characters.
    expect(inQuotation(m, [{ start: 0, end: 23, attributed: false }])).toBe(true);
    expect(inQuotation(m, [{ start: 0, end: 22, attributed: false }])).toBe(false);
    expect(inQuotation(m, [{ start: 9, end: 21, attributed: true }])).toBe(true);
    expect(inQuotation(m, [{ start: 9, end: 21, attributed: true }], 'scare-quotes')).toBe(true);
    expect(inQuotation(m, [{ start: 9, end: 21, attributed: true }], 'mention')).toBe(false);
    // Around the whole term; or, attributed, holding its beginning (`"военная агрессия" России`).
    expect(inQuotation(m, [{ start: 11, end: 60, attributed: true }])).toBe(false);
    expect(inQuotation(m, [{ start: 0, end: 19, attributed: true }])).toBe(true);
    expect(inQuotation(m, [{ start: 0, end: 19, attributed: false }])).toBe(false);
    expect(inQuotation(m, [{ start: 0, end: 19, attributed: true }], 'mention')).toBe(false);
    // The closing mark right after the term's first character: no word of it inside.
    expect(inQuotation(m, [{ start: 0, end: 11, attributed: true }])).toBe(false);
    expect(inQuotation(m, [{ start: 0, end: 12, attributed: true }])).toBe(true);
    expect(inQuotation(m, [{ start: 10, end: 20, attributed: true }])).toBe(true);
    expect(inQuotation(m, [])).toBe(false);
  });
});
