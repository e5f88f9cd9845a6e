import type { Dialect } from './db.js';

// Reuse pairs and stories are corpus-level results saved by `newsprism reuse|stories --db …
// --save`: each row keeps the whole record as JSON (what the API returns) beside the columns it
// is looked up and ordered by. Document ids reference `documents (id)`, so deleting or
// replacing a document removes the pairs and story memberships computed from its old text.
const sql = (json: string, real: string) => `
CREATE TABLE reuse_pairs (
  a TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind TEXT NOT NULL, score ${real} NOT NULL, direction TEXT NOT NULL, tree TEXT NOT NULL,
  pair ${json} NOT NULL,
  PRIMARY KEY (a, b)
);
CREATE INDEX reuse_pairs_b ON reuse_pairs (b);
CREATE INDEX reuse_pairs_tree ON reuse_pairs (tree);
CREATE INDEX reuse_pairs_score ON reuse_pairs (score);
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL, members INTEGER NOT NULL, first TEXT,
  story ${json} NOT NULL
);
CREATE TABLE story_members (
  story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  similarity ${real} NOT NULL,
  PRIMARY KEY (story, id)
);
CREATE INDEX story_members_id ON story_members (id);
`;

/** Migration 2's SQL per dialect: reuse pairs, stories and their members. */
export const reuseTablesSql: Record<Dialect, string> = {
  sqlite: sql('TEXT', 'REAL'),
  postgres: sql('JSONB', 'DOUBLE PRECISION'),
};
