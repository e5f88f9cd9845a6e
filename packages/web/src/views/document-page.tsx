import type { NewsDocument } from '@newsprism/core';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { ArticleView } from './article-view.js';
import { ReusePanel } from './reuse-panel.js';

/** A stored article, by id, with its copies and sources (saved reuse pairs). */
export function DocumentPage(props: { id: string }): JSX.Element {
  const [doc, setDoc] = useState<NewsDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDoc(null);
    setError(null);
    api
      .document(props.id)
      .then(setDoc)
      .catch((err) => setError(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
  }, [props.id]);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!doc) return <p class="muted">Loading…</p>;
  return (
    <>
      <ArticleView doc={doc} />
      <ReusePanel id={doc.id} text={doc.text} />
    </>
  );
}
