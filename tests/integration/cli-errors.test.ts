// ARCHIVE: `carton import` tells an administrator why an archive was refused in French first
// (the alliance's admins read French), then the stable code and the server's English message,
// and exits non-zero. The built command line, on a real data directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carton } from '../support/cli.ts';
import { zipOf } from '../support/zip.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carton-cli-errors-'));
  dirs.push(dir);
  return dir;
}

interface Refusal {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `carton import` on `bytes`; answers how it failed (it must fail). */
async function refusedImport(bytes: Buffer): Promise<Refusal> {
  const dir = scratch();
  const archive = join(dir, 'forum-alliance-bsl-2023.zip');
  writeFileSync(archive, bytes);
  const outcome = await carton(['import', '--data', join(dir, 'data'), archive]).then(
    () => null,
    (error: Refusal) => error,
  );
  expect(outcome, 'carton import should have failed').not.toBeNull();
  return outcome!;
}

describe('carton import: refusals in French, then the code', () => {
  it('ARCHIVE: a file that is no zip — French sentence first, the code and the English after, exit 1', async () => {
    const refused = await refusedImport(Buffer.from('Conditions présentes, conditions souhaitées'));
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'carton: Ce fichier n’est pas une archive .zip, ou il est abîmé. Rien n’a été importé.',
    );
    expect(lines[1]).toMatch(/^ {2}not_zip: \S.*[^)]$/);
    expect(refused.stdout).toBe('');
  });

  it('ARCHIVE: a name that would leave its folder — unsafe_path, in French with its NBSPs', async () => {
    const refused = await refusedImport(
      zipOf('../incontournables.md', Buffer.from('# Nos incontournables')),
    );
    expect(refused.code).toBe(1);
    const [french, code] = refused.stderr.trimEnd().split('\n');
    expect(french).toBe(
      'carton: Cette archive contient un fichier dont le nom sortirait de son dossier (comme «\u00a0../\u00a0»)\u00a0: elle n’a pas été écrite par Carton telle quelle. Rien n’a été importé.',
    );
    expect(code).toMatch(/^ {2}unsafe_path: /);
  });
});
