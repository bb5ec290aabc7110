// What a technician meets with a mistyped path: a plain refusal, never a stack trace or a new
// empty database beside the server's.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args.ts';
import { runCli } from './cli.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'carton-cli-unit-'));

describe('carton CLI paths', () => {
  it('ARCHIVE: import of a missing archive is a usage error, and creates no database', async () => {
    const dataDir = join(scratch(), 'data');
    const run = runCli(
      {
        kind: 'import',
        dataDir,
        archive: join(dataDir, 'forum.zip'),
        publicUrl: 'http://localhost:8787',
        json: false,
      },
      () => {},
    );
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/no such file/);
    expect(existsSync(join(dataDir, 'carton.sqlite'))).toBe(false);
  });

  it('ARCHIVE: export from a directory without a database says so, and creates none', async () => {
    const dataDir = join(scratch(), 'dat');
    const run = runCli(
      { kind: 'export', dataDir, forumId: 'abc', out: join(dataDir, 'x.zip'), png: false },
      () => {},
    );
    await expect(run).rejects.toThrow(/no Carton database/);
    expect(existsSync(join(dataDir, 'carton.sqlite'))).toBe(false);
  });
});
