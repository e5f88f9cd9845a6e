import type { Entity } from '../entities/entities.js';
import { gazetteerFormRu, keysOfRu } from '../quotes/gazetteer-forms-ru.js';

/**
 * The nominative a Russian source is shown by, where it is known: the shipped gazetteer's Russian
 * form with the same words save their case endings (`Еврокомиссии` → `Еврокомиссия`, `Всемирного
 * Банка` → `Всемирный банк`), else the linked entity's name when the entities layer made it (a
 * nominative read off the Russian lexicon: no mention is written so) and it differs from the
 * name only in the endings. Otherwise the name as it stands: no form is guessed here.
 */
export function nominativeDisplayRu(name: string, entity: Entity | undefined): string {
  if (!/[а-яё]/i.test(name)) return name;
  const form = gazetteerFormRu(name);
  if (form) return form;
  if (
    entity &&
    entity.gazetteer === undefined &&
    entity.name !== name &&
    !entity.mentions.some((m) => m.text === entity.name) &&
    keysOfRu(entity.name) === keysOfRu(name)
  )
    return entity.name;
  return name;
}
