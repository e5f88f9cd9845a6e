import type { NewsDocument } from '@newsprism/core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { fixtureDoc } from '../testing/fixture-doc.js';
import { ClaimsPanel, FramesPanel, NamingPanel, TechniquesPanel } from './doc-panels.js';

useJsdom();

const root = useRoot();

const term = (concept: string, form: string, pole: string, voice: string, count: number) => ({
  concept,
  form,
  pole,
  provenance: 'x',
  voice,
  count,
  mentions: [],
});
const doc = (naming: unknown) => ({ naming }) as unknown as NewsDocument;
const profile = { poles: { ua: 1, ru: 2, neutral: 0 }, provenances: {}, ruShare: 0.67, lean: 'ru' };

describe('NamingPanel', () => {
  it('lists the contested terms by voice, with concept and pole, even with no contested name', () => {
    const naming = {
      entities: [],
      terms: [
        term('war', 'special military operation', 'ru', 'outlet', 2),
        term('war', 'invasion', 'ua', 'distanced', 1),
        term('kyiv-government', 'Kiev regime', 'ru', 'quoted', 1),
      ],
      profile,
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root()));
    const rows = [...root().querySelectorAll<HTMLElement>('.naming-terms li')].map((li) => [
      li.dataset.voice,
      li.textContent,
    ]);
    expect(rows).toEqual([
      ['outlet', 'Terms in the outlet’s own words: “special military operation” × 2 (war, ru)'],
      ['quoted', 'Terms in quotations: “Kiev regime” × 1 (kyiv-government, ru)'],
      ['distanced', 'Terms kept at a distance: “invasion” × 1 (war, ua)'],
    ]);
    expect(root().textContent).toContain('Lean: ru');
    expect(root().querySelector('.pole-ua')!.textContent).toContain('invasion');
  });

  it('says what the text writes for a term whose form it never writes (DPR for Donetsk People’s Republic)', () => {
    const text = 'the Donetsk People’s Republic joined Russia after a referendum';
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const naming = {
      entities: [],
      terms: [
        {
          ...term('separatist-republics', 'DPR', 'ru', 'outlet', 1),
          mentions: [at('Donetsk People’s Republic')],
        },
        { ...term('referendum', 'referendum', 'neutral', 'outlet', 1), mentions: [at('referendum')] },
      ],
      profile,
    };
    act(() => render(<NamingPanel doc={{ text, naming } as unknown as NewsDocument} />, root()));
    expect(root().querySelector('.naming-terms li')!.textContent).toBe(
      'Terms in the outlet’s own words: “DPR” × 1 (separatist-republics, ru; written “Donetsk People’s Republic”), “referendum” × 1 (referendum, neutral)',
    );
  });

  it('says there is nothing when neither names nor terms were found (or terms are absent, as in old stores)', () => {
    act(() =>
      render(<NamingPanel doc={doc({ entities: [], profile: { ...profile, ruShare: null } })} />, root()),
    );
    expect(root().querySelector('.empty')!.textContent).toBe('No contested names or terms.');
    expect(root().querySelector('.naming-terms')).toBeNull();
  });

  it('says which repeated paragraphs it did not count, and nothing when none repeats', () => {
    const naming = { entities: [], terms: [term('war', 'invasion', 'ua', 'outlet', 1)], profile };
    const paragraphs = [
      { start: 0, end: 9, role: 'title' },
      { start: 10, end: 19, role: 'title', duplicateOf: 0 },
    ];
    const withParas = (p: unknown[]) => ({ naming, paragraphs: p }) as unknown as NewsDocument;
    act(() => render(<NamingPanel doc={withParas(paragraphs)} />, root()));
    expect(root().querySelector('[data-testid="naming-repeats"]')!.textContent).toBe(
      'Not counted: ¶2, which repeats an earlier paragraph.',
    );
    act(() => render(<NamingPanel doc={withParas(paragraphs.slice(0, 1))} />, root()));
    expect(root().querySelector('[data-testid="naming-repeats"]')).toBeNull();
  });
});

const texts = (sel: string) => [...root().querySelectorAll(sel)].map((e) => e.textContent);

