// A server on one machine (SQLite, no CARTON_DATABASE_URL, no CARTON_REDIS_URL) never loads
// PostgreSQL's or Redis's client: loading them took ~0.4 s of the ~1.2 s of CPU a start took
// (apps/server/src/http/server.ts imports them only when configured). A resolve hook in the
// built server's process lists every module it loads. A start that cannot listen says why in one
// line (apps/server/src/startup-failure.ts).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT, SERVER_ENTRY, startServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'carton-start-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** NODE_OPTIONS that make the process write each module it resolves to `log`. */
function listModules(log: string): string {
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}
`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
`,
  );
  appendFileSync(log, '');
  return `--import=${pathToFileURL(register).href}`;
}

it('a server on SQLite without a bus loads neither the PostgreSQL nor the Redis client', async () => {
  const log = join(dir, 'modules.txt');
  const server = await startServer({ env: { NODE_OPTIONS: listModules(log) } });
  try {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    // The operator's start: which Carton, and (on localhost) that phones cannot reach it.
    expect(server.output()).toMatch(/"event":"started".*"version":"\d+\.\d+\.\d+"/);
    expect(server.output()).toMatch(/^Only this computer can open it\. .*HOST=0\.0\.0\.0/m);
  } finally {
    await server.dispose();
  }
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  // The hook saw the server's own start: its SQLite driver and its socket server.
  expect(modules.some((url) => url.includes('/better-sqlite3/'))).toBe(true);
  expect(modules.some((url) => url.includes('/ws/'))).toBe(true);
  const clients = modules.filter((url) => /\/node_modules\/(pg|redis|@redis\/[^/]+)\//.test(url));
  expect(clients).toEqual([]);
});

it('a second server on a taken port says so in one plain line, without a stack trace', async () => {
  const first = await startServer();
  try {
    const second = spawnSync(process.execPath, [SERVER_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(first.port), HOST: 'localhost', CARTON_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      `Carton failed to start: port ${first.port} is already in use on localhost (another ` +
        `Carton, or another program, listens there). Stop it, or start on another port: ` +
        `PORT=${first.port + 1}\n`,
    );
  } finally {
    await first.dispose();
  }
});

it('--help says how the server is configured, and starts nothing', () => {
  const help = spawnSync(process.execPath, [SERVER_ENTRY, '--help'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', CARTON_DATA_DIR: join(dir, 'help') },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^Carton's server: /);
  expect(help.stdout).toMatch(/docs\/operating\.md/);
  expect(help.stdout).not.toMatch(/Carton listening/);
});
