/**
 * Short articles written for the reuse tests (not taken from any outlet): one wire story and
 * its republications — a copy with a dateline credit and a repeated title, a partial copy, a
 * reworded version, a Russian translation — and unrelated stories.
 */
export const WIRE_PARAGRAPHS = [
  'Grain Shipments From Odessa Resume After Two-Week Pause',
  'Cargo ships loaded with grain left the port of Odessa on Tuesday for the first time in two weeks, the port authority said, after repairs to a damaged loading terminal were completed.',
  'Twelve vessels carrying about 410,000 tonnes of wheat and maize sailed towards the Bosphorus, port director Ivan Petrenko told reporters at the harbour.',
  '"We have restored two of the three berths and expect the third to open next month," Petrenko said, adding that insurance costs for shipowners remained high.',
  'The terminal was hit during a drone attack on the night of March 3, which set fire to a warehouse and damaged conveyor belts used to load bulk carriers.',
  'Traders in Kiev said the resumption would ease pressure on storage facilities that filled up during the pause, but warned that prices for farmers were unlikely to recover before the summer harvest.',
  'The United Nations welcomed the restart and called on all parties to guarantee the safety of civilian shipping in the Black Sea.',
];

/** The wire story as one text: title, blank line, paragraphs one per line. */
export const WIRE = `${WIRE_PARAGRAPHS[0]}\n\n${WIRE_PARAGRAPHS.slice(1).join('\n')}\n`;

/** A republication: the title twice, a dateline crediting the wire, Kiev → Kyiv, a number and a speaker changed, a hedge added. */
export const REPUBLISHED = [
  WIRE_PARAGRAPHS[0],
  '',
  WIRE_PARAGRAPHS[0],
  `KYIV (Danube Daily / Wirepress - 7th March, 2023) ${WIRE_PARAGRAPHS[1]}`,
  WIRE_PARAGRAPHS[2]!.replace('Twelve vessels', 'Fifteen vessels').replace('410,000', '450,000'),
  WIRE_PARAGRAPHS[3],
  WIRE_PARAGRAPHS[4]!.replace('The terminal was hit', 'The terminal was reportedly hit'),
  WIRE_PARAGRAPHS[5]!.replace('Kiev', 'Kyiv'),
  WIRE_PARAGRAPHS[6],
  '',
].join('\n');

/** A partial copy: two wire paragraphs inside a longer story of its own. */
export const PARTIAL = [
  'Black Sea Insurers Raise War-Risk Premiums Again',
  '',
  'Marine insurers in London raised war-risk premiums for ships calling at Black Sea ports for the third time this year, brokers said on Wednesday, citing a rise in drone and mine incidents.',
  WIRE_PARAGRAPHS[1],
  WIRE_PARAGRAPHS[2],
  'Brokers said premiums now reached one percent of a hull value for a single voyage, compared with a fraction of that before the war, and that some owners had stopped accepting charters to the region.',
  'Shipowners have asked governments to set up a state-backed insurance pool, an idea discussed at a meeting of transport ministers in Bucharest last month without a decision.',
  '',
].join('\n');

/** The same story reworded by another outlet. */
export const REWRITE = [
  'Odessa port restarts grain exports after a fortnight',
  '',
  'After a two-week pause, ships loaded with grain sailed out of Odessa on Tuesday once engineers had repaired a loading terminal damaged earlier this month, according to the port authority.',
  'Port director Ivan Petrenko said twelve ships with roughly 410,000 tonnes of maize and wheat were heading for the Bosphorus.',
  'Two of the three berths are working again and the third should reopen next month, Petrenko told journalists, noting that shipowners still paid high insurance costs.',
  'A drone strike on March 3 had set a warehouse on fire and wrecked the conveyor belts that load bulk carriers at the terminal.',
  'Grain traders in Kiev expect the restart to relieve storage sites that filled up during the pause, though they doubt farm prices will rise before the summer harvest.',
  'The UN welcomed the resumption and urged every party to keep civilian shipping in the Black Sea safe.',
  '',
].join('\n');

/** The story in Russian. */
export const TRANSLATION = [
  'Отгрузки зерна из Одессы возобновились после двухнедельной паузы',
  '',
  'Суда с зерном во вторник впервые за две недели вышли из порта Одессы после ремонта повреждённого погрузочного терминала, сообщила администрация порта.',
  'Двенадцать судов, перевозящих около 410 000 тонн пшеницы и кукурузы, направились к Босфору, сообщил журналистам директор порта Иван Петренко.',
  '«Мы восстановили два из трёх причалов и ожидаем, что третий откроется в следующем месяце», — сказал Петренко, добавив, что расходы судовладельцев на страхование остаются высокими.',
  'Терминал пострадал при атаке беспилотников в ночь на 3 марта, в результате которой загорелся склад и были повреждены конвейеры для погрузки судов.',
  'Трейдеры в Киеве заявили, что возобновление отгрузок снизит нагрузку на хранилища, но предупредили, что цены для фермеров вряд ли восстановятся до летнего урожая.',
  'ООН приветствовала возобновление экспорта и призвала все стороны гарантировать безопасность гражданского судоходства в Чёрном море.',
  '',
].join('\n');

/** Unrelated stories (other events), so the index has something to tell apart. */
export const UNRELATED = [
  [
    'City Council Approves New Tram Line Budget',
    '',
    'The city council voted on Monday to fund a new tram line linking the northern suburbs with the central railway station, ending a debate that lasted more than a year.',
    'The project will cost about 300 million euros and is expected to carry 40,000 passengers a day once it opens in 2027, the transport department said.',
    'Opposition councillors criticised the plan, saying buses would have served the same routes at a fraction of the price.',
    '',
  ].join('\n'),
  [
    'Heavy Snow Closes Mountain Passes in the Alps',
    '',
    'Several mountain passes in Switzerland and Austria were closed on Saturday after heavy snowfall, and avalanche warnings were raised to the highest level in parts of Tyrol.',
    'Rescue services urged skiers to stay on marked slopes, while railway operators cancelled trains on two lines because of the risk of snow slides.',
    'Forecasters expect the snow to ease by Monday, when temperatures are set to rise above freezing in the valleys.',
    '',
  ].join('\n'),
];
