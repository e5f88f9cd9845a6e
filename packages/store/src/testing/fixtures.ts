import { createPipeline, type DocumentInput, type NewsDocument } from '@newsprism/core';

/**
 * Short articles written for these tests (not taken from any data set), in English and
 * Russian, with the naming, sourcing and wording the store's queries and reports look at.
 */
export const ARTICLES: DocumentInput[] = [
  {
    id: 'rt-1',
    text: 'Kiev faces new sanctions debate\n\nThe European Union is preparing new sanctions against Moscow, officials in Brussels said on Monday. "We will not stop until the aggression ends," said Ursula von der Leyen, the president of the European Commission.\n\nAccording to a source familiar with the matter, the package targets oil exports. Critics in Kiev called the plan a disgraceful half-measure.',
    meta: { title: 'Kiev faces new sanctions debate', outlet: 'RT', published: '2023-05-22', lang: 'en' },
  },
  {
    id: 'bbc-1',
    text: 'Kyiv welcomes sanction package\n\nUkraine welcomed the latest sanction package on Tuesday. President Volodymyr Zelensky told reporters the measures would "hit the Kremlin where it hurts".\n\nThe White House said it was coordinating with allies in Europe. Oil prices rose slightly after the announcement.',
    meta: { title: 'Kyiv welcomes sanction package', outlet: 'BBC', published: '2023-05-23', lang: 'en' },
  },
  {
    id: 'bbc-2',
    text: 'Bakhmut battle enters new phase\n\nFighting around Bakhmut intensified overnight, the Ukrainian military said. A spokesman for the eastern command said Russian forces had shelled the city more than forty times.\n\nAnalysts at the Institute for the Study of War said the offensive was losing momentum.',
    meta: { title: 'Bakhmut battle enters new phase', outlet: 'BBC', published: '2023-06-02', lang: 'en' },
  },
  {
    id: 'ria-1',
    text: 'Санкции против России не работают\n\nНовые санкции Евросоюза не нанесут ущерба российской экономике, заявил в понедельник официальный представитель Кремля Дмитрий Песков. По его словам, Запад пытается оказать давление на Москву.\n\nНа Украине тем временем продолжаются перебои с электричеством, сообщили местные власти.',
    meta: {
      title: 'Санкции против России не работают',
      outlet: 'РИА Новости',
      published: '2023-05-24',
      lang: 'ru',
    },
  },
  {
    id: 'ria-2',
    text: 'Киев просит у Запада больше оружия\n\nВласти Украины вновь обратились к западным странам с просьбой о поставках оружия, сообщил источник в Министерстве обороны. Глава МИД Украины Дмитрий Кулеба заявил, что без новых поставок контрнаступление невозможно.',
    meta: {
      title: 'Киев просит у Запада больше оружия',
      outlet: 'РИА Новости',
      published: '2023-06-10',
      lang: 'ru',
    },
  },
];

let cached: NewsDocument[] | undefined;

/**
 * The fixture articles analysed by the full pipeline (once per test process). They are shorter
 * than the genre and frames models' minimum length: decided anyway (`minWords: 0`), so the
 * genre and frame facets have something to find.
 */
export async function analysedArticles(): Promise<NewsDocument[]> {
  if (!cached) {
    const pipeline = await createPipeline({
      options: { genre: { minWords: 0 }, frames: { minWords: 0 } },
    });
    cached = ARTICLES.map((a) => pipeline.run(a));
  }
  return structuredClone(cached);
}

/** `n` copies of the analysed fixtures with new ids (`<prefix><i>`), for volume tests. */
export async function manyArticles(n: number, prefix = 'doc-'): Promise<NewsDocument[]> {
  const base = await analysedArticles();
  return Array.from({ length: n }, (_, i) => {
    const d = structuredClone(base[i % base.length]!);
    d.id = `${prefix}${i}`;
    return d;
  });
}
