import { createPipeline, type NewsDocument, NewsprismError } from '@newsprism/core';

/**
 * Document measures read from the other layers' output (issue 18, session 15): how journalism
 * studies tell reporting from opinion — reported speech and quotes (`quotes`), named and
 * anonymous sources (`sources`), subjective sentences in the outlet's voice (`subjectivity`),
 * claims with figures or dates and their kinds (`claims`), a dateline (`paragraphs`), sentence
 * length; and the lede (the first two body sentences: mean subjectivity score, share with a
 * quote, share holding a claim with a date or figure), where reports put the news and opinion a
 * hook. Measured per body sentence (the title paragraph left out). Used by `train genre --set
 * layerMeasures=…` to test them beside the style measures in k-fold by article; the genre layer
 * does not read them (in k-fold they did not beat the style model: docs/benchmarks.md, session 15).
 */
export const LAYER_MEASURES = [
  'qSent',
  'qDirect',
  'qIndirect',
  'qPer',
  'srcN',
  'srcNamed',
  'srcRate',
  'srcAnon',
  'attrShare',
  'subjShare',
  'subjRate',
  'outletRate',
  'clNum',
  'clDate',
  'clCheck',
  'clOutlet',
  'clStat',
  'clEvent',
  'clPred',
  'clQuote',
  'clOther',
  'dateline',
  'sentLen',
  'sents',
  'subjMean',
  'ledeSubj',
  'ledeAttr',
  'ledeFact',
] as const;

export type LayerMeasure = (typeof LAYER_MEASURES)[number];

/** The layers the measures read (their own inputs come with them). */
export const MEASURED_LAYERS = ['quotes', 'sources', 'subjectivity', 'claims'] as const;

/** Layer measures named in `--set layerMeasures=` (`all`: every one), each checked. */
export function layerMeasureList(spec: string): LayerMeasure[] {
  if (spec === 'all') return [...LAYER_MEASURES];
  const out = spec.split(',').filter(Boolean);
  for (const m of out)
    if (!LAYER_MEASURES.includes(m as LayerMeasure))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        `layerMeasures: ${m} is not a layer measure; use all or some of ${LAYER_MEASURES.join(', ')}`,
      );
  return out as LayerMeasure[];
}

const overlaps = (s: { start: number; end: number }, q: { start: number; end: number }) =>
  q.start < s.end && q.end > s.start;

/** The layer measures of a document the pipeline ran {@link MEASURED_LAYERS} over. */
export function layerMeasures(d: NewsDocument): Record<LayerMeasure, number> {
  const paras = d.paragraphs ?? [];
  const bodyStart = paras.find((p) => p.role === 'title')?.end ?? 0;
  const sents = (d.sentences ?? []).filter((s) => s.start >= bodyStart);
  const n = Math.max(1, sents.length);
  const quotes = d.quotes ?? [];
  const share = (keep: (q: (typeof quotes)[number]) => boolean) =>
    sents.filter((s) => quotes.some((q) => keep(q) && overlaps(s, q))).length / n;
  const src = d.sources?.sources ?? [];
  const named = src.filter((s) => s.type === 'person' || s.type === 'organization').length;
  let words = 0;
  for (const s of sents) words += d.text.slice(s.start, s.end).split(/\s+/).filter(Boolean).length;
  const claims = (d.claims ?? []).filter((c) => c.start >= bodyStart);
  const rate = (keep: (c: (typeof claims)[number]) => boolean) => claims.filter(keep).length / n;
  const subj = d.subjectivity;
  // Subjectivity scores of the body sentences (0 where the layer scored none), in order.
  const score = new Map((subj?.sentences ?? []).map((x) => [x.sentence, x.score]));
  const first = (d.sentences ?? []).findIndex((s) => s.start >= bodyStart);
  const scores = sents.map((_, j) => score.get(first + j) ?? 0);
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const lede = sents.slice(0, 2);
  const ledeShare = (keep: (s: (typeof lede)[number]) => boolean) =>
    lede.filter(keep).length / Math.max(1, lede.length);
  const factIn = (s: (typeof lede)[number]) =>
    claims.some(
      (c) =>
        c.start >= s.start &&
        c.start < s.end &&
        ((c.attrs.dates?.length ?? 0) > 0 || (c.attrs.numbers?.length ?? 0) > 0),
    );
  return {
    qSent: share(() => true),
    qDirect: share((q) => q.kind !== 'indirect'),
    qIndirect: share((q) => q.kind === 'indirect'),
    qPer: quotes.length / n,
    srcN: Math.log1p(src.length),
    srcNamed: Math.log1p(named),
    srcRate: src.length / n,
    srcAnon: d.sources?.anonymousShare ?? 0,
    attrShare: d.sources?.attributedShare ?? 0,
    subjShare: subj?.share ?? 0,
    subjRate: (subj?.subjectiveSentences ?? 0) / n,
    outletRate: (subj?.outletSentences ?? 0) / n,
    clNum: rate((c) => (c.attrs.numbers?.length ?? 0) > 0),
    clDate: rate((c) => (c.attrs.dates?.length ?? 0) > 0),
    clCheck: rate((c) => c.attrs.checkworthy === true),
    clOutlet: rate((c) => c.attrs.voice === 'outlet'),
    clStat: rate((c) => c.label === 'statistic'),
    clEvent: rate((c) => c.label === 'event'),
    clPred: rate((c) => c.label === 'prediction'),
    clQuote: rate((c) => c.label === 'quote'),
    clOther: rate((c) => c.label === 'other'),
    dateline: paras.some((p) => p.role === 'dateline' || p.dateline) ? 1 : 0,
    sentLen: words / n,
    sents: Math.log1p(sents.length),
    subjMean: mean(scores),
    ledeSubj: mean(scores.slice(0, 2)),
    ledeAttr: ledeShare((s) => quotes.some((q) => overlaps(s, q))),
    ledeFact: ledeShare(factIn),
  };
}

/**
 * The layer measures of texts in their language (declared, as the style measures' norms are per
 * data set language), one pipeline for all.
 */
export async function textLayerMeasures(
  texts: readonly { id: string; text: string; lang: string }[],
): Promise<Record<LayerMeasure, number>[]> {
  const pipeline = await createPipeline({ layers: [...MEASURED_LAYERS] });
  return texts.map((t) =>
    layerMeasures(pipeline.run({ id: t.id, text: t.text, meta: { format: 'text', lang: t.lang } })),
  );
}
