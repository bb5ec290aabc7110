// A server started without its built web client (only the server built, or CARTON_WEB_DIR
// mistyped) answers every page 404: its log says so once, at start, with the directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startServer } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'carton-webdir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The warnings a server logs while it starts with `webDir` as its web client. */
async function startWarnings(webDir: string, name: string): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const log = createLogger('warn', (line) => lines.push(line));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CARTON_DATA_DIR: join(dir, name),
    CARTON_WEB_DIR: webDir,
  });
  const server = await startServer(config, log);
  await server.close();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the web client at start', () => {
  it('missing: one warning naming the directory and how to build it', async () => {
    const missing = join(dir, 'no-such-dist');
    const warnings = await startWarnings(missing, 'missing');
    const warning = warnings.find((line) => line['event'] === 'web_client_missing');
    expect(warning).toMatchObject({ level: 'warn', webDir: missing });
    expect(String(warning?.['hint'])).toMatch(/pnpm run build/);
  });

  it('built: no warning', async () => {
    const built = join(dir, 'dist');
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Carton</title>');
    const warnings = await startWarnings(built, 'built');
    expect(warnings.filter((line) => line['event'] === 'web_client_missing')).toEqual([]);
  });
});
