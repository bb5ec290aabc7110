import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, MIGRATIONS, openDatabase } from '../storage/database.ts';
import { NewerSchemaError } from '../storage/schema-version.ts';
import { migrateAsNewerCarton } from '../storage/test-support.ts';
import { runCli } from './cli.ts';
import { newerSchemaText } from './newer-schema.ts';

let dataDir = '';

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** `carton forums` on a data directory whose file a newer Carton migrated: the error it throws. */
async function refusal(): Promise<NewerSchemaError> {
  dataDir = mkdtempSync(join(tmpdir(), 'carton-cli-newer-'));
  openDatabase(dataDir).close();
  const file = join(dataDir, DATABASE_FILE);
  migrateAsNewerCarton(file);
  const before = readFileSync(file);
  const error = await runCli({ kind: 'forums', dataDir }, () => {}).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(error).toBeInstanceOf(NewerSchemaError);
  return error as NewerSchemaError;
}

describe('carton on a database a newer Carton migrated', () => {
  it('says it in French by default: both versions, what to do, then the code line', async () => {
    const error = await refusal();
    const [sentence, code, ...rest] = newerSchemaText(error).trimEnd().split('\n');
    const file = join(dataDir, DATABASE_FILE);
    expect(sentence).toBe(
      `carton: La base de données ${file} a été mise à jour par une version plus récente de Carton (schéma ${MIGRATIONS.length + 1}\u00a0; celle-ci connaît le ${MIGRATIONS.length})\u00a0: rien n’y a été écrit. Lancez cette version plus récente (ou une suivante), ou restaurez la copie faite avant la mise à jour.`,
    );
    expect(code).toBe(`  newer_schema: ${error.message}`);
    expect(rest).toEqual([]);
  });

  it('says it in English for an English terminal', async () => {
    const error = await refusal();
    expect(newerSchemaText(error, 'en')).toContain(
      `carton: The database ${join(dataDir, DATABASE_FILE)} was updated by a newer Carton (schema ${MIGRATIONS.length + 1}; this one knows ${MIGRATIONS.length}): nothing was written to it.`,
    );
  });
});
