import { describe, expect, it } from 'vitest';
import { segmentArticles } from './segment.js';

describe('segmentArticles', () => {
  const text = 'Киевский режим снова обстрелял город.\n\nПогода была тёплой.';

  it("gives each article the naming layer's term mentions when asked, and none otherwise", async () => {
    const [withNaming] = await segmentArticles([{ id: '1', text, lang: 'ru' }], false, true);
    expect(withNaming!.sentences.length).toBe(2);
    const m = withNaming!.naming!.find((x) => x.concept === 'kyiv-government');
    expect(m).toMatchObject({ pole: 'ru', voice: 'outlet', start: 0 });
    expect(text.slice(m!.start, m!.end)).toBe('Киевский режим');
    const [plain] = await segmentArticles([{ id: '1', text, lang: 'ru' }]);
    expect(plain!.naming).toBeUndefined();
  });
});
