/** The 23 persuasion techniques of SemEval-2023 Task 3, subtask 3, with the task's names. */
export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_Popularity',
  'Appeal_to_Values',
  'Appeal_to_Fear-Prejudice',
  'Flag_Waving',
  'Causal_Oversimplification',
  'False_Dilemma-No_Choice',
  'Consequential_Oversimplification',
  'Straw_Man',
  'Red_Herring',
  'Whataboutism',
  'Slogans',
  'Appeal_to_Time',
  'Conversation_Killer',
  'Loaded_Language',
  'Repetition',
  'Exaggeration-Minimisation',
  'Obfuscation-Vagueness-Confusion',
  'Name_Calling-Labeling',
  'Doubt',
  'Guilt_by_Association',
  'Appeal_to_Hypocrisy',
  'Questioning_the_Reputation',
] as const;

/** A technique name. */
export type Technique = (typeof TECHNIQUES)[number];
