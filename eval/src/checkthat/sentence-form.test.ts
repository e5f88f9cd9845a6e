import { describe, expect, it } from 'vitest';
import { sentenceForm } from './sentence-form.js';

describe('sentenceForm', () => {
  const s = 'Unemployment fell to 4 percent in Ohio last year, the governor said.';

  it('is the identity by default', () => {
    expect(sentenceForm({})(s)).toBe(s);
  });

  it('writes the sentence in capitals or lower case', () => {
    expect(sentenceForm({ casing: 'upper' })(s)).toBe(s.toUpperCase());
    expect(sentenceForm({ casing: 'lower' })(s)).toBe(s.toLowerCase());
  });

  it('hard-wraps every six words, keeping the words', () => {
    const wrapped = sentenceForm({ layout: 'wrapped', casing: 'upper' })(s);
    expect(wrapped.split('\n')).toEqual([
      'UNEMPLOYMENT FELL TO 4 PERCENT IN',
      'OHIO LAST YEAR, THE GOVERNOR SAID.',
    ]);
  });

  it('refuses an unknown value with E_OPTION_VALUE', () => {
    expect(() => sentenceForm({ casing: 'title' })).toThrow(/casing: title/);
    expect(() => sentenceForm({ layout: 'merged' })).toThrow(
      expect.objectContaining({ code: 'E_OPTION_VALUE' }),
    );
  });
});
