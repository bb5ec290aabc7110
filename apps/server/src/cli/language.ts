// The language `carton` speaks to an administrator: French (the alliance's admins), or English
// when the terminal's locale is English. Sentences that only the CLI writes live here; the
// refused archives' sentences are in errors-fr.ts and their English twins in errors-en.ts.

export type CliLanguage = 'fr' | 'en';

/**
 * POSIX order: LC_ALL, then LC_MESSAGES, then LANG — the first one set decides. `en_CA.UTF-8`,
 * `en` → English; anything else (`fr_CA.UTF-8`, `C.UTF-8`, unset) → French, as before.
 */
export function cliLanguage(env: Record<string, string | undefined>): CliLanguage {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => !!value);
  return /^en(?:[_.@-]|$)/i.test(locale ?? '') ? 'en' : 'fr';
}

/** What `carton` prints itself, per language (titles come in already printable; labels end with their colon). */
export interface CliText {
  forumLine: (title: string, id: string) => string;
  facilitator: string;
  participation: string;
  view: string;
  noForums: (where: string) => string;
  newFacilitatorLink: (url: string) => string[];
  /** Refusals of a command that was typed right but names what is not there (no usage after). */
  noDatabase: (dataDir: string, file: string) => string;
  noForum: (forumId: string, where: string) => string;
  noArchive: (path: string) => string;
}

/**
 * A command understood but refused for what it names (a data directory without a database, a
 * forum that is not there, a missing archive): said in the terminal's language, without the
 * usage (the command was typed right).
 */
export class CliRefusal extends Error {
  override readonly name = 'CliRefusal';
}

const ENGLISH: CliText = {
  forumLine: (title, id) => `Forum “${title}” (${id})`,
  facilitator: 'Facilitator link:',
  participation: 'participation:',
  view: 'view:',
  noForums: (where) => `No forums in ${where}`,
  newFacilitatorLink: (url) => [
    `New facilitator link: ${url}`,
    'The old facilitator link no longer works (reload the pages opened with it).',
    'The boards’ links still work; the facilitator page cannot show them any more,',
    'but “Replace link” gives new ones.',
  ],
  noDatabase: (dataDir, file) =>
    `no Carton database in ${dataDir} (${file} not found). Give the server's data directory ` +
    `(its CARTON_DATA_DIR) with --data`,
  noForum: (forumId, where) => `no forum ${forumId} in ${where} (carton forums lists them)`,
  noArchive: (path) => `cannot read ${path}: no such file`,
};

const FRENCH: CliText = {
  forumLine: (title, id) => `Forum « ${title} » (${id})`,
  facilitator: 'Animation :',
  participation: 'édition :',
  view: 'lecture :',
  noForums: (where) => `Aucun forum dans ${where}`,
  newFacilitatorLink: (url) => [
    `Nouveau lien d’animation : ${url}`,
    'L’ancien lien d’animation ne fonctionne plus (rechargez les pages ouvertes avec lui).',
    'Les liens des tableaux restent valides ; la page d’animation ne peut plus les afficher,',
    'mais « Remplacer le lien » en donne de nouveaux.',
  ],
  noDatabase: (dataDir, file) =>
    `aucune base de données Carton dans ${dataDir} (${file} introuvable). Indiquez le ` +
    `dossier de données du serveur (son CARTON_DATA_DIR) avec --data`,
  noForum: (forumId, where) =>
    `aucun forum ${forumId} dans ${where} («\u00a0carton forums\u00a0» les liste)`,
  noArchive: (path) => `impossible de lire ${path}\u00a0: ce fichier n’existe pas`,
};

export const cliText = (language: CliLanguage): CliText => (language === 'en' ? ENGLISH : FRENCH);
