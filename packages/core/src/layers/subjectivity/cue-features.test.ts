import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { sentenceWords } from '../claims/words.js';
import { addStems, addSubjectivityCues, type CueSink, compileCues, quotedSpans } from './cue-features.js';

// Collects what the cue functions add, with names and hashes side by side.
function collect(run: (sink: CueSink) => void): { names: string[]; hashes: number[]; values: number[] } {
  const names: string[] = [];
  const hashes: number[] = [];
  const values: number[] = [];
  run({
    names,
    hashed(h, v, name) {
      hashes.push(h);
      values.push(v);
      names.push(name!);
    },
  });
  return { names, hashes, values };
}

const cues = (text: string, lang = 'en') =>
  collect((s) => addSubjectivityCues(text, sentenceWords(text), lang, s)).names;

describe('addSubjectivityCues', () => {
  it.each([
    [
      'This shameful plan is utterly absurd!',
      ['k:evalNeg', 'k:evalNeg=2-3', 'k:intens', 'k:excl'],
      ['k:factual'],
    ],
    ['The ministry said on Monday that 40 schools reopened.', ['k:factual', 'k:evalShare=0'], ['k:evalNeg']],
    ['Why should we pay for their mistakes?', ['k:endQ', 'k:whQ', 'k:first', 'k:modalMust'], ['k:excl']],
    ['But perhaps the council simply forgot.', ['k:opener', 'k:hedge', 'k:certainty'], ['k:endQ']],
    ['The so-called “experts” were wrong again.', ['k:scare=1', 'k:evalNeg'], ['k:speech']],
    ['“We will rebuild the bridge by spring,” the mayor said.', ['k:speech'], ['k:scare=1']],
    ['Prices rose sharply — and predictably — after the vote.', ['k:dash', 'k:adverbLy', 'k:stance'], []],
    ['A glorious, ambitious and expensive scheme.', ['k:evalPos', 'k:adjOus'], ['k:adjIve']],
  ])('%s', (text, present, absent) => {
    const names = cues(text);
    for (const n of present) expect(names).toContain(n);
    for (const n of absent) expect(names).not.toContain(n);
  });

  it('reads US in capitals as the country, not the first person', () => {
    expect(cues('The US imposed new tariffs.')).not.toContain('k:first');
    expect(cues('The tariffs hurt us.')).toContain('k:first');
  });

  it('counts a listed word once, by its class, not again by its ending', () => {
    // `expensive` is listed as not-suffixed, `glorious` is an evaluative word.
    expect(cues('A glorious and expensive scheme.')).not.toContain('k:adjIve');
  });

  it('hashes every name as hashString does', () => {
    const r = collect((s) =>
      addSubjectivityCues('Sadly, we simply failed.', ['sadly', 'we', 'simply', 'failed'], 'en', s),
    );
    expect(r.names.length).toBeGreaterThan(3);
    expect(r.hashes).toEqual(r.names.map((n) => hashString(n)));
  });

  it('keeps only surface marks for a language without cue lists', () => {
    expect(cues('Это позор!', 'ru')).toEqual(['k:excl']);
  });
});

describe('quotedSpans', () => {
  it.each([
    ['He called it “a hoax” twice.', 1, 0],
    ['“This is the best budget in a decade,” she said.', 0, 2],
    ['No quotes here at all.', 0, 0],
    ['The “reform” and the “savings” never came.', 2, 0],
  ])('%s', (text, scare, speech) => {
    expect(quotedSpans(text)).toEqual({ scare, speech });
  });
});

describe('addStems', () => {
  it('adds a stem and an ending per word of seven letters or more, hashed as their names', () => {
    const r = collect((s) => addStems(['the', 'disenchanted', 'voters'], s));
    expect(r.names).toEqual(['t:disen', 'e:nted']);
    expect(r.values).toEqual([0.5, 0.5]);
    expect(r.hashes).toEqual(r.names.map((n) => hashString(n)));
  });
});

describe('compileCues', () => {
  it('orders endings longest first and maps a word to each of its classes once', () => {
    const c = compileCues({
      words: { a: ['odd', 'odd'], b: ['odd'] },
      suffixes: { x: ['ly'], y: ['ical'] },
      notSuffixed: ['only'],
    });
    expect(c.endings.map((e) => e[0])).toEqual(['ical', 'ly']);
    expect(c.classes.get('odd')!.map((i) => c.names[i])).toEqual(['a', 'b']);
  });
});
