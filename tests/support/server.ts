// Spawns the BUILT Carton server (`node apps/server/dist/main.js`) for cross-process tests:
// port 0 (or the previous port on restart), a temporary data directory, and the ready line
// `Carton listening on http://HOST:PORT` awaited with a timeout. Build first:
// `pnpm --filter @carton/server run build` (the root `npm test` builds before testing).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { createDatabaseOn } from '../../apps/server/src/postgres/test-postgres.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_ENTRY = join(REPO_ROOT, 'apps/server/dist/main.js');
/**
 * Where end-to-end tests leave their screenshots, for whoever reads a run: the repository's
 * test-results/ (ignored by git), or the folder CARTON_SHOTS names.
 */
export const SHOTS = process.env.CARTON_SHOTS ?? join(REPO_ROOT, 'test-results/screenshots');

const READY_LINE = /^Carton listening on (http:\/\/\S+)$/m;

export interface StartOptions {
  /** Extra environment (e.g. CARTON_MAX_MESSAGE_BYTES). PORT and CARTON_DATA_DIR are set here. */
  env?: Record<string, string>;
  /** Reuse a data directory; by default a fresh temporary one (removed by `dispose`). */
  dataDir?: string;
  /** How long to wait for the ready line. */
  readyTimeoutMs?: number;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CartonServer {
  /** `http://localhost:PORT` */
  readonly url: string;
  /** `ws://localhost:PORT/sync`, the WebsocketProvider's serverUrl. */
  readonly syncUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Everything the process wrote so far (stdout and stderr, all runs). */
  output(): string;
  /** Resolves when the output (from now on, or already) matches; rejects after the timeout. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends a signal and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ExitResult>;
  /** Starts the server again on the same data directory and, by default, the same port. */
  restart(options?: { samePort?: boolean }): Promise<void>;
  /** Kills the process if still running (SIGKILL) and removes a temporary data directory. */
  dispose(): Promise<void>;
}

/** Each data directory's database, when the tests run on PostgreSQL (`integration-postgres`). */
const databases = new Map<string, string>();

/** The store the servers started here use: PostgreSQL in the `integration-postgres` project. */
export function storeUnderTest(): 'sqlite' | 'postgres' {
  return inject('cartonPostgresAdminUrl') ? 'postgres' : 'sqlite';
}

/**
 * The `CARTON_DATABASE_URL` a server on `dataDir` uses, if the tests run on PostgreSQL: one
 * database per data directory, so a restart on the same directory finds its boards again.
 */
export function databaseUrlFor(dataDir: string): string | undefined {
  return databases.get(dataDir);
}

async function databaseFor(dataDir: string): Promise<string | undefined> {
  const adminUrl = inject('cartonPostgresAdminUrl');
  if (!adminUrl) return undefined;
  let url = databases.get(dataDir);
  if (url === undefined) {
    url = await createDatabaseOn(adminUrl);
    databases.set(dataDir, url);
  }
  return url;
}

/** Starts the built server and resolves once it printed its ready line. */
export async function startServer(options: StartOptions = {}): Promise<CartonServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: run \`pnpm --filter @carton/server run build\` first.`,
    );
  }
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'carton-data-'));
  // A server is ready in ~0.3 s on a quiet machine; at load 24 (helpers' browsers beside a test
  // run) one took past 10 s. Under integration's 30 s hooks, and a hung start still fails.
  const timeout = options.readyTimeoutMs ?? 25_000;
  // A test that chose its own database (or store) keeps it.
  const databaseUrl =
    options.env?.CARTON_DATABASE_URL === undefined ? await databaseFor(dataDir) : undefined;
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<ExitResult> = Promise.resolve({ code: 0, signal: null });
  let url = '';
  const outputListeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of outputListeners) listener();
  };

  const launch = async (port: number): Promise<void> => {
    // The ready line is looked for in this run's output only.
    const runStart = output.length;
    const proc = spawn(process.execPath, [SERVER_ENTRY], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CARTON_LOG_LEVEL: 'info',
        CARTON_ROOM_UNLOAD_MS: '200',
        // Each board's PNG in a forum archive at most 1 Mpx, not 2 px per board unit: drawn full
        // size, the seed's boards took 1–7 s each at load 30 (a forum's archive ~20 s), in every
        // test that downloads one. These tests check the PNG is there; its pixels at full size
        // are checked beside the code (apps/server/src/archive/archive.test.ts).
        CARTON_ARCHIVE_PNG_MAX_PIXELS: '1000000',
        ...(databaseUrl === undefined ? {} : { CARTON_DATABASE_URL: databaseUrl }),
        ...options.env,
        PORT: String(port),
        HOST: 'localhost',
        CARTON_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => resolve({ code, signal }));
    });
    proc.stderr!.on('data', append);
    proc.stdout!.on('data', append);
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`Server not ready after ${timeout} ms. Output:\n${output}`));
      }, timeout);
      proc.stdout!.on('data', () => {
        const match = READY_LINE.exec(output.slice(runStart));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Server exited (${code ?? signal}) before ready. Output:\n${output}`));
      });
    });
  };

  try {
    await launch(0);
  } catch (error) {
    // A server that never became ready (a test of a refused start) leaves no folder behind.
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitResult> => {
    const proc = child;
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };

  const server: CartonServer = {
    get url() {
      return url;
    },
    get syncUrl() {
      return url.replace(/^http/, 'ws') + '/sync';
    },
    get port() {
      return Number(new URL(url).port);
    },
    dataDir,
    output: () => output,
    waitForOutput(pattern, timeoutMs = 5_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          clearTimeout(timer);
          outputListeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          outputListeners.delete(check);
          reject(
            new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern} in:\n${output}`),
          );
        }, timeoutMs);
        outputListeners.add(check);
        check();
      });
    },
    kill,
    async restart({ samePort = true } = {}) {
      await kill('SIGTERM');
      output += '\n--- restart ---\n';
      await launch(samePort ? server.port : 0);
    },
    async dispose() {
      await kill('SIGKILL');
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** How many error and warning lines of each event the server wrote (its JSON log lines). */
export function errorLinesByEvent(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of output.split('\n')) {
    const match = /"level":"(?:error|warn)","event":"([^"]+)"/.exec(line);
    if (match) counts[match[1]!] = (counts[match[1]!] ?? 0) + 1;
  }
  return counts;
}
