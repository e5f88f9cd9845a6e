/**
 * Function words (pronouns, articles, prepositions, conjunctions, auxiliaries, particles) of the
 * languages of the corpora a store holds: English, Russian, Ukrainian, and the commonest of
 * French, German, Italian, Spanish and Polish. A name of the gazetteer that is one of them as a
 * word (`US` — *us*, `UN` — *un*, `Того` — *того*) cannot be told from the word in a case-folded
 * index: `query/names.ts` expands it only when a query types it with its capitals.
 */
const LISTS = [
  // English
  `a an the and or but nor if of in on at to by for from with as into onto upon about over under
  out up off down than then this that these those there here who whom whose what which when where
  why how all any some each both no not so too very is am are was were be been being do does did
  has have had can could will would shall should may might must i me my mine we us our ours you
  your yours he him his she her hers it its they them their theirs one`,
  // Russian
  `и в во не на я с со что он она оно они как а то все всё так его но да ты к у же вы за бы по
  только ее её мне было вот от меня еще ещё нет о об из ему когда даже ну ли если уже или ни быть
  был была были него до вас там потом себя ей может тут где есть ней для мы тебя их чем сам без
  под будет ж тогда кто этот того потому этого какой ним здесь этом один мой тем чтобы нее неё при
  два другой хоть после над тот через эти нас про всего них эту моя этой перед том такой им между
  это эта`,
  // Ukrainian
  `і й та з із зі від що як не ні це той ця цей ти ми ви він вона воно вони його її їх але або чи
  бо би вже ще без під над через між після перед коли де тут там хто який яка яке які мене нам вам
  тому щоб`,
  // French, German, Italian, Spanish, Polish (the commonest)
  `le la les un une des du de et ou en au aux ce ces il elle ils elles je tu nous vous est sont
  der die das ein eine und oder in im ist sind zu den dem des mit von auf für es er sie wir
  il lo gli uno una e o di da con per che non del della
  el los las y es del al por con para que se su
  i w z na do nie się to jest że jak od po za ale czy tak`,
];

/** Every function word of the lists, lower-cased. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  LISTS.flatMap((l) => l.split(/\s+/u)).filter(Boolean),
);
