import { NewsprismError } from '@newsprism/core';

const CASINGS = ['original', 'upper', 'lower'] as const;
const LAYOUTS = ['original', 'wrapped'] as const;
// Words per line of the `wrapped` layout: a narrow column, as PDF or e-mail text is broken.
const WRAP_WORDS = 6;

/**
 * The rewrite of each sentence asked for with `--set casing=original|upper|lower` and `--set
 * layout=original|wrapped` on `eval claims` and `eval subjectivity` (robustness: the same
 * sentences as a headline in capitals, as lower-case chat text, or hard-wrapped every
 * {@link WRAP_WORDS} words with line breaks); the identity when neither is set. A value not in
 * these lists stops with `E_OPTION_VALUE`.
 */
export function sentenceForm(extra: Record<string, string>): (text: string) => string {
  const casing = extra.casing ?? 'original';
  const layout = extra.layout ?? 'original';
  if (!(CASINGS as readonly string[]).includes(casing))
    throw new NewsprismError('E_OPTION_VALUE', `casing: ${casing} is not one of ${CASINGS.join(', ')}`);
  if (!(LAYOUTS as readonly string[]).includes(layout))
    throw new NewsprismError('E_OPTION_VALUE', `layout: ${layout} is not one of ${LAYOUTS.join(', ')}`);
  const cased =
    casing === 'upper'
      ? (t: string) => t.toUpperCase()
      : casing === 'lower'
        ? (t: string) => t.toLowerCase()
        : (t: string) => t;
  if (layout === 'original') return cased;
  return (t) => {
    const words = cased(t).split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    for (let i = 0; i < words.length; i += WRAP_WORDS) lines.push(words.slice(i, i + WRAP_WORDS).join(' '));
    return lines.join('\n');
  };
}
