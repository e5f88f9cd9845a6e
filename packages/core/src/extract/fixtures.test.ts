import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';

const dir = join(import.meta.dirname, 'fixtures');
const read = (slug: string, file: string) => readFileSync(join(dir, slug, file), 'utf8');

// Per fixture: text that must be in the body, page furniture that must not, and metadata.
const cases: {
  slug: string;
  mustAppear: string[];
  mustNotAppear: string[];
  meta: Record<string, string | undefined>;
}[] = [
  {
    slug: 'wire-jsonld',
    mustAppear: [
      'Repairs to the Harbour Bridge will not be finished',
      'Costs rise by a third',
      'public meeting on 28 February',
    ],
    mustNotAppear: [
      'Advertisement',
      'Share on',
      'Bridge survey finds',
      'Sign up',
      'Typical.',
      'Storm warning',
      '©',
      'cookies',
      'Scaffolding',
      'Harbour bridge repairs delayed until spring',
    ],
    meta: {
      title: 'Harbour bridge repairs delayed until spring',
      byline: 'Maren Holt, Idris Kale',
      published: '2024-02-14T08:30:00Z',
      site: 'The Coastal Ledger',
      url: 'https://coastal-ledger.example/news/harbour-bridge-repairs-delayed',
      lang: 'en',
    },
  },
  {
    slug: 'ru-regional',
    mustAppear: ['открылась новая городская библиотека', '«Раньше за книгами', 'с 10:00 до 19:00'],
    mustNotAppear: [
      'Читайте также',
      'Поделиться',
      'Теги',
      'Комментарии',
      'Наконец-то',
      'Популярное',
      'Главная',
      'перепечатке',
    ],
    meta: {
      title: 'В Заречье открыли новую библиотеку',
      byline: 'Ольга Миронова',
      published: '2023-09-05T12:00:00+03:00',
      site: 'Вести Приозерья',
      url: 'https://vesti-priozerye.example/news/2023/09/05/biblioteka',
      lang: 'ru',
    },
  },
  {
    slug: 'chunked-body',
    mustAppear: [
      'When the last sleeper service',
      'The economics are harder',
      'Several governments now subsidise',
      'For now, operators',
    ],
    mustNotAppear: [
      'Advertisement',
      'newsletter',
      'More from Rails Weekly',
      'Five scenic routes',
      'Log in',
      'Jobs',
    ],
    meta: {
      title: 'The quiet comeback of the night train',
      byline: 'Tomas Lindqvist',
      site: 'Rails Weekly',
      lang: 'en',
    },
  },
  {
    slug: 'ru-div-blocks',
    mustAppear: ['СЕВЕРОГОРСК, 3 ноя', 'первыми в гавань зашли', '«Ущерб оценим', 'без штормовых порывов'],
    mustNotAppear: [
      'Шторм на севере',
      'Поделиться',
      'Лента новостей',
      'ледовая переправа',
      '03.11.2024',
      'Все права',
      'Главная',
      'Порт',
    ],
    meta: {
      title: 'Морской порт Северогорска возобновил работу после шторма',
      byline: 'Дмитрий Ветров',
      published: '2024-11-03T09:15:00+03:00',
      site: 'Полярный вестник',
      lang: 'ru',
    },
  },
  {
    slug: 'broken-markup',
    mustAppear: [
      'voted 9 to 4',
      'school & cut traffic',
      'summer — weather permitting —',
      "council's transport officer",
      'at the library',
    ],
    mustNotAppear: ['Archive', 'Contact', 'Page last updated', 'Council approves new cycle lanes'],
    meta: { title: 'Council approves new cycle lanes', byline: undefined, lang: undefined },
  },
];

describe('extraction fixtures', () => {
  const slugs = readdirSync(dir).filter((s) => !s.startsWith('.'));

  it.each(slugs)('%s matches expected.txt', (slug) => {
    const { text } = extractArticle(read(slug, 'source.html'));
    expect(text).toBe(read(slug, 'expected.txt').replace(/\n$/, ''));
  });

  it.each(cases)(
    '$slug keeps the body and drops the furniture',
    ({ slug, mustAppear, mustNotAppear, meta }) => {
      const a = extractArticle(read(slug, 'source.html'));
      for (const s of mustAppear) expect(a.text).toContain(s);
      for (const s of mustNotAppear) expect(a.text).not.toContain(s);
      for (const [k, v] of Object.entries(meta)) expect(a[k as keyof typeof a], k).toBe(v);
      expect(a.diagnostics).toEqual([]);
      // Paragraphs come one per block, separated by a blank line, with no stray white space.
      for (const p of a.text.split('\n\n')) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
    },
  );

  it('reports W_NO_ARTICLE for a listing page', () => {
    const a = extractArticle(read('no-article', 'source.html'));
    expect(a.text).toBe('');
    expect(a.diagnostics.map((d) => d.code)).toEqual(['W_NO_ARTICLE']);
    expect(a.title).toBe('Sport - The Coastal Ledger');
  });
});
