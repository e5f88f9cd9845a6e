/** The 14 frames of SemEval-2023 Task 3, subtask 2 (after the Media Frames Corpus). */
export const FRAMES = [
  'Economic',
  'Capacity_and_resources',
  'Morality',
  'Fairness_and_equality',
  'Legality_Constitutionality_and_jurisprudence',
  'Policy_prescription_and_evaluation',
  'Crime_and_punishment',
  'Security_and_defense',
  'Health_and_safety',
  'Quality_of_life',
  'Cultural_identity',
  'Public_opinion',
  'Political',
  'External_regulation_and_reputation',
] as const;

/** A frame name. */
export type Frame = (typeof FRAMES)[number];

/** The genres of SemEval-2023 Task 3, subtask 1. */
export const GENRES = ['reporting', 'opinion', 'satire'] as const;

/** A genre name. */
export type Genre = (typeof GENRES)[number];
