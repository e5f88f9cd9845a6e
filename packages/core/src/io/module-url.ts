/**
 * The URL of a module beside `base` (an `import.meta.url`), named without extension: `.ts` when
 * `base` itself is TypeScript source (tests, tsx), else `.js`. Worker threads and renderer
 * specs need a file URL they can load on their own.
 *
 * @example siblingModule(import.meta.url, './formats/renderer')
 */
export function siblingModule(base: string, path: string): string {
  return new URL(`${path}${base.endsWith('.ts') ? '.ts' : '.js'}`, base).href;
}
