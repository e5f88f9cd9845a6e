import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, NewsprismError, type Token } from '@newsprism/core';
import { englishNerInput, NER_TAGS, type NerInput } from '@newsprism/core/train';

/** A typed gold span (UTF-16 offsets). */
export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

/** One PolNeAR article with its silver entity spans. */
export interface NerDoc {
  id: string;
  text: string;
  gold: GoldSpan[];
}

/**
 * CoreNLP 7-class → CoNLL types. Numeric and temporal classes (DATE, MONEY, …) are not CoNLL
 * entities and become O. CoreNLP's MISC comes from its CoNLL-trained model, so it already
 * follows CoNLL's MISC (nationalities such as `Russian`, `Republican`, events).
 */
export const CORENLP_TO_CONLL: Record<string, string> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
};

/**
 * Reads `corenlp-silver/<split>.tsv` and the article texts of PolNeAR. Consecutive tokens with
 * the same type form one span (CoreNLP writes IO tags, not BIO).
 */
export function loadPolnearNer(data: string, split: 'train' | 'dev'): NerDoc[] {
  const tsv = join(data, 'corenlp-silver', `${split}.tsv`);
  if (!existsSync(tsv))
    throw new NewsprismError(
      'E_DATA',
      `${tsv} not found; --data should be the polnear folder (../shared/data/polnear)`,
    );
  const docs: NerDoc[] = [];
  let cur: NerDoc | undefined;
  let open: GoldSpan | undefined;
  let lastEnd = -1;
  const close = () => {
    if (open && cur) cur.gold.push(open);
    open = undefined;
  };
  for (const line of readFileSync(tsv, 'utf8').split('\n')) {
    if (line.startsWith('#doc\t')) {
      close();
      const id = line.slice(5).trim();
      const text = readFileSync(join(data, split, 'text', `${id}.txt`), 'utf8');
      cur = { id, text, gold: [] };
      docs.push(cur);
      continue;
    }
    if (line === '' || line.startsWith('#')) {
      close();
      continue;
    }
    const [, s, e, , ner] = line.split('\t');
    const type = CORENLP_TO_CONLL[ner ?? ''];
    const start = Number(s);
    const end = Number(e);
    if (type && open && open.type === type && start - lastEnd <= 1) open.end = end;
    else {
      close();
      if (type) open = { start, end, type };
    }
    lastEnd = end;
  }
  close();
  return docs;
}

/** A document ready for the tagger: its input features and gold tag per token. */
export interface TaggedDoc {
  doc: NerDoc;
  tokens: Token[];
  input: NerInput;
  gold: Uint8Array;
}

/**
 * Tokenizes and segments each text with the pipeline, builds the tagger input and projects the
 * silver spans onto our tokens as BIO tags (a token inside a span takes its type).
 */
export async function prepareDocs(docs: readonly NerDoc[]): Promise<{
  tagged: TaggedDoc[];
  lostTokens: number;
  entityTokens: number;
}> {
  const base = await createPipeline({ layers: ['tokens', 'sentences'] });
  const tagIndex = new Map<string, number>(NER_TAGS.map((t, i) => [t, i]));
  let lostTokens = 0;
  let entityTokens = 0;
  const tagged = docs.map((doc) => {
    const d = base.run({ id: doc.id, text: doc.text, meta: { lang: 'en' } });
    const tokens = d.tokens!;
    const input = englishNerInput(doc.text, tokens, d.sentences!);
    const gold = new Uint8Array(tokens.length);
    let k = 0;
    for (const g of doc.gold) {
      while (k < tokens.length && tokens[k]!.end <= g.start) k++;
      let first = true;
      for (let m = k; m < tokens.length && tokens[m]!.start < g.end; m++) {
        if (tokens[m]!.start < g.start || tokens[m]!.end > g.end) continue;
        // A full stop split off an abbreviation (`U.S` `.`) stays O; the analyzer re-attaches it.
        if (
          !first &&
          doc.text.slice(tokens[m]!.start, tokens[m]!.end) === '.' &&
          m + 1 < tokens.length &&
          tokens[m + 1]!.start >= g.end
        )
          continue;
        gold[m] = tagIndex.get(`${first ? 'B' : 'I'}-${g.type}`)!;
        first = false;
        entityTokens++;
        if (!input.candidate[m]) lostTokens++;
      }
    }
    return { doc, tokens, input, gold };
  });
  return { tagged, lostTokens, entityTokens };
}

/**
 * Capitalised copies of documents for training: the first line (the title) and every
 * `every`-th paragraph in capitals, as in wire copy and CoNLL-2003 headlines (`SOCCER - JAPAN
 * GET LUCKY WIN`). Offsets stay valid because only lines whose length survives are changed.
 */
export function shoutedCopies(docs: readonly NerDoc[], every = 4): NerDoc[] {
  return docs.map((d) => {
    let k = 0;
    const text = d.text
      .split('\n')
      .map((line) => {
        const up = line.toUpperCase();
        return (k++ === 0 || k % every === 0) && up.length === line.length ? up : line;
      })
      .join('\n');
    return { id: `${d.id}#caps`, text, gold: d.gold };
  });
}
