import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import type { TermForm } from './term-types.js';
import { indexShipped, TERM_FILES } from './terms.js';

const dir = mkdtempSync(join(tmpdir(), 'newsprism-terms-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const own = (lang: string, concepts: unknown[]) => ({
  format: 'newsprism-terms/1',
  lang,
  provenances: {
    'my-kremlin': { pole: 'ru', description: 'my label' },
    plain: { pole: 'neutral', description: '' },
  },
  sources: { mine: 'my reading' },
  concepts,
});

describe('naming terms of one’s own', () => {
  const english = file(
    'en.json',
    own('en', [
      // A new form of a shipped concept, and a new concept.
      {
        id: 'war',
        description: '',
        forms: [
          {
            form: 'operation Z',
            pole: 'ru',
            provenance: 'my-kremlin',
            sources: ['mine'],
            why: '',
            patterns: ['operation Z'],
          },
        ],
      },
      {
        id: 'west',
        description: 'the West',
        forms: [
          {
            form: 'collective West',
            pole: 'ru',
            provenance: 'my-kremlin',
            sources: ['mine'],
            why: '',
            patterns: ['collective West'],
          },
        ],
      },
    ]),
  );
  const ukrainian = file(
    'uk.json',
    own('uk', [
      {
        id: 'war',
        description: '',
        forms: [
          {
            form: 'повномасштабне вторгнення',
            pole: 'neutral',
            provenance: 'plain',
            sources: [],
            why: '',
            patterns: ['повномасштабн* вторгнен*'],
          },
        ],
      },
    ]),
  );

  it('adds forms and concepts to the shipped ones of its language', async () => {
    const p = await createPipeline({
      layers: ['naming'],
      options: { naming: { terms: [english, ukrainian] } },
    });
    const text = 'The collective West answered operation Z, the special military operation, with sanctions.';
    const terms = p.run({ id: 'e', text, meta: { lang: 'en' } }).naming!.terms;
    const rows = terms.flatMap((t) =>
      t.mentions.map((m) => `${text.slice(m.start, m.end)} | ${t.concept} | ${t.form}`),
    );
    expect(rows.sort()).toEqual([
      'collective West | west | collective West',
      'operation Z | war | operation Z',
      'special military operation | war | special military operation',
    ]);
  });

  it('gives a language without shipped terms its own', async () => {
    const p = await createPipeline({ layers: ['naming'], options: { naming: { terms: [ukrainian] } } });
    const text = 'Від початку повномасштабного вторгнення минуло два роки.';
    const t = p.run({ id: 'u', text, meta: { lang: 'uk' } }).naming!.terms[0]!;
    expect(text.slice(t.mentions[0]!.start, t.mentions[0]!.end)).toBe('повномасштабного вторгнення');
  });

  // `referents.elsewhere` in a file of one's own: a rule's clause, word before and words after
  // drop matches of its concepts only (here Ukrainian, a language without a shipped file).
  it('drops matches of a concept that another event disqualifies (referents.elsewhere)', async () => {
    const path = file('elsewhere.json', {
      ...own('uk', [
        {
          id: 'war',
          description: '',
          forms: [
            {
              form: 'вторгнення',
              pole: 'neutral',
              provenance: 'plain',
              sources: [],
              why: '',
              patterns: ['вторгнення'],
            },
          ],
        },
      ]),
      referents: {
        near: 'Україн',
        window: 100,
        elsewhere: [{ concepts: ['war'], clause: 'Ірак', before: 'туристичн\\S*', after: 'до Польщі' }],
      },
    });
    const p = await createPipeline({ layers: ['naming'], options: { naming: { terms: [path] } } });
    const text =
      'Вторгнення в Ірак осудили. Туристичне вторгнення триває. Вторгнення до Польщі не буде. Вторгнення триває третій рік.';
    const spans = p
      .run({ id: 'u', text, meta: { lang: 'uk' } })
      .naming!.terms.flatMap((t) => t.mentions.map((m) => [m.start, text.slice(m.start, m.end)]));
    expect(spans).toEqual([[text.lastIndexOf('Вторгнення'), 'Вторгнення']]);
  });

  it.each([
    ['not JSON', file('bad.json', '{ nope')],
    ['no format tag', file('untagged.json', { lang: 'en', concepts: [] })],
    ['missing file', join(dir, 'absent.json')],
    [
      'a provenance of another pole',
      file(
        'pole.json',
        own('en', [
          {
            id: 'x',
            description: '',
            forms: [
              { form: 'x', pole: 'ua', provenance: 'my-kremlin', sources: [], why: '', patterns: ['xyz'] },
            ],
          },
        ]),
      ),
    ],
    [
      'a pattern that cannot be indexed',
      file(
        'short.json',
        own('en', [
          {
            id: 'x',
            description: '',
            forms: [
              { form: 'x', pole: 'ru', provenance: 'my-kremlin', sources: [], why: '', patterns: ['x*'] },
            ],
          },
        ]),
      ),
    ],
    [
      'a pattern of words that must precede and nothing to match',
      file(
        'lead.json',
        own('en', [
          {
            id: 'x',
            description: '',
            forms: [
              {
                form: 'x',
                pole: 'ru',
                provenance: 'my-kremlin',
                sources: [],
                why: '',
                patterns: ['<the <Russian'],
              },
            ],
          },
        ]),
      ),
    ],
    [
      'an elsewhere rule that is not a regular expression',
      file('elsewhere-bad.json', {
        ...own('uk', []),
        referents: { near: 'Україн', window: 100, elsewhere: [{ concepts: ['war'], clause: '(unclosed' }] },
      }),
    ],
    [
      'an elsewhere rule whose wording is not a regular expression',
      file('elsewhere-matching.json', {
        ...own('uk', []),
        referents: {
          near: 'Україн',
          window: 100,
          elsewhere: [{ concepts: ['war'], matching: '^(спецоп', clause: 'СБУ' }],
        },
      }),
    ],
    ...['24.02.2022', '2022-02-30', '2022-2-24'].map((day): [string, string] => [
      `an elsewhere publishedBefore that is not a YYYY-MM-DD day (${day})`,
      file(`elsewhere-day-${day}.json`, {
        ...own('uk', []),
        referents: { near: 'Україн', window: 100, elsewhere: [{ concepts: ['war'], publishedBefore: day }] },
      }),
    ]),
    [
      'contextual patterns in a language without referents',
      file(
        'contextual.json',
        own('uk', [
          {
            id: 'war',
            description: '',
            forms: [
              {
                form: 'агресія',
                pole: 'ua',
                provenance: 'plain',
                sources: [],
                why: '',
                patterns: [],
                contextual: ['ця агресія'],
              },
            ],
          },
        ]),
      ),
    ],
  ])('rejects a bad file (%s) with E_TERMS when the pipeline is set up', async (_name, path) => {
    const code = 'E_TERMS';
    await expect(
      createPipeline({ layers: ['naming'], options: { naming: { terms: [path] } } }),
    ).rejects.toMatchObject({
      code,
    });
  });

  // A shipped file is compiled when the pipeline is set up; a bad entry there is a broken
  // install (E_MODEL_INVALID naming the file, the concept, the form and the pattern), never a
  // layer that fails on every document and so finds nothing.
  it.each([
    [
      'a pattern that cannot be indexed',
      { patterns: ['in*vasion', 'x*'] },
      /terms\.en\.json.*concept war, form "broken": naming pattern "x\*"/,
    ],
    [
      'a provenance of another pole',
      { pole: 'ua' },
      /terms\.en\.json.*"broken" has provenance kremlin-official of another pole/,
    ],
  ])('fails loudly on a shipped file with %s', (_name, change, message) => {
    const en = TERM_FILES.en!;
    const [war, ...rest] = en.concepts;
    const broken = {
      form: 'broken',
      pole: 'ru' as const,
      provenance: 'kremlin-official',
      sources: [],
      why: '',
      patterns: ['broken form'],
      ...change,
    } as TermForm;
    const file = { ...en, concepts: [{ ...war!, forms: [...war!.forms, broken] }, ...rest] };
    let err: unknown;
    try {
      indexShipped(file);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'E_MODEL_INVALID', message: expect.stringMatching(message) });
    // The file as shipped compiles.
    expect(indexShipped(en).byKey.size).toBeGreaterThan(0);
  });
});
