import { joinKeys, shippedEntries } from '../entities/gazetteer.js';
import { tokenKey } from '../entities/keys.js';
import { tokenize } from '../tokens/tokenize.js';

/** Matching keys of a Russian name, as the gazetteer keys its forms (case endings stripped). */
export const keysOfRu = (name: string): string =>
  joinKeys(tokenize(name, 'ru').map((t) => tokenKey(name.slice(t.start, t.end))));

let index: Map<string, string | null> | undefined;

/**
 * The shipped gazetteer's Russian forms (and the surnames of its Russian person names) by their
 * keys, built at the first look-up; `null` where two different forms share the keys.
 */
function russianForms(): Map<string, string | null> {
  if (index) return index;
  const out = new Map<string, string | null>();
  const add = (form: string) => {
    const k = keysOfRu(form);
    if (!k) return;
    const known = out.get(k);
    out.set(k, known === undefined || known === form ? form : null);
  };
  for (const e of shippedEntries().values())
    for (const { form, lang } of e.forms) {
      if (lang !== 'ru') continue;
      add(form);
      const words = form.split(' ');
      if (e.type === 'PER' && words.length > 1 && words[words.length - 1]!.length > 2)
        add(words[words.length - 1]!);
    }
  index = out;
  return out;
}

const upperFirst = (s: string) => /^\p{Lu}/u.test(s);

/**
 * The shipped gazetteer's Russian form of a name written in another case: the one form whose
 * words are the name's save their case endings (`Еврокомиссии` → `Еврокомиссия`, `Всемирного
 * Банка` → `Всемирный банк`, `Пескова` → `Песков`), capitalised as the name is. Undefined when
 * the gazetteer knows no such form (or two): no form is guessed.
 */
export function gazetteerFormRu(name: string): string | undefined {
  if (!/[а-яё]/i.test(name)) return undefined;
  const form = russianForms().get(keysOfRu(name));
  return form && upperFirst(form) === upperFirst(name) ? form : undefined;
}
