// Starts the two relays under test as separate processes pinned to core 0 (`taskset -c 0`), and
// reads their CPU time and memory from /proc. The load generator (this process) runs on core 1.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerKind = 'carton' | 'reference';

/** A room a client can join: the WebsocketProvider's room name and URL parameters. */
export interface BoardAccess {
  room: string;
  params: Record<string, string>;
  /** The reference relay starts with an empty doc: the seeding client initialises the board. */
  needsInit: boolean;
}

export interface BenchServer {
  readonly kind: ServerKind;
  readonly pid: number;
  /** WebsocketProvider serverUrl. */
  readonly syncUrl: string;
  /** Creates `count` boards (Carton: through POST /api/forums; reference: room names). */
  boards(count: number): Promise<BoardAccess[]>;
  /** utime + stime of the server process, in milliseconds (10 ms resolution). */
  cpuMs(): number;
  /** [utime, stime] in milliseconds. */
  cpuSplitMs(): [number, number];
  /** Resident set size, in KiB. */
  rssKiB(): number;
  /** Full GC in the server (SIGUSR2 hook), then a short settle. */
  collectGarbage(): Promise<void>;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** [user, system] CPU time of a process, in milliseconds. */
export function readCpuSplitMs(pid: number): [number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [
    (Number(fields[11]) * 1000) / CLOCK_TICKS_PER_SECOND,
    (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND,
  ];
}

export function readRssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) : 0;
}

export interface StartOptions {
  repoRoot: string;
  /** Extra environment for Carton (e.g. a short CARTON_ROOM_UNLOAD_MS). */
  env?: Record<string, string>;
}

function spawnPinned(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // BENCH_SERVER_NODE_OPTIONS: extra node flags for both servers (e.g. --cpu-prof).
  const extra = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  // BENCH_SERVER_WRAP: a command the servers run under (e.g. `valgrind --tool=callgrind
  // --instr-atstart=no`, with BENCH_CALLGRIND=1 to count only the measured window).
  const wrap = process.env.BENCH_SERVER_WRAP?.split(' ').filter(Boolean) ?? [];
  return spawn(
    'taskset',
    ['-c', '0', ...wrap, process.execPath, '--expose-gc', ...extra, ...args],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function waitForLine(
  proc: ChildProcess,
  pattern: RegExp,
  timeoutMs = process.env.BENCH_SERVER_WRAP ? 300_000 : 15_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = pattern.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        // BENCH_SERVER_LOG_DIR: keep what the server prints after start (e.g. --trace-gc).
        const logDir = process.env.BENCH_SERVER_LOG_DIR;
        if (logDir) proc.stdout!.pipe(createWriteStream(join(logDir, `server-${proc.pid}.log`)));
        else proc.stdout!.resume();
        resolve(match[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before ready:\n${out}`));
    });
    // Anything the server says on stderr after start is shown (crashes, errors).
    proc.stderr!.on('data', (chunk: Buffer) =>
      process.stderr.write(`[server] ${chunk.toString('utf8')}`),
    );
  });
}

function stopper(proc: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      proc.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      proc.kill('SIGTERM');
    });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function gcOf(proc: ChildProcess): Promise<void> {
  proc.kill('SIGUSR2');
  await sleep(300);
  proc.kill('SIGUSR2');
  await sleep(300);
}

/**
 * Every bench client comes from 127.0.0.1, so the per-address and per-board join budgets are
 * raised, and the connection cap for the 300-client plenary. The presence budget is raised too:
 * bench/wire streams a stroke at 60 Hz, above the default 20 Hz. Message sizes, the update rate
 * and the board size keep their defaults.
 */
const LOAD_LIMITS = {
  CARTON_UPGRADES_PER_SECOND_PER_IP: '10000',
  CARTON_UPGRADE_BURST_PER_IP: '10000',
  CARTON_JOINS_PER_SECOND_PER_BOARD: '10000',
  CARTON_JOIN_BURST_PER_BOARD: '10000',
  CARTON_MAX_CONNECTIONS_PER_BOARD: '1000',
  CARTON_AWARENESS_PER_SECOND: '1000',
  CARTON_AWARENESS_BURST: '2000',
};

export async function startCarton(options: StartOptions): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'carton-bench-'));
  const proc = spawnPinned(
    [
      '--import',
      join(options.repoRoot, 'bench/relay/gc-hook.mjs'),
      // BENCH_CARTON_MAIN: another build of the server (a copy of apps/server/dist kept aside),
      // to alternate two builds of Carton in one session (A B B A).
      process.env.BENCH_CARTON_MAIN ?? join(options.repoRoot, 'apps/server/dist/main.js'),
    ],
    {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CARTON_DATA_DIR: dataDir,
      CARTON_LOG_LEVEL: 'error',
      ...LOAD_LIMITS,
      ...options.env,
    },
  );
  const url = await waitForLine(proc, /Carton listening on (http:\/\/\S+)/);
  const stop = stopper(proc);
  let forumCount = 0;
  return {
    kind: 'carton',
    pid: proc.pid!,
    syncUrl: url.replace(/^http/, 'ws') + '/sync',
    async boards(count) {
      const boards: BoardAccess[] = [];
      while (boards.length < count) {
        // A forum holds a plenary, one board per territory (at most 30) and a postcard wall.
        const territories = Array.from({ length: 30 }, (_, i) => `Secteur ${forumCount}-${i + 1}`);
        forumCount++;
        const response = await fetch(`${url}/api/forums`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Forum de mesure ${forumCount}`, territories }),
        });
        if (response.status !== 201) throw new Error(`POST /api/forums: ${response.status}`);
        const body = (await response.json()) as {
          boards: Array<{ id: string; edit: { token: string } }>;
        };
        for (const board of body.boards) {
          if (boards.length < count) {
            boards.push({ room: board.id, params: { token: board.edit.token }, needsInit: false });
          }
        }
      }
      return boards;
    },
    cpuMs: () => readCpuMs(proc.pid!),
    cpuSplitMs: () => readCpuSplitMs(proc.pid!),
    rssKiB: () => readRssKiB(proc.pid!),
    collectGarbage: () => gcOf(proc),
    async stop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let referenceRooms = 0;

export async function startReference(options: StartOptions): Promise<BenchServer> {
  const proc = spawnPinned(
    [
      '--import',
      join(options.repoRoot, 'bench/relay/gc-hook.mjs'),
      join(options.repoRoot, 'bench/relay/reference-server.mjs'),
    ],
    { ...process.env },
  );
  const port = await waitForLine(proc, /reference listening (\d+)/);
  return {
    kind: 'reference',
    pid: proc.pid!,
    syncUrl: `ws://127.0.0.1:${port}`,
    async boards(count) {
      return Array.from({ length: count }, () => ({
        room: `board-${++referenceRooms}`,
        params: {},
        needsInit: true,
      }));
    },
    cpuMs: () => readCpuMs(proc.pid!),
    cpuSplitMs: () => readCpuSplitMs(proc.pid!),
    rssKiB: () => readRssKiB(proc.pid!),
    collectGarbage: () => gcOf(proc),
    stop: stopper(proc),
  };
}

export function startServer(kind: ServerKind, options: StartOptions): Promise<BenchServer> {
  return kind === 'carton' ? startCarton(options) : startReference(options);
}
