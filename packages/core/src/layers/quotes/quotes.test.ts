import { describe, expect, it } from 'vitest';
import { at, runQuotes } from './run.fixture.js';
import { accusativeRu, nominativeRu } from './speaker-ru.js';
import type { Quote } from './types.js';

const run = runQuotes;

interface Case {
  name: string;
  lang: string;
  text: string;
  /** Expected attributions (content surface), in order, with optional cue/source/speaker checks. */
  want: {
    content: string;
    kind?: Quote['kind'];
    cue?: string;
    source?: string;
    speaker?: string;
    type?: string;
    role?: string;
    via?: string;
    signals?: string[];
    parts?: string[];
  }[];
}

const cases: Case[] = [
  {
    name: "Russian: direct speech set off by dashes, en or em; the author's words, then the speech resumed; an interview question is the outlet's, its answer the interviewee's quotation",
    lang: 'ru',
    text: [
      'Переговоры в Стамбуле',
      '',
      '– Мы готовы продолжать переговоры, – сказал министр.',
      '',
      '— Это невозможно! — заявил глава МИД Сергей Лавров. — Мы не согласимся на такие условия.',
      '',
      '— Как вы оцениваете итоги встречи?',
      '',
      '— Итоги встречи мы оцениваем положительно.',
    ].join('\n'),
    want: [
      { content: '– Мы готовы продолжать переговоры', kind: 'direct', cue: 'сказал', source: 'министр' },
      {
        content: '— Это невозможно!',
        kind: 'direct',
        cue: 'заявил',
        speaker: 'Сергей Лавров',
        role: 'глава МИД',
      },
      { content: '— Мы не согласимся на такие условия.', kind: 'direct', speaker: 'Сергей Лавров' },
      // The answer after the question is the interviewee's: the latest dash speech's speaker.
      {
        content: '— Итоги встречи мы оцениваем положительно.',
        kind: 'direct',
        speaker: 'Сергей Лавров',
      },
    ],
  },
  {
    name: "Russian: dash speech introduced by a colon is the introducer's; an answer is nobody's the question names; a dash before a small letter is no speech",
    lang: 'ru',
    text: [
      'Экономика',
      '',
      'Экономист Игорь Петров считает, что кризис затянется:',
      '',
      '— Цены будут расти ещё год.',
      '',
      '— Премьер Мишустин не раз говорил о росте. Вы с ним согласны?',
      '',
      '— Отчасти согласен.',
      '',
      'Итоги года:',
      '',
      '– выросли цены на хлеб;',
    ].join('\n'),
    want: [
      { content: 'кризис затянется:', kind: 'indirect', speaker: 'Игорь Петров' },
      { content: '— Цены будут расти ещё год.', kind: 'direct', speaker: 'Игорь Петров' },
      // The question is the interviewer's text; `не раз` (more than once) is no speaker.
      { content: 'о росте', kind: 'indirect', speaker: 'Мишустин' },
      { content: '— Отчасти согласен.', kind: 'direct', speaker: undefined },
    ],
  },
  {
    name: 'Russian: a quotation in marks inside dash speech keeps the marks alone; dashes inside a sentence are no speech',
    lang: 'ru',
    text: 'Газ\n\n— Это «временная мера», — сказал Песков.\n\nЦены — и это важно — снизились, сообщил Росстат.',
    want: [
      { content: '«временная мера»', kind: 'direct', speaker: 'Песков' },
      { content: 'Цены — и это важно — снизились', kind: 'indirect', speaker: 'Росстат' },
    ],
  },
  {
    name: 'Russian: `доклад, в котором говорится` — the noun before the relative clause is the source',
    lang: 'ru',
    text: 'Газ\n\nЕврокомиссия опубликовала доклад, в котором говорится, что запасы газа исчерпаны.',
    want: [{ content: 'запасы газа исчерпаны', source: 'доклад', type: 'document' }],
  },
  {
    name: 'Russian: a long description before the name after `Об этом сообщил`; an outlet in guillemets is no quotation; capitals name an institution',
    lang: 'ru',
    text: 'НАТО\n\nАльянс расширяется. Об этом сообщил зампредседателя комитета Совета Федерации по международным делам Андрей Климов.\n\nОб этом «Ленте.ру» сообщили в ведомстве. По данным СКР, пострадавших нет.',
    want: [
      { content: 'Альянс расширяется', speaker: 'Андрей Климов', type: 'person' },
      { content: 'пострадавших нет', speaker: 'СКР', type: 'government' },
    ],
  },
  {
    name: 'Russian: a first name that opens like a body’s abbreviation (`Муса` ~ МУС, `Ната` ~ НАТО) is a person’s; the abbreviation itself a body',
    lang: 'ru',
    text: 'Выборы\n\nМуса Мусаев заявил, что выборы прошли честно. Ната Кузнецова сказала, что всё спокойно. Еврокомиссия заявила, что санкции продлят.',
    want: [
      { content: 'выборы прошли честно', speaker: 'Муса Мусаев', type: 'person' },
      { content: 'всё спокойно', speaker: 'Ната Кузнецова', type: 'person' },
      { content: 'санкции продлят', speaker: 'Еврокомиссия', type: 'organization' },
    ],
  },
  {
    name: 'an anonymous word first: a head (`Sources close to …`), a modifier before a noun',
    lang: 'en',
    text: 'Ferry\n\nSources close to the mayor said the ferry would stop. Official data showed that fares rose.',
    want: [
      { content: 'the ferry would stop', type: 'anonymous', source: 'Sources close to the mayor' },
      { content: 'that fares rose', type: 'document' },
    ],
  },
  {
    name: 'Russian speakers: a leading place phrase, an institution before a surname, a sentence adverb, a party in guillemets, a past form ending the subject',
    lang: 'ru',
    text: 'Выборы\n\nВ своей статье Олаф Шольц подчеркнул, что санкции сохранятся. Зампред Совбеза Медведев заявил, что мир возможен. Также Медведев отметил, что переговоров не будет. На акции Нино Ломджария опротестовала решение, сказав, что партия «Грузинская мечта» лжёт. Вашингтон обнародовал список гостей, отметив, что саммит пройдёт в июне.',
    want: [
      { content: 'санкции сохранятся', speaker: 'Олаф Шольц', type: 'person' },
      { content: 'мир возможен', speaker: 'Медведев', type: 'person', role: 'Зампред Совбеза' },
      { content: 'переговоров не будет', speaker: 'Медведев' },
      { content: 'партия «Грузинская мечта» лжёт', speaker: 'Нино Ломджария' },
      { content: 'саммит пройдёт в июне', speaker: 'Вашингтон', type: 'government' },
    ],
  },
  {
    name: 'Russian: a quotation interrupted by `— отметил X. —` inside its marks; `Об этом сообщил X`; a relay `со ссылкой на`',
    lang: 'ru',
    text: 'Газ\n\n«Мы фиксируем рост цен на газ, — отметил замглавы МИД Александр Грушко. — Это следствие санкций».\n\nУдары нанесены по объектам энергетики. Об этом сообщил источник в силовых структурах.\n\nКак сообщает ТАСС со ссылкой на пресс-службу Минобороны, войска заняли новые позиции. Собеседник агентства добавил, что потери велики. Его слова приводит издание «Украинская правда».',
    want: [
      {
        content:
          '«Мы фиксируем рост цен на газ, — отметил замглавы МИД Александр Грушко. — Это следствие санкций»',
        kind: 'direct',
        cue: 'отметил',
        speaker: 'Александр Грушко',
        role: 'замглавы МИД',
        parts: ['«Мы фиксируем рост цен на газ', 'Это следствие санкций»'],
      },
      { content: 'Удары нанесены по объектам энергетики', cue: 'сообщил', type: 'anonymous' },
      { content: 'войска заняли новые позиции', speaker: 'Минобороны', via: 'ТАСС' },
      { content: 'потери велики', cue: 'добавил', type: 'anonymous' },
    ],
  },
  {
    name: 'Russian: a person after `по словам` is named in the nominative, and later mentions resolve to them',
    lang: 'ru',
    text: 'Переговоры\n\nПо словам Дмитрия Пескова, переговоры продолжатся. По мнению Марии Захаровой, Киев затягивает процесс. Песков также отметил, что Кремль ждёт ответа.',
    want: [
      {
        content: 'переговоры продолжатся',
        source: 'Дмитрия Пескова',
        speaker: 'Дмитрий Песков',
        type: 'person',
      },
      { content: 'Киев затягивает процесс', source: 'Марии Захаровой', speaker: 'Мария Захарова' },
      { content: 'Кремль ждёт ответа', source: 'Песков', speaker: 'Дмитрий Песков' },
    ],
  },
  {
    name: 'an adverb between the source and the cue is no part of the speaker’s name',
    lang: 'en',
    text: 'Ferry\n\nThe harbour board now says the fares will rise. Holt wrongly claimed the ferry was full. The rally organisers said the march would go ahead.',
    want: [
      { content: 'the fares will rise', speaker: 'harbour board' },
      { content: 'the ferry was full', speaker: 'Holt' },
      { content: 'the march would go ahead', speaker: 'rally organisers' },
    ],
  },
  {
    name: 'a person `of` a place is the person; an institution `of` a place is the institution',
    lang: 'en',
    text: 'Ferry\n\nSen. Ann Holt of Maine said the ferry would run. The Bank of Maine said the loan was signed. Secretary of State Tom Reed said the talks would resume.',
    want: [
      { content: 'the ferry would run', speaker: 'Ann Holt', type: 'person', role: 'Sen. of Maine' },
      { content: 'the loan was signed', speaker: 'Bank of Maine', type: 'organization' },
      { content: 'the talks would resume', speaker: 'Tom Reed', type: 'person', role: 'Secretary of State' },
    ],
  },
  {
    name: 'a surname that is also a role word, a party label, a role after a modifier in an inverted source',
    lang: 'en',
    text: 'Party\n\n"He is struggling," said former Vermont governor Howard Dean (D), a party elder. "He cannot win."\n\nGovernor Bob Bishop said the vote would go ahead. The Dean of the law school said the exams were cancelled.',
    want: [
      {
        content:
          '"He is struggling," said former Vermont governor Howard Dean (D), a party elder. "He cannot win."',
        kind: 'direct',
        speaker: 'Howard Dean',
        type: 'person',
        role: 'former Vermont governor, (D), party elder',
      },
      { content: 'the vote would go ahead', speaker: 'Bob Bishop', type: 'person', role: 'Governor' },
      { content: 'the exams were cancelled', speaker: 'Dean of the law school' },
    ],
  },
  {
    name: "military ranks (the cue files' `ranks`) are role, abbreviated or not; a rank alone names no person",
    lang: 'en',
    text: 'Front\n\nLt. Gen. Ivo Brand said the line held. Maj. Gen. Ann Holt said the bridge was open. Rear Adm. Tom Reed said the fleet was in port. A corporal said the shelling went on.',
    want: [
      { content: 'the line held', speaker: 'Ivo Brand', type: 'person', role: 'Lt. Gen.' },
      { content: 'the bridge was open', speaker: 'Ann Holt', type: 'person', role: 'Maj. Gen.' },
      { content: 'the fleet was in port', speaker: 'Tom Reed', type: 'person', role: 'Rear Adm.' },
      { content: 'the shelling went on', speaker: 'corporal', type: 'anonymous' },
    ],
  },
  {
    name: 'Russian: a role in apposition after a lead source (and its participle clause) is no content',
    lang: 'ru',
    text: 'Порт\n\nКак заявил Олег Рябов, представитель фирмы, производящей маски, склады пусты. По словам Ивана Белова, главы порта, мост открыт. По словам Анны Жуковой, глава порта ушел в отставку.',
    want: [
      { content: 'склады пусты', speaker: 'Олег Рябов' },
      { content: 'мост открыт', speaker: 'Иван Белов' },
      { content: 'глава порта ушел в отставку', speaker: 'Анна Жукова' },
    ],
  },
  {
    name: 'Russian: a weekly or a tabloid named by its noun is media',
    lang: 'ru',
    text: 'Порт\n\nКак пишет еженедельник «Гавань», порт закроют весной. Британский таблоид сообщил, что мост открыт.',
    want: [
      { content: 'порт закроют весной', speaker: 'еженедельник «Гавань»', type: 'media' },
      { content: 'мост открыт', speaker: 'Британский таблоид', type: 'media' },
    ],
  },
  {
    name: 'Russian: a media noun after the cue of a quotation is its source',
    lang: 'ru',
    text: 'Порт\n\n«Порт закроют весной, а склады перенесут на север», — пишет газета. Магазины работают.',
    want: [
      {
        content: '«Порт закроют весной, а склады перенесут на север»',
        kind: 'direct',
        speaker: 'газета',
        type: 'media',
      },
    ],
  },
  {
    name: 'Russian: military ranks are role; a rank alone names no person',
    lang: 'ru',
    text: 'Фронт\n\nГенерал-лейтенант Игорь Брандт заявил, что линия удержана. «Мы держим оборону», — сказал подполковник Андрей Холтов. Полковник отметил, что мост открыт.',
    want: [
      {
        content: 'линия удержана',
        speaker: 'Игорь Брандт',
        type: 'person',
        role: 'Генерал-лейтенант',
      },
      {
        content: '«Мы держим оборону»',
        kind: 'direct',
        speaker: 'Андрей Холтов',
        type: 'person',
        role: 'подполковник',
      },
      { content: 'мост открыт', speaker: 'Полковник', type: 'unknown' },
    ],
  },
  {
    name: 'Russian: a role with a modifier before the name; an institution before a first name and surname is role',
    lang: 'ru',
    text: 'Переговоры\n\n«Мы ждём ответа», — сказала официальный представитель МИД Мария Захарова. Глава Минобороны Сергей Шойгу отметил, что операция идёт по плану.',
    want: [
      {
        content: '«Мы ждём ответа»',
        kind: 'direct',
        cue: 'сказала',
        speaker: 'Мария Захарова',
        type: 'person',
        role: 'официальный представитель МИД',
      },
      {
        content: 'операция идёт по плану',
        cue: 'отметил',
        speaker: 'Сергей Шойгу',
        type: 'person',
        role: 'Глава Минобороны',
      },
    ],
  },
  {
    name: 'Russian: a role and its complement after the verb is the speaker; an outlet told before a role word is not; an institution ending in an acronym names no person',
    lang: 'ru',
    text: 'Порт\n\n«Мы не допустим эскалации», — заявил представитель министерства обороны.\n\nПорт закрыт, сообщил глава пресс-службы губернатора.\n\n«Это провокация», — рассказал РИА Новости эксперт по морскому праву Иван Белов.\n\n«Флот готов», — утверждает глава Центра морских исследований Института Европы РАН.',
    want: [
      {
        content: '«Мы не допустим эскалации»',
        kind: 'direct',
        source: 'представитель министерства обороны',
        speaker: 'представитель министерства обороны',
        type: 'unknown',
      },
      {
        content: 'Порт закрыт',
        kind: 'indirect',
        cue: 'сообщил',
        source: 'глава пресс-службы губернатора',
        speaker: 'глава пресс-службы губернатора',
      },
      {
        content: '«Это провокация»',
        source: 'эксперт по морскому праву Иван Белов',
        speaker: 'Иван Белов',
        type: 'person',
        role: 'эксперт по морскому праву',
      },
      {
        content: '«Флот готов»',
        speaker: 'глава Центра морских исследований Института Европы РАН',
        type: 'unknown',
      },
    ],
  },
  {
    name: 'Russian: `Об этом сообщает` an outlet in quotation marks names the speaker, not a quotation; its `со ссылкой на` relay is no second attribution, its marks no scare quote',
    lang: 'ru',
    text: 'Минск\n\nПрезидент раскритиковал западную демократию. Об этом 29 апреля сообщает "БЕЛТА".\n\nДевочка умерла после прививки. Об этом сообщает «обозреватель» со ссылкой на местных врачей.',
    want: [
      {
        content: 'Президент раскритиковал западную демократию',
        kind: 'indirect',
        source: 'БЕЛТА',
        speaker: 'БЕЛТА',
        type: 'media',
      },
      {
        content: 'Девочка умерла после прививки',
        kind: 'indirect',
        source: 'местных врачей',
        via: 'обозреватель',
      },
    ],
  },
  {
    name: 'a wire headline names its source after a spaced dash; a modal before the verb makes no report',
    lang: 'en',
    text: 'Kiev, West Should Admit Loss Of Bakhmut, Focus On Future Offensive - Expert\n\nThe port will close.',
    want: [
      {
        content: 'Kiev, West Should Admit Loss Of Bakhmut, Focus On Future Offensive',
        kind: 'indirect',
        cue: '-',
        source: 'Expert',
        type: 'anonymous',
      },
    ],
  },
  {
    name: 'a headline dash before words that are no source, and a modal subject, give nothing',
    lang: 'en',
    text: 'Harbour Master Should Admit Fault - Wins Praise Anyway\n\nThe port will close.',
    want: [],
  },
  {
    name: 'a headline ending in `- Reports`; `Polls show` opening a sentence: document nouns, not names',
    lang: 'en',
    text: 'Ferry Talks Collapse After Strike - Reports\n\nPolls show that the mayor will lose.',
    want: [
      { content: 'Ferry Talks Collapse After Strike', source: 'Reports', type: 'document' },
      { content: 'that the mayor will lose', source: 'Polls', type: 'document' },
    ],
  },
  {
    name: 'a distancing relative clause between the source and its cue (`a senior official who refused to be named told …`)',
    lang: 'en',
    text: 'Shells\n\nThe United States will send more shells to Kiev, a senior official who refused to be named told reporters on Monday. The port will reopen next week, a ministry spokesman who asked not to be identified said.',
    want: [
      {
        content: 'The United States will send more shells to Kiev',
        cue: 'told',
        source: 'a senior official',
        type: 'anonymous',
        signals: ['refused to be named'],
      },
      {
        content: 'The port will reopen next week',
        cue: 'said',
        source: 'a ministry spokesman',
        signals: ['asked not to be identified'],
      },
    ],
  },
  {
    name: 'Russian: a role given at a later mention of the same person fills the speaker’s role',
    lang: 'ru',
    text: 'Переговоры\n\n«Мы ждём ответа», — сказала Мария Захарова. «Киев молчит», — добавила представитель МИД Мария Захарова.',
    want: [
      { content: '«Мы ждём ответа»', speaker: 'Мария Захарова', role: 'представитель МИД' },
      { content: '«Киев молчит»', speaker: 'Мария Захарова', role: 'представитель МИД' },
    ],
  },
  {
    name: 'a speaker before an aside in dashes or parentheses; a past form before `and said` is not the speaker',
    lang: 'en',
    text: 'Ferry\n\nAnn Holt — a captain from the north harbour — says she will sail on Monday. Reed (a pilot who has worked the strait for decades) says the tides are wrong. The board objected and said the fares would rise.',
    want: [
      {
        content: 'she will sail on Monday',
        cue: 'says',
        source: 'Ann Holt',
        role: 'captain from the north harbour',
      },
      {
        content: 'the tides are wrong',
        cue: 'says',
        source: 'Reed',
        role: 'pilot who has worked the strait for decades',
      },
      { content: 'the fares would rise', cue: 'said', source: 'The board' },
    ],
  },
  {
    name: 'the verb of a distancing phrase is not a cue; a title word before Ministry is part of the name',
    lang: 'en',
    text: "Dam talks\n\nA regional diplomat, who asked not to be named, said the dam was damaged. Ukraine's Defence Ministry denied the reports.",
    want: [
      {
        content: 'the dam was damaged',
        cue: 'said',
        type: 'anonymous',
        signals: ['asked not to be named'],
      },
      {
        content: 'the reports',
        cue: 'denied',
        speaker: "Ukraine's Defence Ministry",
        type: 'government',
      },
    ],
  },
  {
    name: 'a cue word after a determiner is a noun in the source (an estimate by …)',
    lang: 'en',
    text: 'Repairs\n\nRepairs could take three months, according to an estimate by the port authority.',
    want: [
      {
        content: 'Repairs could take three months',
        cue: 'according to',
        source: 'an estimate by the port authority',
        speaker: 'port authority',
      },
    ],
  },
  {
    name: 'indirect with that, en',
    lang: 'en',
    text: 'Harbour News\n\nCity engineer Maria Lind said that the bridge will reopen in May.',
    want: [
      {
        content: 'that the bridge will reopen in May',
        kind: 'indirect',
        cue: 'said',
        source: 'City engineer Maria Lind',
        speaker: 'Maria Lind',
        type: 'person',
        role: 'City engineer',
      },
    ],
  },
  {
    name: 'direct quote then source, surname resolves to full name',
    lang: 'en',
    text: 'Port story\n\nHarbour master Tom Reed told the Gazette the port is busy.\n\n“We have never seen so many ships,” Reed said.',
    want: [
      { content: 'the port is busy', cue: 'told', speaker: 'Tom Reed' },
      {
        content: '“We have never seen so many ships,”',
        kind: 'direct',
        cue: 'said',
        source: 'Reed',
        speaker: 'Tom Reed',
        role: 'Harbour master',
      },
    ],
  },
  {
    name: 'anonymous official relayed by an agency, hedged',
    lang: 'en',
    text: 'Talks stall\n\nA senior official (who refused to be named) said the talks had stalled, according to Reuters. The official reportedly added that a deal was still possible.',
    want: [
      {
        content: 'the talks had stalled',
        source: 'A senior official',
        type: 'anonymous',
        via: 'Reuters',
        signals: ['refused to be named'],
      },
      {
        content: 'that a deal was still possible',
        source: 'The official',
        speaker: 'senior official',
        type: 'anonymous',
        signals: ['reportedly'],
      },
    ],
  },
  {
    name: 'inverted verb, evaluative cue and scare quote',
    lang: 'en',
    text: 'Vote\n\n“The count was fair and complete,” insisted Mayor Ann Berg. The whole count was a “farce.”',
    want: [
      {
        content: '“The count was fair and complete,”',
        kind: 'direct',
        cue: 'insisted',
        speaker: 'Ann Berg',
        signals: ['insisted'],
      },
      { content: '“farce.”', kind: 'scare' },
    ],
  },
  {
    name: 'quote across a paragraph break with a lost closing mark',
    lang: 'en',
    text: 'Flood\n\n"The river rose fast. Nobody was ready for it.\n\n"\n\nThe mayor said the dams held.',
    want: [
      { content: '"The river rose fast. Nobody was ready for it.\n\n"', kind: 'direct' },
      { content: 'the dams held', speaker: 'mayor' },
    ],
  },
  {
    name: 'content interrupted by its cue, and a quoted continuation',
    lang: 'en',
    text: 'Schools\n\nIn most districts, Dean Ola Moss said, classes resume on Monday.\n\n“We are ready,” Moss said. “The buses are fuelled.”',
    want: [
      {
        content: 'In most districts, Dean Ola Moss said, classes resume on Monday',
        parts: ['In most districts', 'classes resume on Monday'],
        speaker: 'Ola Moss',
      },
      {
        content: '“We are ready,” Moss said. “The buses are fuelled.”',
        parts: ['“We are ready,”', '“The buses are fuelled.”'],
        // Both pieces are quotations: direct, though the cue clause between them is not quoted.
        kind: 'direct',
        speaker: 'Ola Moss',
      },
    ],
  },
  {
    name: 'appositions give the role, before or after the cue',
    lang: 'en',
    text: "Ports\n\nCongressman Paul Dunn, a harbour supporter, said the dock opens soon. ''It will,'' said Vera Lind, director of the port authority.",
    want: [
      {
        content: 'the dock opens soon',
        source: 'Congressman Paul Dunn',
        speaker: 'Paul Dunn',
        role: 'Congressman, harbour supporter',
      },
      {
        content: "''It will,''",
        kind: 'direct',
        source: 'Vera Lind',
        speaker: 'Vera Lind',
        type: 'person',
        role: 'director of the port authority',
      },
    ],
  },
  {
    name: 'a quotation after a colon belongs to the subject of the introduction',
    lang: 'en',
    text: 'Budget\n\nMayor Rita Holm was blunt on Monday:\n\n“The budget will not pass in this form.”',
    want: [
      {
        content: '“The budget will not pass in this form.”',
        kind: 'direct',
        cue: ':',
        source: 'Mayor Rita Holm',
        speaker: 'Rita Holm',
        role: 'Mayor',
      },
    ],
  },
  {
    name: 'a short quoted word under a non-speech cue is also a scare quote',
    lang: 'en',
    text: 'Vote\n\nThe opposition rejected the count as a “farce.”',
    want: [
      { content: 'the count as a “farce.”', kind: 'mixed', cue: 'rejected', source: 'The opposition' },
      { content: '“farce.”', kind: 'scare' },
    ],
  },
  {
    name: 'cognition and intention cues with a clausal or infinitive complement',
    lang: 'en',
    text: 'Ferry plans\n\nHarbour officials expect the new ferry to arrive in June. Mayor Ana Ruiz hopes the route will cut commuting times. Local records show the old pier was repaired twice.',
    want: [
      { content: 'the new ferry to arrive in June', cue: 'expect', source: 'Harbour officials' },
      { content: 'the route will cut commuting times', cue: 'hopes', source: 'Mayor Ana Ruiz' },
      { content: 'the old pier was repaired twice', cue: 'show', source: 'Local records' },
    ],
  },
  {
    name: 'calls for, fears and doubts',
    lang: 'en',
    text: 'Bridge vote\n\nSenator Lee Park called for a full audit of the bridge contract. Residents fear the tolls will rise again. Engineer Omar Diaz doubts the deck can carry trucks.',
    want: [
      { content: 'a full audit of the bridge contract', cue: 'called for', source: 'Senator Lee Park' },
      { content: 'the tolls will rise again', cue: 'fear', source: 'Residents' },
      { content: 'the deck can carry trucks', cue: 'doubts', source: 'Engineer Omar Diaz' },
    ],
  },
  {
    name: 'headline source before a colon; a lead poll and a subjectless question',
    lang: 'en',
    text: 'Poll: Ferry Fares Should Fall\n\nIn a Harbour Gazette poll released Monday, most riders backed cheaper fares. When asked whether fares would fall, the mayor smiled.',
    want: [
      { content: 'Ferry Fares Should Fall', cue: ':', source: 'Poll' },
      {
        content: 'most riders backed cheaper fares',
        cue: 'In',
        source: 'a Harbour Gazette poll released Monday',
      },
      { content: 'whether fares would fall', cue: 'asked' },
    ],
  },
  {
    name: 'a section label before a headline colon is no source; the headline after it is read',
    lang: 'en',
    text: 'Interview: Harbour Master Backs Ferry Plan\n\nThe ferry runs at nine.',
    want: [{ content: 'Ferry Plan', cue: 'Backs', source: 'Harbour Master' }],
  },
  {
    name: "AP's `The Latest:` is no speaker, nor the antecedent of a later pronoun",
    lang: 'en',
    text: 'The Latest: Mayor Ana Ruiz tells voters she is with them.\n\nHARBOUR CITY (AP) — The Latest on the ferry vote (all times local):\n\n“I am with you,” she told a rally on Monday.',
    want: [
      { content: 'voters she is with them', cue: 'tells', source: 'Mayor Ana Ruiz', speaker: 'Ana Ruiz' },
      { content: '“I am with you,”', kind: 'direct', cue: 'told', source: 'she', speaker: 'Ana Ruiz' },
    ],
  },
  {
    name: "a sentence's opening adverb is no part of the speaker's name",
    lang: 'en',
    text: "Court report\n\nLawyer Ben Brafman met the judge on Monday. Then Brafman exposed the government's tactics. Now Mayor Ana Ruiz says the ferry will run.",
    want: [
      { content: "the government's tactics", cue: 'exposed', source: 'Brafman', speaker: 'Brafman' },
      {
        content: 'the ferry will run',
        cue: 'says',
        source: 'Mayor Ana Ruiz',
        speaker: 'Ana Ruiz',
        role: 'Mayor',
      },
    ],
  },
  {
    name: 'an opening adverb after an ellipsis (`...`, `…`) is cut too',
    lang: 'en',
    text: "Court report\n\nLawyer Ben Brafman met the judge on Monday... Then Brafman exposed the government's tactics. The talks stalled… Now Mayor Ana Ruiz says the ferry will run.",
    want: [
      { content: "the government's tactics", cue: 'exposed', source: 'Brafman', speaker: 'Brafman' },
      {
        content: 'the ferry will run',
        cue: 'says',
        source: 'Mayor Ana Ruiz',
        speaker: 'Ana Ruiz',
        role: 'Mayor',
      },
    ],
  },
  {
    name: "a name's own first word is kept: `Soon` of a name, a `Tonight` inside a sentence",
    lang: 'en',
    text: 'Film notes\n\nSoon Yi Previn said the film was unfair. On Monday the Tonight Show host Jimmy Fallon said the ferry was late. The crew waited, then Mayor Ana Ruiz said the ferry would run.',
    want: [
      { content: 'the film was unfair', cue: 'said', source: 'Soon Yi Previn', speaker: 'Soon Yi Previn' },
      {
        content: 'the ferry was late',
        cue: 'said',
        source: 'the Tonight Show host Jimmy Fallon',
        speaker: 'Jimmy Fallon',
        role: 'Tonight Show host',
      },
      { content: 'the ferry would run', cue: 'said', source: 'Mayor Ana Ruiz', speaker: 'Ana Ruiz' },
    ],
  },
  {
    name: 'a section label with no headline attribution after it gives none',
    lang: 'en',
    text: 'The Latest: Ferry fares rise in June\n\nThe ferry runs at nine. “It is late,” she said.',
    want: [{ content: '“It is late,”', kind: 'direct', cue: 'said', source: 'she', speaker: 'she' }],
  },
  {
    name: 'a headline source before its colon',
    lang: 'en',
    text: 'Poll: Most Residents Back Ferry Plan\n\nThe ferry runs at nine.',
    want: [{ content: 'Most Residents Back Ferry Plan', cue: ':', source: 'Poll' }],
  },
  {
    name: 'headline speech verb in title case, and citing as a cue',
    lang: 'en',
    text: 'Mayor Says Ferry Will Run All Winter\n\nThe council delayed the vote, citing gaps in the budget report.',
    want: [
      { content: 'Ferry Will Run All Winter', cue: 'Says', source: 'Mayor' },
      { content: 'gaps in the budget report', cue: 'citing' },
    ],
  },
  {
    name: 'headline: a cue-list verb in sentence case after a subject of plain words',
    lang: 'en',
    text: 'Harbour pilots blast ferry plan\n\nThe ferry runs at nine.',
    want: [{ content: 'ferry plan', cue: 'blast', source: 'Harbour pilots' }],
  },
  {
    name: 'headline: a title-case cue-list verb with a one-word content',
    lang: 'en',
    text: 'Harbour Master Endorses Ruiz\n\nThe ferry runs at nine.',
    want: [{ content: 'Ruiz', cue: 'Endorses', source: 'Harbour Master' }],
  },
  {
    name: 'headline: a cue phrase of several words is the cue, its object the content',
    lang: 'en',
    text: 'Mayor Ruiz Calls for Ferry Inquiry\n\nThe ferry runs at nine.',
    want: [{ content: 'Ferry Inquiry', cue: 'Calls for', source: 'Mayor Ruiz' }],
  },
  {
    name: 'headline: no subject reading before the verb (a number, then lower case), no attribution',
    lang: 'en',
    text: '3 towns endorse ferry plan\n\nThe ferry runs at nine.',
    want: [],
  },
  {
    name: 'a wish inside reported speech is not a second attribution; an intention is one clause',
    lang: 'en',
    text: 'Port plans\n\nMayor Ana Ruiz said she wanted a second ferry. Harbour owners want a longer pier, which the city cannot afford.',
    want: [
      { content: 'she wanted a second ferry', cue: 'said', source: 'Mayor Ana Ruiz' },
      { content: 'a longer pier', cue: 'want', source: 'Harbour owners' },
    ],
  },
  {
    name: 'an aside between paired dashes and an although-clause stay in the content',
    lang: 'en',
    text: 'Pier news\n\nMayor Ana Ruiz said that the new pier — a gift from the port — would open in May, although the date may slip.',
    want: [
      {
        content: 'that the new pier — a gift from the port — would open in May, although the date may slip',
        cue: 'said',
        source: 'Mayor Ana Ruiz',
      },
    ],
  },
  {
    name: 'views and feelings: see X as Y, feel that',
    lang: 'en',
    text: 'Port views\n\nMost dock workers see the new crane as a threat to their jobs. Captain Omar Diaz feels the harbour is too crowded.',
    want: [
      { content: 'the new crane as a threat to their jobs', cue: 'see', source: 'Most dock workers' },
      { content: 'the harbour is too crowded', cue: 'feels', source: 'Captain Omar Diaz' },
    ],
  },
  {
    name: 'stance nouns after a possessor: plan to, claim that',
    lang: 'en',
    text: 'Ferry row\n\nHer plan to double the ferry fares, announced on Monday, angered riders. Mayor Ruiz’s claim that the pier is safe, made at the hearing, drew laughter.',
    want: [
      { content: 'to double the ferry fares', cue: 'plan', source: 'Her' },
      { content: 'that the pier is safe', cue: 'claim', source: 'Mayor Ruiz’s' },
    ],
  },
  {
    name: 'talks about: the topic up to the clause end',
    lang: 'en',
    text: 'Rally\n\nSenator Lee Park talked about the ferry subsidies, then left early.',
    want: [{ content: 'the ferry subsidies', cue: 'talked about', source: 'Senator Lee Park' }],
  },
  {
    name: 'Russian: dash attribution and по словам',
    lang: 'ru',
    text: 'Новости\n\n«Мост откроют весной», — сказал глава района Иван Петров. По словам Петрова, работы идут по плану.',
    want: [
      {
        content: '«Мост откроют весной»',
        kind: 'direct',
        cue: 'сказал',
        source: 'глава района Иван Петров',
        speaker: 'Иван Петров',
        type: 'person',
      },
      { content: 'работы идут по плану', cue: 'По словам', source: 'Петрова', speaker: 'Иван Петров' },
    ],
  },
  {
    name: 'according to X after an opening phrase relays the said-clause that runs up to it',
    lang: 'en',
    text: 'Port talks\n\nSpeaking to reporters on Friday, a senior port official (who asked not to be named) said that the ferry “will not survive the winter,” according to AFP. The vote is on Monday.',
    want: [
      {
        content: 'that the ferry “will not survive the winter,”',
        kind: 'mixed',
        cue: 'said',
        type: 'anonymous',
        via: 'AFP',
        signals: ['asked not to be named'],
      },
    ],
  },
  {
    name: 'a `say` attribution nested in another one stays, the outer one goes (`issued a statement saying …`)',
    lang: 'en',
    text: 'Port talks\n\nThe harbour board issued a statement saying the ferry will resume in May.',
    want: [{ content: 'the ferry will resume in May', cue: 'saying', source: 'a statement' }],
  },
  {
    name: '`X said Y says Z`: the nested `says` attribution is the one kept',
    lang: 'en',
    text: 'Port talks\n\nMayor Anne Holt said the port director says the docks are safe. The vote is on Monday.',
    want: [{ content: 'the docks are safe', cue: 'says', source: 'the port director' }],
  },
  {
    name: '`X said Y believes Z`: a nested thought is no attribution of its own, the outer one stays',
    lang: 'en',
    text: 'Port talks\n\nMayor Anne Holt told reporters that the port director believes the docks are safe.',
    want: [
      {
        content: 'that the port director believes the docks are safe',
        cue: 'told',
        source: 'Mayor Anne Holt',
      },
    ],
  },
  {
    name: '`it remains unclear whether` is an open question, no attribution; a preposition ends the source walking back',
    lang: 'en',
    text: 'Port talks\n\nIt remains unclear whether the ferry will return. The plan cuts against years of harbour reports that described the port as vital.',
    want: [{ content: 'the port as vital', cue: 'described', source: 'years of harbour reports' }],
  },
  {
    name: 'Russian: как сформулировал with a genitive organisation in the role',
    lang: 'ru',
    text: 'Новости\n\nКак сформулировал заместитель председателя Совета Федерации Олег Ветров, «бюджет принят вовремя».',
    want: [
      {
        content: '«бюджет принят вовремя»',
        kind: 'direct',
        cue: 'сформулировал',
        speaker: 'Олег Ветров',
        role: 'заместитель председателя Совета Федерации',
        type: 'person',
      },
    ],
  },
  {
    name: 'Russian: заявил, что and сообщает agency',
    lang: 'ru',
    text: 'Новости\n\nМинистр финансов Анна Орлова заявила, что бюджет будет принят. Цены выросли на пять процентов, сообщает ТАСС.',
    want: [
      { content: 'бюджет будет принят', cue: 'заявила', speaker: 'Анна Орлова', role: 'Министр финансов' },
      { content: 'Цены выросли на пять процентов', cue: 'сообщает', source: 'ТАСС', type: 'media' },
    ],
  },
  {
    name: 'Russian subjects among adverbials: a time phrase, a manner phrase, an object phrase before the subject',
    lang: 'ru',
    text: 'Уголь\n\nУже в середине июля премьер-министр Польши Матеуш Моравецкий признал, что угля нет. Этот депутат без тени шутки заявил, что доля таких граждан велика. По старой привычке нацисты заявляют, что всё хорошо. При этом выразили сомнение, что план сработает.',
    want: [
      { content: 'угля нет', speaker: 'Матеуш Моравецкий', type: 'person', role: 'премьер-министр Польши' },
      { content: 'доля таких граждан велика', source: 'Этот депутат' },
      { content: 'всё хорошо', source: 'нацисты' },
      // No subject: the previous speaker's.
      { content: 'сомнение, что план сработает', speaker: 'нацисты' },
    ],
  },
  {
    name: 'Russian places and institutions as sources; `Об этом <date> сообщает`; a cited source in the accusative',
    lang: 'ru',
    text: 'Удары\n\nНапомним, ранее в Минобороны России сообщили, что производство выросло. В ведомстве указали, что нужно ждать. Цены растут. Об этом 28 июля сообщает UCA News. Переговоры идут. Об этом сообщает РБК-Украина со ссылкой на омбудсмена Людмилу Денисову. Как передает РИА Новости, встреча состоится.',
    want: [
      { content: 'производство выросло', speaker: 'Минобороны России' },
      { content: 'нужно ждать', source: 'ведомстве', speaker: 'ведомство', type: 'government' },
      { content: 'Цены растут', speaker: 'UCA News' },
      { content: 'Переговоры идут', speaker: 'Людмила Денисова', via: 'РБК-Украина' },
      { content: 'встреча состоится', speaker: 'РИА Новости', type: 'media' },
    ],
  },
  {
    name: 'a description with another country is not the earlier speaker of the same role',
    lang: 'ru',
    text: 'Саммит\n\nПрезидент Финляндии Саули Ниинистё заявил, что переговоры возможны. В середине июня президент России сообщил, что готов к встрече. В Кремле заявили, что ответ дан.',
    want: [
      { content: 'переговоры возможны', speaker: 'Саули Ниинистё' },
      { content: 'готов к встрече', speaker: 'президент России' },
      // A place in another case is named in the nominative.
      { content: 'ответ дан', source: 'Кремле', speaker: 'Кремль', type: 'government' },
    ],
  },
  {
    name: 'Russian: in `по его словам` the possessive is the source and resolves; `по его мнению` inside another attribution is no cue of its own',
    lang: 'ru',
    text: 'Газовый спор\n\nМинистр Иван Петров заявил, что запасов хватит. По его словам, хранилища заполнены на 57 процентов. Он также отметил, что зима, по его мнению, будет мягкой.',
    want: [
      { content: 'запасов хватит', source: 'Министр Иван Петров', speaker: 'Иван Петров' },
      {
        content: 'хранилища заполнены на 57 процентов',
        cue: 'По его словам',
        source: 'его',
        speaker: 'Иван Петров',
        type: 'person',
      },
      { content: 'зима, по его мнению, будет мягкой', cue: 'отметил', source: 'Он', speaker: 'Иван Петров' },
    ],
  },
  {
    name: 'Russian: a что-clause goes on past `, а`; a bare role noun goes back to the person named; a spaced hyphen before `это` is a copula, not the end',
    lang: 'ru',
    text: 'Газовый спор\n\nАналитик Мария Сидорова считает, что запасов хватит, а цены упадут. Эксперт добавила, что санкции - это долгосрочная стратегия.',
    want: [
      {
        content: 'запасов хватит, а цены упадут',
        source: 'Аналитик Мария Сидорова',
        speaker: 'Мария Сидорова',
      },
      {
        content: 'санкции - это долгосрочная стратегия',
        source: 'Эксперт',
        speaker: 'Мария Сидорова',
        type: 'person',
      },
    ],
  },
  {
    name: 'Russian: a bare role noun with no person named before stays unresolved; an anonymous head is no person',
    lang: 'ru',
    text: 'Фронт\n\nИсточник сообщил, что бои идут. Эксперт считает, что это важно.',
    want: [
      { content: 'бои идут', source: 'Источник', type: 'anonymous' },
      { content: 'это важно', source: 'Эксперт', type: 'unknown' },
    ],
  },
  {
    name: 'Russian: straight quotes nest inside straight quotes; a spaced hyphen sets off dash speech',
    lang: 'ru',
    text: 'Газовый спор\n\n"Это спор. У нас была "более длинная рука", но это ничего не значит", - сказал Петров.',
    want: [
      {
        content: '"Это спор. У нас была "более длинная рука", но это ничего не значит"',
        kind: 'direct',
        cue: 'сказал',
        source: 'Петров',
      },
    ],
  },
  {
    name: 'Russian: past imperfective and `счел` forms are cues; `считали` (a belief of the past) is not',
    lang: 'ru',
    text: 'Газовый спор\n\nПесков неоднократно отмечал, что Москва не наказывает покупателей. Все считали его героем.',
    want: [{ content: 'Москва не наказывает покупателей', cue: 'отмечал', source: 'Песков' }],
  },
  {
    name: 'Russian headline: a colon source',
    lang: 'ru',
    text: 'Daily Herald: Петров сомневается в победе соперника\n\nТекст статьи.',
    want: [{ content: 'Петров сомневается в победе соперника', cue: ':', source: 'Daily Herald' }],
  },
  {
    name: 'Russian headline: a trailing `пишет X` reads as in the body',
    lang: 'ru',
    text: 'Петров готов к переговорам, пишет FT\n\nТекст статьи.',
    want: [{ content: 'Петров готов к переговорам', cue: 'пишет', source: 'FT' }],
  },
  {
    name: 'Russian headline: `X заявил, что …` opens its content after `, что`',
    lang: 'ru',
    text: 'Лавров заявил, что Запад загнал себя в тупик\n\nТекст статьи.',
    want: [{ content: 'Запад загнал себя в тупик', cue: 'заявил', source: 'Лавров' }],
  },
  {
    name: 'Russian headline: `рассказал о …` announces a topic, no attribution',
    lang: 'ru',
    text: 'Петров рассказал о споре с соседями\n\nВедущий счел, что шоу удалось.',
    want: [{ content: 'шоу удалось', cue: 'счел', source: 'Ведущий' }],
  },
];

