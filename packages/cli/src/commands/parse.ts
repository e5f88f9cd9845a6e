import {
  analyzeWords,
  COL,
  type ConlluSentence,
  decodeText,
  depsParserFor,
  loadSyntaxModel,
  NewsprismError,
  readConllu,
  sentenceForms,
  syntaxModelFor,
  writeConllu,
} from '@newsprism/core';
import { detectLanguage } from '@newsprism/core/corpus';
import { readInputBytes } from '@newsprism/core/node';
import { choice, parse, parseSize } from '../args.js';
import { type Command, warn } from './command.js';

const usage = `Usage: newsprism parse <file.conllu | -> [options]

Re-annotates a gold-tokenised CoNLL-U file with newsprism's syntax layer, keeping its
sentences, comments, ids, word forms and multiword-token lines: UPOS, LEMMA and FEATS are
filled by newsprism (FEATS: Case, Gender, Number for Russian, "_" for English); HEAD and
DEPREL (UD base relations) by its dependency parser where the language has one (en, ru),
else "_"; XPOS and DEPS become "_"; MISC is kept. Score the result against the input with
any CoNLL-U scorer (UPOS, LEMMA, UFeats, UAS, LAS on gold tokens).

Options:
  -f, --format <name>   conllu (default: conllu)
  -l, --lang <code>     en | ru (default: detected from the word forms)
      --model <file>    a syntax model of your own (newsprism train syntax --out …)
      --deps-model <file>  a dependency parser of your own (train syntax --set parse=1 --out …)
      --max-size <n>    largest input (default 200MB)
  -h, --help            show this help

Exit codes: 0 done; 1 some lines were malformed and skipped (each reported on stderr);
2 bad usage or input, reported as one line "newsprism: E_CODE message".`;

/** The language of a treebank from the forms of its first sentences. */
function guessLanguage(sentences: readonly ConlluSentence[]): string {
  const sample = sentences
    .slice(0, 60)
    .map((s) => sentenceForms(s).join(' '))
    .join(' ');
  return detectLanguage(sample, { sample: 4000, minConfidence: 0 }).code;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('parse', argv, {
    format: { type: 'string', short: 'f' },
    lang: { type: 'string', short: 'l' },
    model: { type: 'string' },
    'deps-model': { type: 'string' },
    'max-size': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new NewsprismError('E_USAGE', 'parse takes exactly one input: a .conllu file, or - for stdin');
  choice('format', values.format, ['conllu'] as const);
  const maxBytes = values['max-size']
    ? parseSize('max-size', values['max-size'] as string)
    : 200 * 1024 * 1024;
  const path = positionals[0]!;
  const name = path === '-' ? 'stdin' : path;
  const text = decodeText(await readInputBytes(path, maxBytes), name).text;
  let skipped = 0;
  const sentences = readConllu(text, (line, reason) => {
    skipped++;
    warn(`skipped ${name}:${line}: E_CONLLU ${reason}`);
  });
  if (sentences.length === 0)
    throw new NewsprismError(
      'E_CONLLU',
      `${name} has no CoNLL-U sentences (10 tab-separated columns per word line)`,
    );
  const lang = (values.lang as string | undefined) ?? guessLanguage(sentences);
  const model = values.model ? loadSyntaxModel(values.model as string) : syntaxModelFor(lang);
  if (!model)
    throw new NewsprismError(
      'E_LANGUAGE',
      `no syntax model for language "${lang}"; give --lang en or --lang ru`,
    );
  const parser = depsParserFor(lang, (values['deps-model'] as string | undefined) ?? '');
  for (const s of sentences) {
    const forms = sentenceForms(s);
    const a = analyzeWords(model, forms);
    const tree = parser?.parseWords(forms, a.upos, a.feats);
    s.words.forEach((r, i) => {
      const row = s.rows[r]!;
      row[COL.upos] = a.upos[i]!;
      row[COL.lemma] = a.lemma[i]!;
      row[COL.feats] = a.feats?.[i] || '_';
      row[COL.xpos] = '_';
      row[COL.head] = tree ? String(tree.head[i]! + 1) : '_';
      row[COL.deprel] = tree ? tree.deprel[i]! : '_';
      row[COL.deps] = '_';
    });
  }
  process.stdout.write(writeConllu(sentences));
  return skipped ? 1 : 0;
}

/** `newsprism parse`: re-annotate a gold-tokenised CoNLL-U file (UPOS, LEMMA, FEATS, HEAD, DEPREL). */
export const parseCommand: Command = {
  name: 'parse',
  summary: 'fill UPOS, LEMMA, FEATS, HEAD and DEPREL of a CoNLL-U file with the syntax layer',
  usage,
  run,
};