describe('NamingPanel on contested names', () => {
  it('shows nothing for a document without the naming layer', () => {
    act(() => render(<NamingPanel doc={{ ...fixtureDoc(), naming: undefined }} />, root()));
    expect(root().innerHTML).toBe('');
  });

  it('lists each entity with its forms, counts and provenance, and the lean with the Russian-standard share', () => {
    act(() => render(<NamingPanel doc={fixtureDoc()} />, root()));
    expect(root().querySelector('h2')!.textContent).toBe('Naming');
    expect(root().querySelector('p')!.textContent).toBe(
      'Lean: ru · Russian-standard forms 100% (2 of 2 in the outlet’s own words)',
    );
    expect(texts('ul.naming > li')).toEqual([
      'Kyiv: “Kiev” × 1 (ru-derived)',
      'Bakhmut: “Artyomovsk” × 1 (ru-official)',
    ]);
    // Stored before the layer had terms: no list of terms.
    expect(root().querySelector('.naming-terms')).toBeNull();
    expect(root().querySelector('.empty')).toBeNull();
  });

  it('separates an entity’s forms by commas, each coloured by its pole; leaves out a voice without terms', () => {
    const naming = {
      entities: [
        {
          entity: 'kyiv',
          name: 'Kyiv',
          variants: [
            { form: 'Kyiv', provenance: 'ua-official', pole: 'ua', count: 3, mentions: [] },
            { form: 'Kiev', provenance: 'ru-derived', pole: 'ru', count: 1, mentions: [] },
          ],
        },
      ],
      terms: [
        term('occupied_territories', 'occupied territories', 'ua', 'outlet', 2),
        term('war', 'invasion', 'ua', 'outlet', 1),
      ],
      profile: { ...profile, poles: { ua: 3, ru: 1, neutral: 0 }, ruShare: 0.25, lean: 'ua' },
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root()));
    expect(root().querySelector('p')!.textContent).toBe(
      'Lean: ua · Russian-standard forms 25% (1 of 4 in the outlet’s own words)',
    );
    expect(texts('ul.naming > li')).toEqual(['Kyiv: “Kyiv” × 3 (ua-official), “Kiev” × 1 (ru-derived)']);
    expect([...root().querySelectorAll('ul.naming span')].map((s) => s.className)).toEqual([
      'pole-ua',
      'pole-ru',
    ]);
    // One voice only; the concept's underscores read as spaces.
    expect(texts('.naming-terms > li')).toEqual([
      'Terms in the outlet’s own words: “occupied territories” × 2 (occupied territories, ua), “invasion” × 1 (war, ua)',
    ]);
    expect([...root().querySelectorAll('.naming-terms span')].map((s) => s.className)).toEqual([
      'pole-ua',
      'pole-ua',
    ]);
  });

  it('says which of a form’s mentions are quoted or named as another side’s name, and what the quotations count', () => {
    // 004's Bakhmut: 3 mentions, 1 in a quotation, 1 in `(called Bakhmut by Ukraine)`; the
    // lean's 1 of 17 is the one left, in the outlet's own words.
    const naming = {
      entities: [
        {
          entity: 'bakhmut',
          name: 'Bakhmut',
          variants: [
            {
              form: 'Artyomovsk',
              provenance: 'ru-official',
              pole: 'ru',
              count: 5,
              quoted: 0,
              distanced: 0,
              mentions: [],
            },
            {
              form: 'Bakhmut',
              provenance: 'ua-official',
              pole: 'ua',
              count: 3,
              quoted: 1,
              distanced: 1,
              mentions: [],
            },
          ],
        },
      ],
      terms: [],
      profile: {
        ...profile,
        poles: { ua: 1, ru: 5, neutral: 0 },
        quoted: { ua: 1, ru: 0, neutral: 0 },
        ruShare: 5 / 6,
        lean: 'ru',
      },
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root()));
    expect(texts('ul.naming > li')).toEqual([
      "Bakhmut: “Artyomovsk” × 5 (ru-official), “Bakhmut” × 3 (ua-official; 1 in a quotation, 1 named as another side's name)",
    ]);
    expect(root().querySelector('[data-testid="naming-quoted"]')!.textContent).toBe(
      'In quotations: Russian-standard 0, Ukrainian-standard 1, neutral 0',
    );
    act(() => render(<NamingPanel doc={fixtureDoc()} />, root()));
    expect(root().querySelector('[data-testid="naming-quoted"]')).toBeNull();
    // A mention inside a term counts as the term (`на Украине` in `конфликт на Украине`).
    const inTerm = {
      entities: [
        {
          entity: 'ukraine',
          name: 'Ukraine',
          variants: [
            {
              form: 'на Украине',
              provenance: 'ru-norm',
              pole: 'ru',
              count: 1,
              quoted: 0,
              distanced: 0,
              mentions: [{ start: 9, end: 19 }],
            },
          ],
        },
      ],
      terms: [
        { ...term('war', 'конфликт на Украине', 'neutral', 'outlet', 1), mentions: [{ start: 0, end: 19 }] },
      ],
      profile: { ...profile, poles: { ua: 0, ru: 0, neutral: 1 }, ruShare: null, lean: 'neutral' },
    };
    act(() => render(<NamingPanel doc={doc(inTerm)} />, root()));
    expect(texts('ul.naming > li')).toEqual(['Ukraine: “на Украине” × 1 (ru-norm; 1 inside a term)']);
  });

  it('says how few forms a lean rests on: one Ukrainian-standard term is a lean of one', () => {
    const naming = {
      entities: [],
      terms: [term('war', 'агрессия', 'ua', 'outlet', 1)],
      profile: { ...profile, poles: { ua: 1, ru: 0, neutral: 0 }, ruShare: 0, lean: 'ua' },
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root()));
    expect(root().querySelector('p')!.textContent).toBe(
      'Lean: ua · Russian-standard forms 0% (0 of 1 in the outlet’s own words)',
    );
  });

  it('leaves out the Russian-standard share when there is no contested form to count', () => {
    const naming = {
      entities: [],
      terms: [term('war', 'war', 'neutral', 'outlet', 1)],
      profile: { ...profile, ruShare: null, lean: 'neutral' },
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root()));
    expect(root().querySelector('p')!.textContent).toBe('Lean: neutral');
    expect(root().querySelector('ul.naming')).toBeNull();
    expect(texts('.naming-terms > li')).toEqual([
      'Terms in the outlet’s own words: “war” × 1 (war, neutral)',
    ]);
  });
});

