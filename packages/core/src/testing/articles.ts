/**
 * Two short news articles written for the tests (not taken from any outlet): English and
 * Russian, each with direct and reported speech, named people, places and organisations, a
 * contested place name, figures and dates — enough for every layer to find something.
 */
export const ENGLISH_ARTICLE = [
  'Kyiv pledges new air defences after overnight strikes',
  '',
  'KYIV (Example Wire) — Ukraine will buy four more air-defence systems before winter, Prime Minister Denys Shmyhal said on Tuesday, after overnight strikes cut power to 1.2 million homes.',
  '',
  '"We cannot let our cities go dark again," Shmyhal told reporters in Kiev. "Every system we add saves lives."',
  '',
  'The European Commission has promised €500 million towards the purchase, a spokesperson for the Commission said, adding that the first deliveries could arrive in November.',
  '',
  'Officials in Moscow dismissed the plan as "a waste of Western money", according to the state news agency TASS.',
  '',
  'Energy minister Herman Halushchenko warned that repairs to the grid would take weeks, and that unemployment in the affected regions had risen to 11 percent since March.',
].join('\n');

/** The Russian counterpart of {@link ENGLISH_ARTICLE}. */
export const RUSSIAN_ARTICLE = [
  'В Артёмовске продолжаются бои',
  '',
  'МОСКВА, 14 марта — Бои за Артёмовск продолжаются третью неделю, заявил во вторник министр обороны Сергей Шойгу.',
  '',
  '«Наши подразделения продвигаются в северной части города», — сказал Шойгу на совещании в Москве.',
  '',
  'В Киеве заявили, что украинские военные удерживают позиции в Бахмуте. По словам представителя Генштаба ВСУ, за сутки отражено 27 атак.',
  '',
  'Песков отказался комментировать сроки завершения операции, сославшись на военных.',
].join('\n');

/**
 * A short opinion column written for the genre tests (64 words): first person, questions,
 * evaluative words.
 */
export const OPINION_COLUMN = [
  'Why I no longer trust the council',
  '',
  'I have lived in this town for thirty years, and I have never seen anything so shameful.',
  '',
  'We deserve better. Why should we pay more for less? Frankly, the plan is a disgrace, and I think everyone knows it.',
  '',
  'Surely our leaders can do better than this utterly careless budget!',
].join('\n');
