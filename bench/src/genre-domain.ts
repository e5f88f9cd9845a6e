import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPipeline } from '@newsprism/core';
import { sharedTexts } from './all-texts.js';
import { sharedData } from './corpus.js';
import { r3 } from './stats.js';

/**
 * `node --import tsx bench/src/genre-domain.ts [--model FILE]… [--prior P]…` (issue 18): the genre layer on
 * news reports from outside its training data, which carry no genre label but are plainly (or
 * mostly) reporting — the unlabelled-domain check. Per set and detected language: how many texts
 * got a genre (the layer's own minimum length applies, as for a user), the share called
 * reporting / opinion / satire, and the mean shown score (of the chosen genre, and of the texts
 * called opinion). Sets:
 * - `polnear-wire/<part>`: PolNeAR articles (`train`, `dev`) credited to a wire service (AP, AFP, UPI,
 *   Reuters) in `metadata.tsv` — wire news, reporting by construction;
 * - `polnear-mainstream`: PolNeAR articles of NYT, Washington Post, USA Today and Politico
 *   (2016 election news; mostly reports, some analysis);
 * - `polnear-partisan`: the other PolNeAR publishers' own articles (Breitbart, Western Journal,
 *   HuffPost) — news-styled, more opinion expected;
 * - `conll2003`: CoNLL-2003's Reuters documents (1996–97) of at least 150 words whose lines
 *   mostly end a sentence (results tables left out);
 * - `story-similarity`: the news articles of the SemEval-2022 story-similarity pairs with line
 *   breaks (mixed: reports, features, some opinion; a per-language check, not a gold set), and
 *   `story-similarity/one-line`: those joined into one line (title and body in one paragraph).
 * The PolNeAR sets are split by part because `train genre --set addReporting=polnear-…` trains on
 * the `train` part: the `dev` part and the other sets stay unseen.
 * Each `--model` is a genre model file run in place of the shipped one (none: the shipped
 * model), each `--prior` the layer's run-time prior (`news-wire`, `newspaper` or JSON shares;
 * `''`: none); the table has one block per model and prior.
 */

interface DomainText {
  set: string;
  text: string;
}

/** PolNeAR's texts by publisher group (wire credit from `metadata.tsv`). */
function polnearTexts(data: string): DomainText[] {
  const dir = join(data, 'polnear');
  if (!existsSync(dir)) return [];
  const meta = new Map<string, { publisher: string; wire: string }>();
  const rows = readFileSync(join(dir, 'metadata.tsv'), 'utf8').split('\n');
  const head = rows[0]!.split('\t');
  const at = (name: string) => head.indexOf(name);
  for (const row of rows.slice(1)) {
    const c = row.split('\t');
    if (c.length < head.length) continue;
    meta.set(c[at('filename')]!, { publisher: c[at('publisher')]!, wire: c[at('wire')]! });
  }
  const out: DomainText[] = [];
  for (const part of ['train', 'dev']) {
    const tdir = join(dir, part, 'text');
    if (!existsSync(tdir)) continue;
    for (const f of readdirSync(tdir).sort()) {
      const m = meta.get(f.replace(/\.txt$/, ''));
      if (!m) continue;
      const wire = !['', 'None', 'NA'].includes(m.wire);
      const set = wire
        ? 'polnear-wire'
        : ['nyt', 'wash-post', 'usa-today', 'politico'].includes(m.publisher)
          ? 'polnear-mainstream'
          : 'polnear-partisan';
      out.push({ set: `${set}/${part}`, text: readFileSync(join(tdir, f), 'utf8') });
    }
  }
  return out;
}