describe('FramesPanel', () => {
  it('shows the genre with its probability, and the frames by probability, the selected ones ticked', () => {
    act(() => render(<FramesPanel doc={fixtureDoc()} />, root()));
    expect(root().querySelector('h2')!.textContent).toBe('Frames and genre');
    expect(root().querySelector('p')!.textContent!.replace(/\s+/g, ' ')).toBe(
      'Genre: reporting (70% likely right)',
    );
    const rows = [...root().querySelectorAll('tbody tr')];
    expect(
      rows.map((r) => [
        r.className,
        r.querySelector('th')!.textContent,
        r.querySelector('td:last-child')!.textContent,
      ]),
    ).toEqual([
      ['selected', 'Security and defense ✓', '80%'],
      ['', 'Political', '30%'],
    ]);
    const meters = [...root().querySelectorAll('meter')];
    expect(meters.map((m) => [m.getAttribute('value'), m.getAttribute('aria-label')])).toEqual([
      ['0.8', 'Security and defense 80%'],
      ['0.3', 'Political 30%'],
    ]);
  });

  it('says the genre is uncertain when its score is below one half', () => {
    const genre = { genre: 'reporting', scores: { reporting: 0.406 }, why: [] };
    act(() => render(<FramesPanel doc={{ ...fixtureDoc(), genre } as NewsDocument} />, root()));
    expect(root().querySelector('p')!.textContent!.replace(/\s+/g, ' ')).toBe(
      'Genre: reporting (41% likely right) · uncertain',
    );
  });

  it('says a short text got no genre and no frames, by the diagnostics, with the counts', () => {
    // The messages as the layers write them: the word count, then the language's minimum.
    const diag = (code: string, min: number) => ({
      code,
      severity: 'info',
      message: `${code.split('_')[1]!.toLowerCase()} not given: the text has 59 words, fewer than the ${min} the model needs in "en" (option minWords)`,
    });
    const short = (diagnostics: object[], genre: string | null = null) =>
      ({
        ...fixtureDoc(),
        genre: { genre, scores: genre ? { [genre]: 0.8 } : {}, why: [] },
        frames: [],
        diagnostics,
      }) as NewsDocument;
    const text = () => root().querySelector('p')!.textContent!.replace(/\s+/g, ' ');
    const both = [diag('I_GENRE_TOO_SHORT', 150), diag('I_FRAMES_TOO_SHORT', 150)];
    act(() => render(<FramesPanel doc={short(both)} />, root()));
    expect(text()).toBe('Genre and frames: not given, the text has 59 words; the models need 150.');
    expect(root().querySelector('table')).toBeNull();
    // Each layer has its own minimum: one line each.
    both[0] = diag('I_GENRE_TOO_SHORT', 100);
    act(() => render(<FramesPanel doc={short(both)} />, root()));
    expect([...root().querySelectorAll('p.too-short')].map((x) => x.textContent)).toEqual([
      'Genre: not given, the text has 59 words; the model needs 100.',
      'Frames: not given, the text has 59 words; the model needs 150.',
    ]);
    // A genre given, frames not: the genre shows, then the notice about frames alone.
    act(() => render(<FramesPanel doc={short([both[1]!], 'reporting')} />, root()));
    expect([...root().querySelectorAll('p')].map((x) => x.textContent!.replace(/\s+/g, ' '))).toEqual([
      'Genre: reporting (80% likely right)',
      'Frames: not given, the text has 59 words; the model needs 150.',
    ]);
    // A message without the counts (another wording): still said, without numbers.
    act(() =>
      render(
        <FramesPanel doc={short([{ code: 'I_GENRE_TOO_SHORT', severity: 'info', message: 'short' }])} />,
        root(),
      ),
    );
    expect(text()).toBe('Genre: not given, the text is too short for the model.');
    // Null for another reason (an unsupported language): no genre line, no claim about length.
    act(() =>
      render(
        <FramesPanel doc={short([{ code: 'I_GENRE_LANGUAGE', severity: 'info', message: 'x' }])} />,
        root(),
      ),
    );
    expect(root().querySelector('p')).toBeNull();
  });

  it('shows at most six frames, in the order given (the layer sorts them)', () => {
    const frames = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3].map((score, i) => ({
      frame: `Frame_${i}`,
      score,
      selected: false,
      why: [],
    }));
    act(() =>
      render(<FramesPanel doc={{ ...fixtureDoc(), genre: undefined, frames } as NewsDocument} />, root()),
    );
    expect(texts('tbody th')).toEqual(['Frame 0', 'Frame 1', 'Frame 2', 'Frame 3', 'Frame 4', 'Frame 5']);
    expect(root().querySelector('p')).toBeNull();
  });

  it('shows the genre alone when there are no frames, and nothing when there is neither', () => {
    act(() => render(<FramesPanel doc={{ ...fixtureDoc(), frames: undefined }} />, root()));
    expect(root().querySelector('table')).toBeNull();
    expect(root().textContent).toContain('Genre: reporting');
    render(null, root());
    act(() => render(<FramesPanel doc={{ ...fixtureDoc(), frames: undefined, genre: undefined }} />, root()));
    expect(root().innerHTML).toBe('');
  });
});

