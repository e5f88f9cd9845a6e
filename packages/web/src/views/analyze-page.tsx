import type { NewsDocument } from '@newsprism/core';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type AnalyzeRequest, ApiError, api } from '../api.js';
import { ArticleView } from './article-view.js';

const MAX_FILE = 20 * 1024 * 1024;

/**
 * The corpus kinds the page offers: the genre layer's prior presets (`--set genre.prior=…`),
 * assumptions of the user's corpus, not measured (docs/analyzers.md, genre).
 */
const CORPUS_KINDS = [
  { value: 'news-wire', label: 'news wire (mostly reporting)' },
  { value: 'newspaper', label: 'newspaper (reporting and opinion)' },
] as const;

/**
 * The server's own prior (`serve --set genre.prior=…`, from `/api/health`) in words: a preset's
 * name, shares of its own, or none (the genre model's training shares).
 */
function priorWords(prior: unknown): string {
  if (prior === undefined) return 'as trained';
  if (typeof prior === 'string') return prior.replace('-', ' ');
  return `shares of its own (${Object.entries(prior as Record<string, number>)
    .map(([g, p]) => `${g} ${p}`)
    .join(' · ')})`;
}

/** The server's own prior as the page knows it: not yet (health has not answered), or its value. */
type ServerPrior = { known: false } | { known: true; prior: unknown };

/**
 * The selector's choices: the server's default first (sends nothing; named once health has
 * answered), "as trained" unless the server is known to have no prior (sends `default`, which
 * unsets it for this analysis), then the presets.
 */
function corpusKinds(server: ServerPrior): { value: string; label: string }[] {
  const none = server.known && server.prior === undefined;
  return [
    { value: '', label: server.known ? `server default: ${priorWords(server.prior)}` : 'server default' },
    ...(none ? [] : [{ value: 'default', label: 'as trained (no prior)' }]),
    ...CORPUS_KINDS,
  ];
}

export const CORPUS_KIND_HELP =
  "The server's default is its serve --set genre.prior (none: as the genre model was trained); a choice here applies to this analysis only.";

/** Reads a dropped or chosen file as a request body: HTML by name or content, else text. */
async function fromFile(file: File): Promise<AnalyzeRequest> {
  if (file.size > MAX_FILE) throw new ApiError('E_INPUT_TOO_LARGE', `${file.name} is over 20 MB`, 413);
  const content = await file.text();
  const html = /\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(content);
  return { type: html ? 'text/html' : 'text/plain', body: content };
}

/**
 * The analyze page: paste text or drop a `.txt`/`.html` file; the article view of the result.
 * Nothing is stored.
 */
export function AnalyzePage(): JSX.Element {
  const [text, setText] = useState('');
  const [doc, setDoc] = useState<NewsDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [prior, setPrior] = useState('');
  // The server's own prior, named in the selector's first choice once health answers (also
  // with 503: a store out of reach leaves the analysis options known).
  const [serverPrior, setServerPrior] = useState<ServerPrior>({ known: false });
  useEffect(() => {
    api
      .health()
      .then((h) => setServerPrior({ known: true, prior: h.analysis?.options?.genre?.prior }))
      .catch(() => undefined);
  }, []);
  // A failed analysis takes the last article off the page: shown under the error, it read as the
  // result of the file that failed. A file's error names the file.
  const fail = (err: unknown, file?: File) => {
    setDoc(null);
    const what = err instanceof ApiError ? `${err.code}: ${err.message}` : String(err);
    setError(file ? `${file.name}: ${what}` : what);
  };
  const run = async (req: AnalyzeRequest, file?: File) => {
    setBusy(true);
    setError(null);
    try {
      const d = await api.analyze(prior ? { ...req, options: { genre: { prior } } } : req);
      performance.mark('np:data');
      setDoc(d);
    } catch (err) {
      fail(err, file);
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await run(await fromFile(file), file);
    } catch (err) {
      fail(err, file);
    }
  };
  return (
    <div class="analyze-page">
      <form
        class="analyze-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void run({ type: 'text/plain', body: text });
        }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void onFile(e.dataTransfer?.files[0]);
        }}
      >
        <label for="article-input">
          Paste an article (first line the title, one paragraph per line) or drop a .txt / .html file
        </label>
        <textarea
          id="article-input"
          rows={10}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <div class="row">
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? 'Analysing…' : 'Analyze'}
          </button>
          <label class="file">
            or choose a file{' '}
            <input
              type="file"
              accept=".txt,.html,.htm,text/plain,text/html"
              onChange={(e) => void onFile((e.target as HTMLInputElement).files?.[0])}
            />
          </label>
          <span class="muted">Nothing is stored.</span>
        </div>
        <div class="row">
          <label for="corpus-kind">Corpus kind (the genre's prior)</label>
          <select
            id="corpus-kind"
            aria-describedby="corpus-kind-help"
            value={prior}
            onChange={(e) => setPrior((e.target as HTMLSelectElement).value)}
          >
            {corpusKinds(serverPrior).map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          <span id="corpus-kind-help" class="muted">
            {CORPUS_KIND_HELP}
          </span>
        </div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {doc && <ArticleView doc={doc} />}
    </div>
  );
}
