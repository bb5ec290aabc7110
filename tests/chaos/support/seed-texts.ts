// Notes the chaos tests write: issues and headings from the seed (the forum of the Alliance BSL).
export const SEED_NOTE_TEXTS: readonly string[] = [
  'Transport collectif',
  'Logement abordable',
  'Sécurité alimentaire',
  'Mobilisation des partenaires',
  'Accès aux services de proximité',
  'Reconnaissance du bénévolat',
  'Financement à la mission',
  'Conditions présentes',
  'Conditions souhaitées',
];
