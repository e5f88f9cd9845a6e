import type { NewsDocument, TooShort } from '@newsprism/core';
import { readTooShort, termWritten, variantVoices } from '@newsprism/core/schema';
import type { JSX } from 'preact';
import { rankScore } from '../highlight/marks.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const words = (s: string): string => s.replaceAll('_', ' ');

const VOICES = [
  ['outlet', 'in the outlet’s own words'],
  ['quoted', 'in quotations'],
  ['distanced', 'kept at a distance'],
] as const;

/**
 * Naming skips paragraphs that repeat an earlier one (a title printed twice, a lead repeating
 * the standfirst); the entity highlights do not: say so, so that counting the highlighted `Kiev`s
 * agrees with the panel.
 */
function repeated(doc: NewsDocument): JSX.Element | null {
  const rep = (doc.paragraphs ?? []).flatMap((p, i) => (p.duplicateOf === undefined ? [] : [`¶${i + 1}`]));
  if (rep.length === 0) return null;
  return (
    <p class="note" data-testid="naming-repeats">
      Not counted: {rep.join(', ')}, which{' '}
      {rep.length === 1 ? 'repeats an earlier paragraph' : 'repeat earlier paragraphs'}.
    </p>
  );
}

/**
 * What the quoted sources say, apart from the outlet's own words that the lean counts (so a
 * `Kiev` in a quotation is not missing from the count): the text report's `quoted sources` line.
 */
function quotedLine(q: { ru: number; ua: number; neutral: number } | undefined): JSX.Element | null {
  if (!q || q.ru + q.ua + q.neutral === 0) return null;
  return (
    <p data-testid="naming-quoted">
      In quotations: Russian-standard {q.ru}, Ukrainian-standard {q.ua}, neutral {q.neutral}
    </p>
  );
}

/**
 * Naming profile: which contested names the article chose, for which entity, and which forms of
 * the war’s contested terms (`naming.terms`: the war, the territories, the actors …) it uses in
 * its own voice, in quotations and at a distance.
 */
