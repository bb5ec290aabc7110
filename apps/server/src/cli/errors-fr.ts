// What `carton import` / `carton export` tell an administrator when an archive is refused: the
// alliance's admins read French, so the French sentence comes first, then the stable code and
// the server's English message (for a bug report, or a search). The sentences are the web
// client's (apps/web/src/i18n/fr-CA.json, `home.importArchive.errors` and `serverErrors`),
// copied here rather than imported: the server never imports web code.
import type { ArchiveErrorCode } from '../archive/errors.ts';
import { ARCHIVE_ERRORS_EN, EXPORT_TOO_LARGE_EN } from './errors-en.ts';
import type { CliLanguage } from './language.ts';
import { printable } from './printable.ts';

/** One sentence per archive refusal (every ArchiveErrorCode: the type checks none is missing). */
const ARCHIVE_ERRORS_FR: Readonly<Record<ArchiveErrorCode, string>> = {
  not_zip: 'Ce fichier n’est pas une archive .zip, ou il est abîmé.',
  zip_bomb: 'Cette archive est trop grosse une fois décompressée pour être importée.',
  missing_manifest:
    'Ce fichier .zip n’est pas une archive de forum Carton (il lui manque manifest.json).',
  wrong_format: 'Ce fichier .zip n’est pas une archive de forum Carton.',
  future_version:
    'Cette archive vient d’une version plus récente de Carton\u00a0: mettez ce serveur à jour pour l’importer.',
  invalid_manifest: 'L’archive est abîmée\u00a0: son fichier manifest.json est illisible.',
  missing_file: 'L’archive est incomplète\u00a0: il lui manque un fichier de tableau.',
  checksum_mismatch: 'Un fichier de l’archive a été modifié ou abîmé depuis son téléchargement.',
  invalid_board: 'Un tableau de l’archive est illisible.',
  broken_image: 'Une photo de l’archive est abîmée.',
  too_large: 'Cette archive dépasse la taille qu’un serveur Carton accepte.',
  image_quota_exceeded:
    'Les photos de cette archive dépassent l’espace réservé aux images d’un forum sur ce serveur.',
  unsafe_path:
    'Cette archive contient un fichier dont le nom sortirait de son dossier (comme «\u00a0../\u00a0»)\u00a0: elle n’a pas été écrite par Carton telle quelle.',
  archive_too_large: 'Cette archive contient plus qu’un forum ne peut en tenir sur ce serveur.',
};

/** An export refused before its first byte (413 `archive_too_large` on HTTP). */
const EXPORT_TOO_LARGE_FR =
  'Ce forum est trop volumineux pour tenir dans une seule archive que Carton pourra réimporter. Gardez plutôt ses tableaux un par un\u00a0: ouvrez chaque tableau, puis «\u00a0Exporter / Importer\u00a0» et «\u00a0Tableau complet (JSON)\u00a0».';

/** R6 on import: the database refused a write; the import left nothing behind. */
export const NOT_STORED_FR =
  'La base de données n’a pas enregistré l’importation\u00a0: rien n’a été importé. Réessayez dans un instant.';

/**
 * The lines `carton` prints for a refused archive: the French sentence (with what it means for
 * the data), then `code: English message (where)` — the message and the place may quote the
 * archive's own entry names, printed escaped (printable).
 */
export function archiveRefusalText(
  error: { code: ArchiveErrorCode; message: string; path: string },
  during: 'import' | 'export',
  language: CliLanguage = 'fr',
): string {
  const sentence =
    language === 'en'
      ? englishRefusal(error.code, during)
      : during === 'export'
        ? error.code === 'archive_too_large'
          ? EXPORT_TOO_LARGE_FR
          : ARCHIVE_ERRORS_FR[error.code]
        : `${ARCHIVE_ERRORS_FR[error.code]} Rien n’a été importé.`;
  const where = error.path === '(archive)' ? '' : ` (${printable(error.path)})`;
  return `carton: ${sentence}\n  ${error.code}: ${printable(error.message)}${where}\n`;
}

/** An English terminal's sentence (cliLanguage), then the same code line. */
function englishRefusal(code: ArchiveErrorCode, during: 'import' | 'export'): string {
  if (during === 'export')
    return code === 'archive_too_large' ? EXPORT_TOO_LARGE_EN : ARCHIVE_ERRORS_EN[code];
  return `${ARCHIVE_ERRORS_EN[code]} Nothing was imported.`;
}
