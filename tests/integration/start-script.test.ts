// `npm start` (scripts/start.mjs) over a Carton still running — a second start, or an update
// started without stopping the first: it says so before installing or building anything, so
// the running Carton's files are not rebuilt under it.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server.ts';

let holder: Server;
let port = 0;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => holder.close(resolve)));

it('a taken port stops npm start before it installs or builds, saying what to do', async () => {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toBe(
    `Port ${port} is already taken: is Carton still running? Stop it first (Ctrl+C in its ` +
      `window), or start on another port: PORT=${port + 1} npm start\n`,
  );
  expect(stdout).not.toMatch(/Installing|Building/);
});
