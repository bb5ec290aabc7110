// What `carton` says when its database was migrated by a newer Carton (a laptop swap, a
// rollback): this older build refuses it, writing nothing. French first (the alliance's admins),
// English for an English terminal (cliLanguage); then the stable code and the server's English
// line, as for a refused archive (errors-fr.ts).
import type { NewerSchemaError } from '../storage/schema-version.ts';
import type { CliLanguage } from './language.ts';
import { printable } from './printable.ts';

export function newerSchemaText(error: NewerSchemaError, language: CliLanguage = 'fr'): string {
  const where = printable(error.where);
  const sentence =
    language === 'en'
      ? `The database ${where} was updated by a newer Carton (schema ${error.found}; this one knows ${error.known}): nothing was written to it. Run that newer Carton (or a later one), or restore the copy saved before the update.`
      : `La base de données ${where} a été mise à jour par une version plus récente de Carton (schéma ${error.found}\u00a0; celle-ci connaît le ${error.known})\u00a0: rien n’y a été écrit. Lancez cette version plus récente (ou une suivante), ou restaurez la copie faite avant la mise à jour.`;
  return `carton: ${sentence}\n  newer_schema: ${printable(error.message)}\n`;
}