describe('quotes', () => {
  it('`it remains unclear whether …`, `It’s also uncertain whether …` are open questions, no attributions', () => {
    for (const text of [
      'Port talks\n\nIt remains unclear whether the ferry will return.',
      'Port talks\n\nIt’s also uncertain whether the ferry will return.',
    ])
      expect(run(text, 'en')).toEqual([]);
  });

  it('a text that opens on a cue word (`Think Well, Think Different: …`) is read, not failed', () => {
    const text =
      'Think Well, Think Different: Three Things To Weigh When Building A Team Think Well is a column. What we value is hard to achieve, the founder said.';
    expect(() => run(text, 'en')).not.toThrow();
  });

  it('`Officials are unsure whether …` stays an attribution', () => {
    const text = 'Port talks\n\nOfficials are unsure whether the ferry will return.';
    expect(run(text, 'en').map((q) => at(text, q.cue))).toEqual(['unsure']);
  });

  it.each(cases)('$name', ({ text, lang, want }) => {
    const got = run(text, lang);
    expect(got.map((q) => at(text, q))).toEqual(want.map((w) => w.content));
    // Every field a case names is compared in one `toEqual`: a field the layer drops or changes
    // fails, whatever the others hold.
    const seen = got.map((q, i) => {
      const all: Record<keyof Case['want'][number], unknown> = {
        content: text.slice(q.start, q.end),
        kind: q.kind,
        cue: at(text, q.cue),
        source: at(text, q.source),
        speaker: q.speaker?.name,
        type: q.speaker?.type,
        role: q.speaker?.role,
        via: q.via?.name,
        parts: q.parts?.map((p) => at(text, p)),
        signals: q.signals.map((s) => at(text, s)),
      };
      return Object.fromEntries(Object.keys(want[i] ?? {}).map((k) => [k, all[k as keyof typeof all]]));
    });
    expect(seen).toEqual(want);
  });
});

