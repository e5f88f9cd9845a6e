// The Propaganda Techniques Corpus (PTC v2, SemEval-2020 Task 11) as extra English training
// data of the techniques model (`train techniques --set ptc=1`, issue 18). PTC labels spans
// with 14 techniques of the older scheme; they are mapped to the 23 of SemEval-2023 where one
// name answers for one class, and the two merged classes are kept only as masks (a sentence
// under one trains nothing: it may be any of the classes the merge names).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';
import { fileLines } from '@newsprism/core/train';
import { codePointIndex, type GoldSpan, type SemevalArticle } from './dataset.js';
import { spanTechniques, type TextSpan } from './segment.js';

/** The `dir` of PTC's articles (their keys are `ptc/<id>`). */
export const PTC_DIR = 'ptc';

/** PTC's technique names and the SemEval-2023 technique each stands for (null: a merged class). */
export const PTC_LABELS: Readonly<Record<string, string | null>> = {
  Loaded_Language: 'Loaded_Language',
  'Name_Calling,Labeling': 'Name_Calling-Labeling',
  Repetition: 'Repetition',
  'Exaggeration,Minimisation': 'Exaggeration-Minimisation',
  Doubt: 'Doubt',
  'Appeal_to_fear-prejudice': 'Appeal_to_Fear-Prejudice',
  'Flag-Waving': 'Flag_Waving',
  Causal_Oversimplification: 'Causal_Oversimplification',
  Slogans: 'Slogans',
  Appeal_to_Authority: 'Appeal_to_Authority',
  'Black-and-White_Fallacy': 'False_Dilemma-No_Choice',
  'Thought-terminating_Cliches': 'Conversation_Killer',
  // Whataboutism, Straw_Man, Red_Herring (and Appeal_to_Hypocrisy, which SemEval-2023 split off).
  'Whataboutism,Straw_Men,Red_Herring': null,
  // Appeal_to_Popularity or Guilt_by_Association.
  'Bandwagon,Reductio_ad_hitlerum': null,
};

/** A PTC article: `spans` carry SemEval-2023 names; `masked` are the spans of merged classes. */
export interface PtcArticle extends SemevalArticle {
  masked: GoldSpan[];
  /** `train` or `dev` (PTC's own partition). */
  part: string;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Loads PTC's `train` and `dev` articles (`root` is the `ptc2020` directory) as English articles of
 * directory `ptc`, each with its spans in SemEval-2023 names and its lines labelled from them (a
 * line has a technique when a span of it overlaps the line).
 */
export function loadPtc(root: string): PtcArticle[] {
  const out: PtcArticle[] = [];
  for (const part of ['train', 'dev']) {
    const dir = join(root, `${part}-articles`);
    if (!existsSync(dir))
      throw new NewsprismError('E_DATA_MISSING', `no ${dir}; ptcData must point at ptc2020`);
    const labels = join(root, `${part}-labels-task-flc-tc`);
    for (const f of readdirSync(dir).sort()) {
      const m = /^article(.+)\.txt$/.exec(f);
      if (!m) continue;
      const id = m[1]!;
      const text = utf8.decode(readFileSync(join(dir, f)));
      const at = codePointIndex(text);
      const file = join(labels, `article${id}.task-flc-tc.labels`);
      const rows = existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => l.replace(/\r$/, '').split('\t'))
        : [];
      const spans: GoldSpan[] = [];
      const masked: GoldSpan[] = [];
      for (const [, technique, s, e] of rows) {
        if (!(technique! in PTC_LABELS))
          throw new NewsprismError('E_DATA_INVALID', `${file}: unknown PTC technique ${technique}`);
        const span = { start: at(Number(s)), end: at(Number(e)) };
        if (span.end <= span.start) continue;
        const name = PTC_LABELS[technique!];
        if (name) spans.push({ technique: name, ...span });
        else masked.push({ technique: technique!, ...span });
      }
      const a: PtcArticle = { id, dir: PTC_DIR, lang: 'en', text, spans, masked, part };
      const lines = fileLines(text);
      const gold = spanTechniques(a, lines);
      a.lines = new Map(lines.map((l, i) => [l.line, gold[i]!]));
      out.push(a);
    }
  }
  return out;
}

