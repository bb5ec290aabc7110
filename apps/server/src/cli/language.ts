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
  /** R70: `carton delete` — what it would erase, its refusal without --yes, what it did. */
  deletion: DeletionText;
}

/** What a forum's deletion would erase (counted before), for `carton delete`'s sentences. */
export interface DeletionCounts {
  title: string;
  id: string;
  boards: number;
  removedBoards: number;
  photoBytes: number;
}

export interface DeletionText {
  wouldErase: (counts: DeletionCounts) => string[];
  needsYes: (id: string) => string;
  erased: (counts: DeletionCounts) => string[];
  alreadyDeleted: (id: string) => string;
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
  deletion: {
    wouldErase: (c) => [
      `Forum “${c.title}” (${c.id}): deleting it erases for good`,
      `  ${boardsEn(c)}: every note, drawing and saved version`,
      `  ${megabytes(c.photoBytes, 'en')} MB of photos, the dot votes, the timer and the compilation`,
      '  the forum’s and the boards’ names; its links will answer “forum deleted”.',
      'This cannot be undone. Keep its archive first:',
      `  carton export --forum ${c.id} --out forum.zip`,
    ],
    needsYes: (id) =>
      `nothing was deleted: add --yes to delete forum ${id} for good (carton delete --forum ${id} --yes)`,
    erased: (c) => [
      `Forum “${c.title}” (${c.id}) deleted: ${boardsEn(c)} and ${megabytes(c.photoBytes, 'en')} MB of photos erased, with its votes.`,
      'Its links now answer “forum deleted”. A Carton server running on this data closes',
      'its connections to this forum within a second and cannot write it back.',
    ],
    alreadyDeleted: (id) => `forum ${id} was already deleted`,
  },
};

function megabytes(bytes: number, language: CliLanguage): string {
  const value = (bytes / 1_000_000).toFixed(1);
  return language === 'fr' ? value.replace('.', ',') : value;
}

function boardsEn(c: DeletionCounts): string {
  const boards = `${c.boards + c.removedBoards} board${c.boards + c.removedBoards === 1 ? '' : 's'}`;
  return c.removedBoards > 0 ? `${boards} (${c.removedBoards} taken out)` : boards;
}

function boardsFr(c: DeletionCounts): string {
  const total = c.boards + c.removedBoards;
  const boards = `${total} tableau${total === 1 ? '' : 'x'}`;
  if (c.removedBoards === 0) return boards;
  return `${boards} (dont ${c.removedBoards} retiré${c.removedBoards === 1 ? '' : 's'})`;
}

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
  deletion: {
    wouldErase: (c) => [
      `Forum «\u00a0${c.title}\u00a0» (${c.id})\u00a0: le supprimer efface pour de bon`,
      `  ${boardsFr(c)}\u00a0: chaque papillon, dessin et version gardée`,
      `  ${megabytes(c.photoBytes, 'fr')}\u00a0Mo de photos, les votes par points, la minuterie et la compilation`,
      '  les noms du forum et des tableaux\u202f; ses liens répondront «\u00a0forum supprimé\u00a0».',
      'Cela ne peut pas être annulé. Gardez d’abord son archive\u00a0:',
      `  carton export --forum ${c.id} --out forum.zip`,
    ],
    needsYes: (id) =>
      `rien n’a été supprimé\u00a0: ajoutez --yes pour supprimer le forum ${id} pour de bon (carton delete --forum ${id} --yes)`,
    erased: (c) => [
      `Forum «\u00a0${c.title}\u00a0» (${c.id}) supprimé\u00a0: ${boardsFr(c)} et ${megabytes(c.photoBytes, 'fr')}\u00a0Mo de photos effacés, avec ses votes.`,
      'Ses liens répondent maintenant «\u00a0forum supprimé\u00a0». Un serveur Carton qui tourne sur',
      'ces données ferme ses connexions à ce forum dans la seconde et ne peut plus l’écrire.',
    ],
    alreadyDeleted: (id) => `le forum ${id} est déjà supprimé`,
  },
};

export const cliText = (language: CliLanguage): CliText => (language === 'en' ? ENGLISH : FRENCH);
