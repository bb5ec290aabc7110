// The seed's words (the 2023 Alliance BSL forum deck), as board content. Exported so the
// client and the tests name the same strings.

export const TERRITORY_HEADINGS = {
  present: 'Conditions présentes',
  wished: 'Conditions souhaitées',
} as const;

export const POSTCARD_TEXT = {
  title: 'PAR AVION',
  destination: 'Destination prochaine Alliance BSL',
  prompt: 'Mes conditions de succès pour la prochaine Alliance',
  to: 'Pour',
  sender: 'Alliance pour la solidarité — Bas-Saint-Laurent',
} as const;

/** « Déroulement », slide « Vue d'ensemble ». */
export const AGENDA_TITLE = 'Déroulement';
export const AGENDA_HEADING = 'Vue d’ensemble';
export const AGENDA = [
  'Mot de bienvenue',
  'Brise-glace',
  'Vision commune des conditions de succès',
  'Atelier de Collectif pour un Québec sans pauvreté',
  'Cartes postales',
  'Activité de clôture',
  'Mot de la fin',
  'Appréciation',
] as const;

export const RULES_TITLE = 'Les règles de l’intelligence collective';
export const RULES = [
  'ÉCOUTER avec ATTENTION',
  'PARLER avec INTENTION',
  'ÊTRE BIENVEILLANT',
  'SE FAIRE CONFIANCE',
  'RESPECTER le CADRE',
] as const;

/** The pairs' storytelling step (« Il était une fois… »): « Questions préparatoires ». */
export const NOTES_SHEET_TITLE = 'Questions préparatoires — feuille de notes';
export const QUESTIONS_INTRO =
  'Nous vous invitons à réfléchir à une anecdote positive vécue pendant les Alliances ' +
  '(résultats, processus, situations positives, initiatives pérennes et structurantes, ' +
  'concertations qui fonctionnent bien, témoignages, etc.)';
export const QUESTIONS = [
  'Qu’est-ce qui a rendu cette expérience passionnante ?',
  'Quel a été votre rôle ou contribution ?',
  'Quelles autres personnes étaient concernées et quels étaient leurs rôles ?',
  'De quelle sorte de projet ou d’anecdote s’agissait-il ?',
  'Quelles sont les qualités de votre organisation qui ont rendu cette expérience positive ?',
  'Quel était le contexte qui a permis cette expérience positive ?',
  'Quelles pratiques ou façons de faire ont menées à cette expérience positive ?',
  'De quoi avez-vous été le plus fier pendant cette démarche ?',
  'Qu’est-ce qui a été le plus important selon vous ?',
  'Quel succès aimeriez-vous reproduire ?',
] as const;
export const NOTES_HEADING = 'Les conditions de succès de cette histoire';