describe('ClaimsPanel', () => {
  type Claim = NonNullable<NewsDocument['claims']>[number];
  /** A claim on the first occurrence of `words` in the fixture's text. */
  const claim = (words: string, score: number, checkworthy = true, speaker?: string): Claim => {
    const start = fixtureDoc().text.indexOf(words);
    if (start < 0) throw new Error(words);
    return {
      start,
      end: start + words.length,
      label: 'statement',
      score,
      attrs: { checkworthy, ...(speaker ? { speaker } : {}) },
    } as unknown as Claim;
  };

  it('lists the five most check-worthy claims, highest score first, each jumping to its place', () => {
    const claims = [
      claim('senior official', 0.5),
      claim('refused to be named', 0.9, false),
      claim('the army would hold', 0.7, true, 'senior official'),
      claim('for as long as it takes', 0.2),
      claim('Belgian military expert', 0.6),
      claim('the front was collapsing', 0.95),
      claim('3 of 4 analysts', 0.3),
    ];
    const doc = { ...fixtureDoc(), claims };
    const jumps: number[] = [];
    act(() => render(<ClaimsPanel doc={doc} onJump={(s) => jumps.push(s)} />, root()));
    expect(root().querySelector('h2')!.textContent).toBe('Claims to check');
    // The claim's score is for ranking (a kind prior added to the model's probability): no percent sign.
    expect(root().querySelector('.hint')!.textContent).toBe(
      'Ranked by check-worthiness score (for ranking: not a probability).',
    );
    expect(texts('ol.claims button')).toEqual([
      'the front was collapsing',
      'the army would hold',
      'Belgian military expert',
      'senior official',
      '3 of 4 analysts',
    ]);
    expect(texts('ol.claims .muted')).toEqual([
      'statement · rank score 0.95',
      'statement · rank score 0.70 · senior official',
      'statement · rank score 0.60',
      'statement · rank score 0.50',
      'statement · rank score 0.30',
    ]);
    expect(root().querySelector('ol.claims li')!.textContent).toBe(
      'the front was collapsing statement · rank score 0.95',
    );
    // Six are check-worthy, five are listed: the panel says so.
    expect(root().querySelector('.claims-count')!.textContent).toBe(
      'The 5 highest of 6 check-worthy claims; all are underlined in the text.',
    );
    const buttons = [...root().querySelectorAll<HTMLButtonElement>('ol.claims button')];
    act(() => buttons[1]!.click());
    act(() => buttons[0]!.click());
    expect(jumps).toEqual([claims[2]!.start, claims[5]!.start]);
  });

  it('says so when no claim is check-worthy, and shows nothing without the claims layer', () => {
    act(() =>
      render(
        <ClaimsPanel
          doc={{ ...fixtureDoc(), claims: [claim('senior official', 0.9, false)] }}
          onJump={() => {}}
        />,
        root(),
      ),
    );
    expect(root().querySelector('.empty')!.textContent).toBe('No check-worthy claims.');
    expect(root().querySelector('ol')).toBeNull();
    expect(root().querySelector('.claims-count')).toBeNull();
    render(null, root());
    act(() => render(<ClaimsPanel doc={{ ...fixtureDoc(), claims: undefined }} onJump={() => {}} />, root()));
    expect(root().innerHTML).toBe('');
  });
});

