// A crowded plenary on Carton's relay: one board, N clients connected, 30 of them moving cursors
// at 20 Hz and 5 editing (2 note moves/s each). Reports cursor latency p99 (target ≤ 100 ms),
// whether every edit reached every client, and the CPU of the server (core 0) and of this load
// generator (core 1): past ~90 % load-generator CPU, the latency measures the load generator
// (N clients decoding every awareness update in one Node process), not the server. Steps up to
// 300 clients to show where that happens.
//
// The clients are y-websocket's WebsocketProvider that sends only its own presence, as the
// participants' web client does (BENCH_CLIENT=stock: the stock provider, which re-sends every
// remote state it applies: 300 of them sent the relay ~300× the presence it fans out, all of it
// stale copies it drops, and that re-sending took the load generator's core).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Recorder } from './lib/client.ts';
import { closeRooms, converged, drive, openRooms } from './lib/rooms.ts';
import { loadGenMeter } from './lib/run.ts';
import { startCarton } from './lib/servers.ts';
import { fmt, percentile, sleep } from './lib/stats.ts';

const TARGET_P99_MS = 100;
/** BENCH_CLIENT=stock: the stock provider instead of Carton's client model (see above). */
const STOCK_CLIENTS = process.env.BENCH_CLIENT === 'stock';
const STEPS = (process.env.BENCH_PLENARY_STEPS ?? '100,300').split(',').map(Number);

export interface PlenaryRow {
  clients: number;
  cursorP50: number;
  cursorP99: number;
  editP99: number;
  cursorsReceivedPerSecond: number;
  serverCpuPct: number;
  loadGenCpuPct: number;
  nothingLost: boolean;
}

async function plenaryStep(
  repoRoot: string,
  clients: number,
  measureMs: number,
): Promise<PlenaryRow> {
  const server = await startCarton({ repoRoot });
  try {
    const recorder = new Recorder();
    const rooms = await openRooms(server, {
      boards: 1,
      clientsPerBoard: clients,
      notesPerBoard: 40,
      recorder,
      ownAwarenessOnly: !STOCK_CLIENTS,
    });
    const stop = drive(rooms, {
      editsPerSecond: 10,
      editorsPerBoard: 5,
      cursorHz: 20,
      cursorClientsPerBoard: 30,
    });
    await sleep(3_000);
    recorder.reset();
    recorder.recording = true;
    const cpuBefore = server.cpuMs();
    const loadGen = loadGenMeter();
    const start = performance.now();
    await sleep(measureMs);
    const elapsed = performance.now() - start;
    const serverCpu = server.cpuMs() - cpuBefore;
    const loadGenCpuPct = loadGen();
    stop();
    const nothingLost = await converged(rooms, 60_000);
    recorder.recording = false;
    await closeRooms(rooms);
    return {
      clients,
      cursorP50: percentile(recorder.cursorLatencies, 50),
      cursorP99: percentile(recorder.cursorLatencies, 99),
      editP99: percentile(recorder.editLatencies, 99),
      cursorsReceivedPerSecond: (recorder.cursorsReceived / elapsed) * 1000,
      serverCpuPct: (serverCpu / elapsed) * 100,
      loadGenCpuPct,
      nothingLost,
    };
  } finally {
    await server.stop();
  }
}

export async function runPlenaryBench(repoRoot: string): Promise<PlenaryRow[]> {
  const measureMs = Number(process.env.BENCH_MEASURE_MS ?? 4_000);
  const rows: PlenaryRow[] = [];
  for (const clients of STEPS) {
    const result = await plenaryStep(repoRoot, clients, measureMs);
    process.stderr.write(`  plenary ${clients}: ${JSON.stringify(result)}\n`);
    rows.push(result);
  }
  return rows;
}

export function printPlenaryRows(rows: PlenaryRow[]): void {
  process.stdout.write(
    `\nCrowded plenary — Carton relay, one board, 30 cursors at 20 Hz, 5 editors (10 edits/s), ${STOCK_CLIENTS ? 'stock clients' : "clients sending only their own presence, as Carton's"}\n` +
      '| clients | cursor p50 | cursor p99 (target ≤ 100 ms) | edit p99 | cursor states received/s | nothing lost | server CPU (core 0) | load generator CPU (core 1) | met |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  for (const r of rows) {
    const met = r.cursorP99 <= TARGET_P99_MS && r.nothingLost;
    process.stdout.write(
      `| ${r.clients} | ${fmt(r.cursorP50)} ms | ${fmt(r.cursorP99)} ms | ${fmt(r.editP99)} ms | ${fmt(r.cursorsReceivedPerSecond, 0)} | ${r.nothingLost ? 'yes' : 'NO'} | ${fmt(r.serverCpuPct, 0)} % | ${fmt(r.loadGenCpuPct, 0)} % | ${met ? 'yes' : 'NO'} |\n`,
    );
  }
}

export async function main(): Promise<void> {
  const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
  printPlenaryRows(await runPlenaryBench(repoRoot));
}
