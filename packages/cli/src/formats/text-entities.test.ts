import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing/run-cli.js';

// Short articles of our own: one in Russian-standard English spellings, one in Russian.
const ARTICLES: [name: string, text: string, lines: string[]][] = [
  [
    'en.txt',
    'Kiev asks for more tanks\n\nOfficials in Kiev said the fight for Artyomovsk, which Ukraine calls Bakhmut, goes on, Reuters reported.\n',
    [
      'LOC  Kyiv [kyiv] ×2 (Kiev)',
      'Kyiv: Kiev ×2 (ru-derived)',
      // "which Ukraine calls Bakhmut": another side's name, mentioned, not the outlet's usage.
      "Bakhmut: Artyomovsk ×1 (ru-official), Bakhmut ×1 (ua-official; 1 named as another side's name)",
      "profile, the outlet's own words: ru — Russian-standard 3, Ukrainian-standard 0, neutral 0 (ru share 100%)",
    ],
  ],
  [
    'quoted.txt',
    'Kiev braces for winter\n\n"Kiev will not freeze," the mayor of Kiev told reporters on Monday.\n',
    [
      // The quoted Kiev is the mayor's word: the note says so, and the profile leaves it out.
      'Kyiv: Kiev ×3 (ru-derived; 1 in a quotation)',
      "profile, the outlet's own words: ru — Russian-standard 2, Ukrainian-standard 0, neutral 0 (ru share 100%)",
      'quoted sources: Russian-standard 1, Ukrainian-standard 0, neutral 0',
    ],
  ],
  [
    'leningrad.txt',
    'Drone strikes Leningrad region\n\nA drone hit a fuel depot in Leningrad Oblast, officials in Kyiv said. The siege of Leningrad lasted 872 days.\n',
    [
      // The region's official name today, not a Soviet-era name of St. Petersburg; and the
      // city's name in its own time (renamed by Russia in 1991) is no side's choice in the war.
      'LOC  Leningrad Oblast [leningrad-oblast] ×2 (Leningrad region); Kyiv [kyiv]; St. Petersburg [st-petersburg] (Leningrad)',
      "profile, the outlet's own words: ua — Russian-standard 0, Ukrainian-standard 1, neutral 0 (ru share 0%)",
    ],
  ],
  [
    'in-term.txt',
    'Переговоры о мире\n\nКонфликт на Украине продолжается, пишет ТАСС.\n',
    [
      // `на Украине` inside the term counts as the term (neutral): the note says where it went.
      'Ukraine: на Украине ×1 (ru-norm; 1 inside a term)',
      "terms, outlet's own words: конфликт на Украине ×1 (war, neutral)",
      "profile, the outlet's own words: neutral — Russian-standard 0, Ukrainian-standard 0, neutral 1 (ru share n/a)",
    ],
  ],
  [
    'quoted-not-term.txt',
    'Тест\n\n«Конфликт» на Украине затянулся, заявил Песков.\n«Запад воюет на Украине до последнего украинца», — заявил Песков.\n',
    [
      // The second `на Украине` is quoted but inside no term; the first is inside one whose
      // voice (quoted) is judged on the term's span: each mention is counted on its own.
      'Ukraine: на Украине ×2 (ru-norm; 1 inside a term, 1 in a quotation)',
      'quoted sources: Russian-standard 1, Ukrainian-standard 0, neutral 1',
    ],
  ],
  [
    'ru.txt',
    'Бои за Артёмовск\n\nПо словам Владимира Зеленского, ВСУ удерживают Бахмут, сообщает ТАСС.\n',
    [
      'PER  Volodymyr Zelenskyy [volodymyr-zelensky] (Владимира Зеленского)',
      'ORG  Armed Forces of Ukraine [afu] (ВСУ)',
    ],
  ],
  [
    'terms-ru.txt',
    'Киевский режим теряет позиции\n\nВ ходе СВО освобождённые территории расширились, сообщает ТАСС. «Это полномасштабное вторжение», — сказал Зеленский. Так называемая «спецоперация» продолжается.\n',
    [
      "terms, outlet's own words: киевский режим ×1 (kyiv-government, ru); СВО ×1 (war, ru); освобождённые территории ×1 (territories, ru)",
      'terms, in quotations: полномасштабное вторжение ×1 (war, ua)',
      'terms, kept at a distance: спецоперация ×1 (war, ru)',
      "profile, the outlet's own words: mixed — Russian-standard 3, Ukrainian-standard 1, neutral 0 (ru share 75%)",
      'quoted sources: Russian-standard 0, Ukrainian-standard 1, neutral 0',
    ],
  ],
];

describe('text report: entities and naming', { timeout: 120_000 }, () => {
  it.each(ARTICLES)('%s', async (name, text, lines) => {
    const f = join(tempDir(), name);
    writeFileSync(f, text);
    const r = await runCli([
      'analyze',
      '-j',
      '0',
      f,
      '--format',
      'text',
      '--layers',
      'entities,quotes,naming',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Entities');
    for (const line of lines) expect(r.stdout).toContain(line);
  });
});
