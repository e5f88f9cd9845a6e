import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import snowball from 'snowball-stemmers';

// snowball-stemmers is Snowball's Java output run through a Java-to-JavaScript translator and
// Babel: every field of its stemmer objects (cursor, limit, bra, ket, the among entries' strings
// and results…) is a prototype accessor whose getter tests `hasOwnProperty` before reading the
// real field. Stemming a word reads those fields hundreds of times: ≈ 5–7 µs a word, the largest
// single cost of ingesting a document whose words the memo in stem.ts has not seen
// (docs/benchmarks.md, session 5). The accessors whose default is a primitive (0, null, "",
// false) behave exactly as a data property of that value on the prototype that an instance
// shadows when it first assigns it: this loads the package's own file with those accessors
// written as such properties (75 of its 79), the algorithms untouched: ≈ 2 µs a word, the same
// stems (stem.test.ts compares both on every form of a word list). Its buffer calls are made
// direct too (below): a fresh process's first stem of each of 104,713 forms 5.2 → 3.8 µs at a load
// of 22 (docs/benchmarks.md, session 9). Should the file ever change shape (another version),
// the package is used as it is.

const ACCESSOR =
  /key: '(\w+)',\s*get: function get\(\) \{\s*return Object\.prototype\.hasOwnProperty\.call\(this, '_\$esjava\$(\w+)'\) \? this\._\$esjava\$\2 : this\._\$esjava\$\2 = (null|0|""|false);\s*\},\s*set: function set\(v\) \{\s*this\._\$esjava\$\2 = v;\s*\}/g;

/** How many such accessors snowball-stemmers 0.6.0 has. */
const EXPECTED = 75;

// Its string buffer's methods are called through overload dispatchers that copy `arguments`
// into an array and `apply` the method of that arity (`charAt` → `charAt$esjava$1`): every
// character a stemmer reads. The calls on the program's own buffer (`this.current`, always a
// StringBuffer) are made to the method of their arity directly.
const BUFFER_CALL = /this\.current\.(charAt|length|replace|substring)\(/g;
const ARITY: Record<string, number> = { charAt: 1, length: 0, replace: 3, substring: 2 };
/** How many such calls snowball-stemmers 0.6.0 has. */
const EXPECTED_CALLS = 42;
/** `newStemmer(…).stem(word)`: the same three calls a word, through dispatchers. */
const STEM_CALLS = /stemmer\.setCurrent\(word\);(\s*)stemmer\.stem\(\);(\s*)return stemmer\.getCurrent\(\);/;

/** The snowball-stemmers module with its primitive-valued accessors made data properties. */
export function fastSnowball(): typeof snowball {
  try {
    const file = createRequire(import.meta.url).resolve('snowball-stemmers');
    let n = 0;
    const source = readFileSync(file, 'utf8').replace(
      ACCESSOR,
      (all, key: string, field: string, value: string) => {
        if (key !== field) return all;
        n++;
        return `key: '${key}', value: ${value}`;
      },
    );
    if (n !== EXPECTED) return snowball;
    let calls = 0;
    const direct = source.replace(BUFFER_CALL, (_, method: string) => {
      calls++;
      return `this.current.${method}$esjava$${ARITY[method]}(`;
    });
    if (calls !== EXPECTED_CALLS || !STEM_CALLS.test(direct)) return snowball;
    const program = direct.replace(
      STEM_CALLS,
      (_, a: string, b: string) =>
        `stemmer.setCurrent$esjava$1(word);${a}stemmer.stem$esjava$0();${b}return stemmer.getCurrent$esjava$0();`,
    );
    const exports = {} as typeof snowball;
    // The file is a UMD module: given `exports` and no AMD `define`, it fills `exports`.
    runInThisContext(`(function (exports, define) {${program}\n})`, { filename: file })(exports, undefined);
    return typeof exports.newStemmer === 'function' ? exports : snowball;
  } catch {
    return snowball;
  }
}
