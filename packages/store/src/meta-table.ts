/** The table of the store's own facts (`app`, `schema_version`); how a database is recognised. */
export const META_TABLE = 'newsprism_meta';

/** The value of `app` in the meta table of every newsprism store. */
export const APP = 'newsprism-store';