/** The SHA-1 of a text with whitespace collapsed (a layout-independent key of an article). */
function textKey(text: string): string {
  return createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The key of an article's title and its first 200 non-space characters after it. */
function openingKey(text: string): string {
  const title = text.trimStart().split('\n', 1)[0]!.trim();
  const body = text.trimStart().slice(title.length).replace(/\s+/g, '').slice(0, 200);
  return createHash('sha1')
    .update(`${title.replace(/\s+/g, ' ')}\n${body}`)
    .digest('hex');
}

/** The hashes of an article's word 5-grams (lower-cased words of letters and digits). */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/** Jaccard similarity of two sets. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** How a PTC article was found to be a SemEval article's twin. */
export type TwinMatch = 'text' | 'opening' | 'shingles' | 'ambiguous';

/**
 * The SemEval article (`dir/id`) each PTC article is a copy of: the same text once whitespace
 * is collapsed (layouts differ: PTC has one sentence a line), else the same title and opening,
 * else the SemEval article sharing the most word 5-grams with it, at a Jaccard similarity of
 * `minShingles` (0.5) or more (a word edited, a title cut). A key shared by several SemEval
 * articles, or a best similarity two of them share, is `ambiguous` (twin `''`): such an article
 * copies several, and cannot be kept in the fold of one.
 */
export function ptcTwins(
  ptc: readonly Pick<SemevalArticle, 'dir' | 'id' | 'text'>[],
  semeval: readonly Pick<SemevalArticle, 'dir' | 'id' | 'text'>[],
  minShingles = 0.5,
): Map<string, { twin: string; by: TwinMatch }> {
  const index = (key: (t: string) => string) => {
    const m = new Map<string, string | null>();
    for (const a of semeval) {
      const k = key(a.text);
      m.set(k, m.has(k) ? null : `${a.dir}/${a.id}`);
    }
    return m;
  };
  const byText = index(textKey);
  const byOpening = index(openingKey);
  const out = new Map<string, { twin: string; by: TwinMatch }>();
  let sets: Set<string>[] | undefined;
  for (const p of ptc) {
    const key = `${p.dir}/${p.id}`;
    const t = byText.get(textKey(p.text));
    const o = t === undefined ? byOpening.get(openingKey(p.text)) : undefined;
    if (t === null || o === null) {
      out.set(key, { twin: '', by: 'ambiguous' });
      continue;
    }
    if (t) out.set(key, { twin: t, by: 'text' });
    else if (o) out.set(key, { twin: o, by: 'opening' });
    else {
      sets ??= semeval.map((a) => shingles(a.text));
      const mine = shingles(p.text);
      let best = -1;
      let score = 0;
      let second = 0;
      sets.forEach((x, i) => {
        const j = jaccard(mine, x);
        if (j > score) [best, score, second] = [i, j, score];
        else if (j > second) second = j;
      });
      if (best >= 0 && score >= minShingles)
        out.set(
          key,
          second < score
            ? { twin: `${semeval[best]!.dir}/${semeval[best]!.id}`, by: 'shingles' }
            : { twin: '', by: 'ambiguous' },
        );
    }
  }
  return out;
}

/** What `--set ptc=1` trains on: PTC articles, each kept one's twin, and the counts of the choice. */
export interface PtcSelection {
  articles: PtcArticle[];
  /** The twin (`en/<id>`) of each kept article that has one, by the PTC article's key. */
  twins: Map<string, string>;
  count: Record<TwinMatch | 'none' | 'dropped', number>;
}

/**
 * The PTC articles a run may train on: those without a twin, and those whose twin is one of
 * `trainKeys` (the run's training articles: a twin in another split, or scored apart, would
 * leak its labels into that split's figures). An `ambiguous` one is dropped.
 */
export function selectPtc(
  all: readonly PtcArticle[],
  twins: ReadonlyMap<string, { twin: string; by: TwinMatch }>,
  trainKeys: ReadonlySet<string>,
): PtcSelection {
  const out: PtcSelection = {
    articles: [],
    twins: new Map(),
    count: { text: 0, opening: 0, shingles: 0, ambiguous: 0, none: 0, dropped: 0 },
  };
  for (const a of all) {
    const key = `${a.dir}/${a.id}`;
    const t = twins.get(key);
    out.count[t?.by ?? 'none']++;
    if (t && !trainKeys.has(t.twin)) {
      out.count.dropped++;
      continue;
    }
    if (t) out.twins.set(key, t.twin);
    out.articles.push(a);
  }
  return out;
}

/** The SemEval-2023 techniques each merged PTC class may stand for. */
const MERGED_NAMES: Readonly<Record<string, readonly string[]>> = {
  'Whataboutism,Straw_Men,Red_Herring': ['Whataboutism', 'Straw_Man', 'Red_Herring', 'Appeal_to_Hypocrisy'],
  'Bandwagon,Reductio_ad_hitlerum': ['Appeal_to_Popularity', 'Guilt_by_Association'],
};

/**
 * How far PTC's spans agree with their twins' (articles whose texts are equal once whitespace
 * is collapsed, so offsets carry over character by character): PTC spans overlapped by a twin
 * span of the same technique (a merged class: of one it may stand for), and twin spans
 * overlapped by such a PTC span, with the totals, per technique of the twin's names.
 */
export function twinAgreement(
  ptc: readonly PtcArticle[],
  semeval: readonly SemevalArticle[],
  twins: ReadonlyMap<string, string>,
): Map<string, { ptc: number; ptcMatched: number; twin: number; twinMatched: number }> {
  const byKey = new Map(semeval.map((a) => [`${a.dir}/${a.id}`, a]));
  const out = new Map<string, { ptc: number; ptcMatched: number; twin: number; twinMatched: number }>();
  const row = (t: string) => {
    const r = out.get(t) ?? { ptc: 0, ptcMatched: 0, twin: 0, twinMatched: 0 };
    out.set(t, r);
    return r;
  };
  for (const p of ptc) {
    const s = byKey.get(twins.get(`${p.dir}/${p.id}`) ?? '');
    if (!s?.spans) continue;
    // Offsets of PTC's non-space characters in the twin's text.
    const at = new Int32Array(p.text.length + 1).fill(-1);
    let j = 0;
    for (let i = 0; i < p.text.length; i++) {
      if (/\s/.test(p.text[i]!)) continue;
      while (j < s.text.length && /\s/.test(s.text[j]!)) j++;
      if (s.text[j] !== p.text[i]) break;
      at[i] = j++;
    }
    const map = (x: GoldSpan) => {
      let a = x.start;
      while (a < x.end && at[a]! < 0) a++;
      let b = x.end - 1;
      while (b >= a && at[b]! < 0) b--;
      return b >= a ? { start: at[a]!, end: at[b]! + 1 } : undefined;
    };
    const mine = [
      ...p.spans!.map((x) => ({ names: [x.technique], at: map(x) })),
      ...p.masked.map((x) => ({ names: MERGED_NAMES[x.technique] ?? [], at: map(x) })),
    ];
    if (mine.some((m) => !m.at)) continue;
    for (const m of mine) {
      const r = row(m.names.length === 1 ? m.names[0]! : m.names.join('|'));
      r.ptc++;
      if (s.spans.some((x) => m.names.includes(x.technique) && overlaps(x, m.at!))) r.ptcMatched++;
    }
    for (const x of s.spans) {
      const r = row(x.technique);
      r.twin++;
      if (mine.some((m) => m.names.includes(x.technique) && overlaps(x, m.at!))) r.twinMatched++;
    }
  }
  return out;
}

/** Whether two spans share a character. */
function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}
