import { describe, expect, it } from 'vitest';
import { caseGroups } from './case-groups.fixture.js';
import { anyCase, canonical, compilePattern, LETTERS, LETTERS_ANY_CASE } from './pattern.js';

// The case-blind patterns are compiled without the `i` flag (see pattern.ts): these tests hold
// them to exactly what `i` would match, code unit by code unit.

const unit = (c: number) => String.fromCharCode(c);

describe('case-blind patterns without the i flag', () => {
  it('canonical is what the i flag compares', () => {
    for (let c = 0; c < 0x10000; c += 61) {
      const re = new RegExp(`^[${unit(c).replace(/[\\\]^-]/, '\\$&')}]$`, 'i');
      for (const d of [c, canonical(c), unit(c).toLowerCase().charCodeAt(0)])
        expect(re.test(unit(d)), `${c} ${d}`).toBe(canonical(c) === canonical(d));
    }
  });

  it('LETTERS_ANY_CASE matches what [LETTERS] matches with i, every code unit', () => {
    const withI = new RegExp(`^[${LETTERS}]$`, 'i');
    const spelled = new RegExp(`^[${LETTERS_ANY_CASE}]$`);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (withI.test(unit(c)) !== spelled.test(unit(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('anyCase(letter) lists exactly the code units i equates with it', () => {
    for (const g of caseGroups())
      for (const c of g) {
        const cls = anyCase([unit(c)]);
        const re = new RegExp(`^${cls}$`);
        for (const d of g) expect(re.test(unit(d)), `${c} ${d}`).toBe(true);
        expect(cls.replace(/^\[|\]$/g, '').replace(/\\(.)/g, '$1').length, `${c}`).toBe(g.length);
      }
    expect(anyCase(['q'])).toBe('[qQ]');
    expect(anyCase(['1'])).toBe('1');
    expect(anyCase(['.'])).toBe('\\.');
    expect(new Set(anyCase(['е', 'ё']))).toEqual(new Set('[еЕёЁ]'));
  });

  it('compiled patterns ignore case and keep at most three modifiers between words', () => {
    const p = compilePattern('special operation', ['brutal', 'ongoing', 'and']);
    const at = (s: string) => {
      p.re.lastIndex = 0;
      return p.re.exec(s)?.[0];
    };
    expect(p.re.flags).toBe('y');
    expect(at('SPECIAL Operation')).toBe('SPECIAL Operation');
    expect(at('special brutal and ongoing operation')).toBe('special brutal and ongoing operation');
    expect(at('special brutal and ongoing and operation')).toBeUndefined();
    expect(at('special operations')).toBeUndefined();
    // An acronym: `re` finds it in any case, `exact` confirms it in capitals.
    const svo = compilePattern('СВО');
    expect(svo.re.exec('сво')?.[0]).toBe('сво');
    expect(svo.exact?.exec('сво')).toBeNull();
    expect(compilePattern('военн* операци*').re.exec('ВОЕННОЙ ОПЕРАЦИИ')?.[0]).toBe('ВОЕННОЙ ОПЕРАЦИИ');
  });

  it('reads # among the preceding words as a number, outside the match, and nowhere else', () => {
    const p = compilePattern('<уничтожили <более <# националист*');
    // The sticky regex tried at the noun, as the matcher tries it at a word.
    const at = (s: string) => {
      p.re.lastIndex = s.indexOf('нац');
      return p.re.exec(s)?.[0];
    };
    expect(at('ВС уничтожили более 450 националистов.')).toBe('националистов');
    expect(at('уничтожили более 1 200 националистов')).toBe('националистов');
    expect(at('уничтожили более 1,200 националистов')).toBe('националистов');
    expect(at('уничтожили более ста националистов')).toBeUndefined();
    expect(at('уничтожили более 45x националистов')).toBeUndefined();
    expect(() => compilePattern('<уничтожили # националист*')).toThrow(/number/);
    expect(() => compilePattern('националист* &#')).toThrow(/number/);
  });
});