/** Prose: at least 150 words, and most lines end a sentence (not a results table). */
function isProse(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  const ended = lines.filter((l) => /[.!?"']\s*$/.test(l)).length;
  return (text.match(/\p{L}+/gu)?.length ?? 0) >= 150 && ended >= lines.length / 2;
}

/** Every text of the check. */
export function domainTexts(data: string): DomainText[] {
  const out = polnearTexts(data);
  for (const [id, text] of sharedTexts(data)) {
    if (id.startsWith('conll2003/') && isProse(text)) out.push({ set: 'conll2003', text });
    else if (id.startsWith('story-similarity/'))
      out.push({ set: /\n.*\n/.test(text) ? 'story-similarity' : 'story-similarity/one-line', text });
  }
  return out;
}

/** One row of the check: a set and detected language under one model. */
export interface DomainRow {
  model: string;
  set: string;
  lang: string;
  texts: number;
  decided: number;
  reporting: number;
  opinion: number;
  satire: number;
  meanScore: number;
  meanOpinionScore: number;
}

/**
 * Runs the genre layer (with `model`, or the shipped one, and the option `prior` when given: a
 * preset or JSON shares) over the texts; rows per set and language.
 */
export async function domainCheck(
  texts: readonly DomainText[],
  model = '',
  prior = '',
): Promise<DomainRow[]> {
  const options = {
    ...(model ? { model } : {}),
    ...(prior ? { prior: prior.startsWith('{') ? JSON.parse(prior) : prior } : {}),
  };
  const pipeline = await createPipeline({
    layers: ['genre'],
    ...(model || prior ? { options: { genre: options } } : {}),
  });
  const rows = new Map<string, DomainRow & { sum: number; opSum: number }>();
  for (const t of texts) {
    const doc = pipeline.run({ id: 'domain', text: t.text, meta: { format: 'text' } });
    const lang = doc.language?.code ?? 'und';
    const key = `${t.set}\t${lang}`;
    const r = rows.get(key) ?? {
      model: `${model || 'shipped'}${prior ? ` prior=${prior}` : ''}`,
      set: t.set,
      lang,
      texts: 0,
      decided: 0,
      reporting: 0,
      opinion: 0,
      satire: 0,
      meanScore: 0,
      meanOpinionScore: 0,
      sum: 0,
      opSum: 0,
    };
    rows.set(key, r);
    r.texts++;
    const g = doc.genre?.genre;
    if (!g) continue;
    const s = doc.genre!.scores[g] ?? 0;
    r.decided++;
    r[g]++;
    r.sum += s;
    if (g === 'opinion') r.opSum += s;
  }
  return [...rows.values()]
    .map(({ sum, opSum, ...r }) => ({
      ...r,
      meanScore: r.decided ? r3(sum / r.decided) : 0,
      meanOpinionScore: r.opinion ? r3(opSum / r.opinion) : 0,
    }))
    .sort((a, b) => a.set.localeCompare(b.set) || b.texts - a.texts);
}

async function main(): Promise<void> {
  const data = sharedData();
  if (!data) {
    console.log('genre-domain: skipped, ../shared/data is absent (set NEWSPRISM_SHARED)');
    return;
  }
  const models: string[] = [];
  const args = process.argv.slice(2);
  const priors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--model') models.push(args[++i] ?? '');
    if (args[i] === '--prior') priors.push(args[++i] ?? '');
  }
  const minTexts = 5;
  const texts = domainTexts(data);
  console.log('model\tset\tlang\ttexts\tdecided\treporting\topinion\tsatire\tmean_score\tmean_opinion_score');
  for (const m of models.length ? models : [''])
    for (const prior of priors.length ? priors : [''])
      for (const r of await domainCheck(texts, m, prior)) {
        // Languages without a genre model (es, zh, tr, ar in story-similarity) get no genre.
        if (r.texts < minTexts || r.decided === 0) continue;
        const share = (n: number) => (r.decided ? r3(n / r.decided) : 0);
        console.log(
          [
            r.model,
            r.set,
            r.lang,
            r.texts,
            r.decided,
            share(r.reporting),
            share(r.opinion),
            share(r.satire),
            r.meanScore,
            r.meanOpinionScore,
          ].join('\t'),
        );
      }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
