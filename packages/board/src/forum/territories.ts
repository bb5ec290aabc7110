// The eight MRCs of Bas-Saint-Laurent, the alliance's territories: the default territories of a
// new forum (server R23, the web client's form) and the model tests' data. One list, so the
// server's default and the client's form never disagree.
export const BSL_TERRITORIES = [
  'Kamouraska',
  'Rivière-du-Loup',
  'Témiscouata',
  'Les Basques',
  'Rimouski-Neigette',
  'La Mitis',
  'La Matapédia',
  'La Matanie',
] as const;