describe('TechniquesPanel', () => {
  it('lists the techniques by paragraph, numbered from 1, each jumping to its paragraph', () => {
    const doc = fixtureDoc();
    doc.techniques!.paragraphs[1]!.techniques.push({ technique: 'Appeal_to_Authority', score: 0.555 });
    const jumps: number[] = [];
    act(() => render(<TechniquesPanel doc={doc} onJump={(s) => jumps.push(s)} />, root()));
    expect(root().querySelector('h2')!.textContent).toBe('Persuasion techniques');
    expect(texts('ul.techniques > li')).toEqual([
      '¶1: Loaded Language 71%',
      '¶2: Doubt 40%, Appeal to Authority 56%',
    ]);
    const buttons = [...root().querySelectorAll<HTMLButtonElement>('ul.techniques button')];
    act(() => buttons[1]!.click());
    act(() => buttons[0]!.click());
    expect(jumps).toEqual([doc.paragraphs![1]!.start, 0]);
    expect(jumps[0]).toBeGreaterThan(0);
    // No near misses: no such list.
    expect(root().querySelector('.near-h')).toBeNull();
  });

  it('jumps to the start of the text when the paragraph is not in the document', () => {
    const doc = { ...fixtureDoc(), paragraphs: undefined };
    const jumps: number[] = [];
    act(() => render(<TechniquesPanel doc={doc} onJump={(s) => jumps.push(s)} />, root()));
    act(() => root().querySelectorAll<HTMLButtonElement>('ul.techniques button')[1]!.click());
    expect(jumps).toEqual([0]);
  });

  it('lists the near misses apart, closest first as given, each jumping to its sentence', () => {
    const doc = fixtureDoc();
    const near = (technique: string, start: number, score: number, cut: number, paragraph: number) => ({
      start,
      end: start + 5,
      technique,
      score,
      cut,
      paragraph,
      why: [],
    });
    doc.techniques = {
      spans: [],
      paragraphs: [],
      nearest: [near('Flag_Waving', 40, 0.3, 0.35, 1), near('Appeal_to_Fear-Prejudice', 120, 0.1, 0.25, 2)],
    } as unknown as NewsDocument['techniques'];
    const jumps: number[] = [];
    act(() => render(<TechniquesPanel doc={doc} onJump={(s) => jumps.push(s)} />, root()));
    expect(root().querySelector('.empty')!.textContent).toBe('None found.');
    expect(root().querySelector('.near-h')!.textContent).toBe('Closest, below the threshold');
    expect(root().querySelector('.hint')!.textContent).toBe(
      'Not findings: the sentences the model came closest to labelling.',
    );
    expect(texts('ul.near > li')).toEqual([
      '¶2: Flag Waving 30% (threshold 35%)',
      '¶3: Appeal to Fear-Prejudice 10% (threshold 25%)',
    ]);
    const buttons = [...root().querySelectorAll<HTMLButtonElement>('ul.near button')];
    act(() => buttons[1]!.click());
    act(() => buttons[0]!.click());
    expect(jumps).toEqual([120, 40]);
  });

  it('shows nothing without the techniques layer, and no near-miss list when it is empty', () => {
    act(() =>
      render(<TechniquesPanel doc={{ ...fixtureDoc(), techniques: undefined }} onJump={() => {}} />, root()),
    );
    expect(root().innerHTML).toBe('');
    const doc = fixtureDoc();
    doc.techniques!.nearest = [];
    act(() => render(<TechniquesPanel doc={doc} onJump={() => {}} />, root()));
    expect(root().querySelector('.near-h')).toBeNull();
    expect(root().querySelector('ul.near')).toBeNull();
  });
});