describe('accusativeRu', () => {
  it.each([
    ['Марию Захарову', 'Мария Захарова'],
    ['Людмилу Денисову', 'Людмила Денисова'],
    ['Дмитрия Пескова', 'Дмитрий Песков'],
    ['Шойгу', 'Шойгу'],
    ['Наталью Поклонскую', 'Наталья Поклонская'],
  ])('%s → %s', (acc, nom) => {
    expect(accusativeRu(acc)).toBe(nom);
  });
});

describe('nominativeRu', () => {
  it.each([
    ['Дмитрия Пескова', 'Дмитрий Песков'],
    ['Марии Захаровой', 'Мария Захарова'],
    ['Сергея Шойгу', 'Сергей Шойгу'],
    ['Владимира Зеленского', 'Владимир Зеленский'],
    ['Ольги Скабеевой', 'Ольга Скабеева'],
    ['Игоря Конашенкова', 'Игорь Конашенков'],
    ['Натальи Поклонской', 'Наталья Поклонская'],
    ['Анны Нетребко', 'Анна Нетребко'],
    ['Джо Байдена', 'Джо Байден'],
    ['Владимира Владимировича Путина', 'Владимир Владимирович Путин'],
  ])('%s → %s', (gen, nom) => {
    expect(nominativeRu(gen)).toBe(nom);
  });
});
