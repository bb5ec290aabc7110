// A start that fails for a reason the operator can fix is one plain sentence: the real errors a
// real start throws (a taken port, a file where the data directory goes, a file that is not a
// database), read back by startupFailureText.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './http/server.ts';
import { silentLogger } from './log.ts';
import { startupFailureText } from './startup-failure.ts';

const dir = mkdtempSync(join(tmpdir(), 'carton-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a start with this environment throws (it must throw). */
async function failedStart(env: Record<string, string>) {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', ...env });
  const outcome = await startServer(config, silentLogger).then(
    async (server) => {
      await server.close();
      return null;
    },
    (error: unknown) => error,
  );
  expect(outcome, 'the start should have failed').not.toBeNull();
  return { error: outcome, config };
}

describe('a start that fails says why in one sentence', () => {
  it('a port another program holds: names the port and another to use', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const { error, config } = await failedStart({
        PORT: String(port),
        CARTON_DATA_DIR: join(dir, 'port'),
      });
      expect(startupFailureText(error, config)).toBe(
        `port ${port} is already in use on 127.0.0.1 (another Carton, or another program, ` +
          `listens there). Stop it, or start on another port: PORT=${port + 1}`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('a data directory that is a file', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const { error, config } = await failedStart({ CARTON_DATA_DIR: file });
    expect(startupFailureText(error, config)).toBe(
      `CARTON_DATA_DIR=${file} is not a directory. Choose a directory for Carton's data`,
    );
  });

  it('a carton.sqlite that is not a database (a wrong file put back)', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'carton.sqlite'), 'Conditions présentes, conditions souhaitées\n');
    const { error, config } = await failedStart({ CARTON_DATA_DIR: broken });
    const text = startupFailureText(error, config);
    expect(text).toMatch(/carton\.sqlite is not a Carton database, or it is damaged/);
    expect(text).toMatch(/Put back a backup copy/);
  });

  it('an address the machine does not have (HOST set to a previous venue address)', () => {
    const error = Object.assign(new Error('listen EADDRNOTAVAIL: address not available'), {
      code: 'EADDRNOTAVAIL',
      syscall: 'listen',
    });
    const config = loadConfig({ HOST: '192.168.1.20' });
    expect(startupFailureText(error, config)).toMatch(
      /^HOST=192\.168\.1\.20 is not an address of this machine .* Use HOST=0\.0\.0\.0/,
    );
  });

  it('anything else is left to the stack trace', () => {
    expect(startupFailureText(new Error('bug'), loadConfig({}))).toBeNull();
    expect(startupFailureText('text', loadConfig({}))).toBeNull();
  });
});