export function NamingPanel(props: { doc: NewsDocument }): JSX.Element | null {
  const n = props.doc.naming;
  if (!n) return null;
  // Documents stored before the layer had terms have none.
  const terms = n.terms ?? [];
  return (
    <section class="panel" aria-labelledby="naming-h">
      <h2 id="naming-h">Naming</h2>
      {n.entities.length === 0 && terms.length === 0 ? (
        <p class="empty">No contested names or terms.</p>
      ) : (
        <>
          <p>
            Lean: <strong>{n.profile.lean}</strong>
            {n.profile.ruShare !== null && (
              // The counts behind the share: a lean from one form reads differently from one of 20.
              <>
                {' '}
                · Russian-standard forms {pct(n.profile.ruShare)} ({n.profile.poles.ru} of{' '}
                {n.profile.poles.ru + n.profile.poles.ua} in the outlet’s own words)
              </>
            )}
          </p>
          {quotedLine(n.profile.quoted)}
          {n.entities.length > 0 && (
            <ul class="naming">
              {n.entities.map((e) => (
                <li key={e.entity}>
                  <strong>{e.name}</strong>:{' '}
                  {e.variants.map((v, i) => (
                    <span key={v.form} class={`pole-${v.pole}`}>
                      {i > 0 && ', '}“{v.form}” × {v.count}{' '}
                      <em>
                        ({v.provenance}
                        {variantVoices(v, terms)})
                      </em>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {repeated(props.doc)}
          {terms.length > 0 && (
            <ul class="naming-terms">
              {VOICES.map(([voice, label]) => {
                const of = terms.filter((t) => t.voice === voice);
                return (
                  of.length > 0 && (
                    <li key={voice} data-voice={voice}>
                      <strong>Terms {label}</strong>:{' '}
                      {of.map((t, i) => (
                        <span key={`${t.concept}/${t.form}`} class={`pole-${t.pole}`}>
                          {i > 0 && ', '}“{t.form}” × {t.count}{' '}
                          <em>
                            ({words(t.concept)}, {t.pole}
                            {termWritten(t, props.doc.text, '× ')})
                          </em>
                        </span>
                      ))}
                    </li>
                  )
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

const needs = (t: TooShort, models: string): string =>
  t.minWords > 0
    ? `the text has ${t.words} words; the ${models} ${t.minWords}.`
    : `the text is too short for the ${models.split(' ')[0]}.`;

/** Why a layer is missing: the text is shorter than the layer's minimum in its language. */
function TooShortNotice(props: { what: string; short?: TooShort; models?: boolean }): JSX.Element | null {
  if (!props.short) return null;
  return (
    <p class="muted too-short">
      {props.what}: not given, {needs(props.short, props.models ? 'models need' : 'model needs')}
    </p>
  );
}

/**
 * The prior a genre was decided under (`--set genre.prior=…`, the analyze page's corpus kind):
 * the preset's name from the producer's options, and the shares the layer reports.
 */
function priorWords(doc: NewsDocument, prior: Readonly<Record<string, number>>): string {
  const given = (doc.producers.genre as { options?: { prior?: unknown } } | undefined)?.options?.prior;
  const shares = Object.entries(prior)
    .map(([g, p]) => `${g} ${pct(p)}`)
    .join(' · ');
  return `Prior: ${typeof given === 'string' ? `${given.replace('-', ' ')} (${shares})` : shares}`;
}

/** Frames and genre with their probabilities. */
export function FramesPanel(props: { doc: NewsDocument }): JSX.Element | null {
  const { frames, genre } = props.doc;
  if (!frames && !genre) return null;
  // The decided genre's score alone: the calibrated probability that the decision is right
  // (documents of genre@10 and before also scored the other genres, uncalibrated: not shown).
  const score = genre?.genre ? genre.scores[genre.genre] : undefined;
  // A short text gets no genre and no frames (`I_GENRE_TOO_SHORT`, `I_FRAMES_TOO_SHORT`).
  const shortGenre = genre?.genre ? undefined : readTooShort(props.doc, 'genre');
  const shortFrames = frames?.length ? undefined : readTooShort(props.doc, 'frames');
  // Each layer has its own minimum (genre may be given where frames is not); one line when both
  // miss by the same one.
  const together = shortGenre && shortFrames && shortGenre.minWords === shortFrames.minWords;
  return (
    <section class="panel" aria-labelledby="frames-h">
      <h2 id="frames-h">Frames and genre</h2>
      {together ? (
        <TooShortNotice what="Genre and frames" short={shortGenre} models />
      ) : (
        <TooShortNotice what="Genre" short={shortGenre} />
      )}
      {genre?.genre && (
        <p>
          Genre: <strong>{genre.genre}</strong>
          {score !== undefined && <span class="muted"> ({pct(score)} likely right)</span>}
          {score !== undefined && score < 0.5 && <span class="uncertain"> · uncertain</span>}
        </p>
      )}
      {genre?.prior && <p class="genre-prior muted">{priorWords(props.doc, genre.prior)}</p>}
      {!together && <TooShortNotice what="Frames" short={shortFrames} />}
      {frames && frames.length > 0 && (
        <table class="scores">
          <caption class="visually-hidden">Frames by probability</caption>
          <tbody>
            {frames.slice(0, 6).map((f) => (
              <tr key={f.frame} class={f.selected ? 'selected' : ''}>
                <th scope="row">
                  {words(f.frame)}
                  {f.selected ? ' ✓' : ''}
                </th>
                <td>
                  <meter min={0} max={1} value={f.score} aria-label={`${words(f.frame)} ${pct(f.score)}`} />
                </td>
                <td>{pct(f.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The most check-worthy claims, each a link to its place in the text. */
export function ClaimsPanel(props: { doc: NewsDocument; onJump(start: number): void }): JSX.Element | null {
  const claims = props.doc.claims;
  if (!claims) return null;
  const worthy = claims.filter((c) => c.attrs.checkworthy).sort((a, b) => b.score - a.score);
  const top = worthy.slice(0, 5);
  return (
    <section class="panel" aria-labelledby="claims-h">
      <h2 id="claims-h">Claims to check</h2>
      {top.length === 0 ? (
        <p class="empty">No check-worthy claims.</p>
      ) : (
        <>
          {/* The claim's score adds a prior for its kind to the model's probability: a ranking, not a chance. */}
          <p class="hint">Ranked by check-worthiness score (for ranking: not a probability).</p>
          {worthy.length > top.length && (
            // Not all of them: say how many there are and where the rest are.
            <p class="muted claims-count">
              The {top.length} highest of {worthy.length} check-worthy claims; all are underlined in the text.
            </p>
          )}
          <ol class="claims">
            {top.map((c) => (
              <li key={c.start}>
                <button type="button" class="linklike" onClick={() => props.onJump(c.start)}>
                  {props.doc.text.slice(c.start, c.end)}
                </button>{' '}
                <span class="muted">
                  {c.label} · {rankScore(c.score)}
                  {c.attrs.speaker ? ` · ${c.attrs.speaker}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Techniques by paragraph (the unit the models decide on), with confidence. */
export function TechniquesPanel(props: {
  doc: NewsDocument;
  onJump(start: number): void;
}): JSX.Element | null {
  const t = props.doc.techniques;
  if (!t) return null;
  const paras = props.doc.paragraphs ?? [];
  return (
    <section class="panel" aria-labelledby="tech-h">
      <h2 id="tech-h">Persuasion techniques</h2>
      {t.paragraphs.length === 0 ? (
        <p class="empty">None found.</p>
      ) : (
        <ul class="techniques">
          {t.paragraphs.map((p) => (
            <li key={p.paragraph}>
              <button
                type="button"
                class="linklike"
                onClick={() => props.onJump(paras[p.paragraph]?.start ?? 0)}
              >
                ¶{p.paragraph + 1}
              </button>
              : {p.techniques.map((x) => `${words(x.technique)} ${pct(x.score)}`).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {t.nearest?.length ? (
        <>
          <h3 class="near-h">Closest, below the threshold</h3>
          <p class="hint">Not findings: the sentences the model came closest to labelling.</p>
          <ul class="techniques near">
            {t.nearest.map((n) => (
              <li key={n.technique}>
                <button type="button" class="linklike" onClick={() => props.onJump(n.start)}>
                  ¶{n.paragraph + 1}
                </button>
                : {words(n.technique)} {pct(n.score)} (threshold {pct(n.cut)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
