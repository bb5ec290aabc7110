// Server CPU per delivered update: ~4,800 edits/s over 10 boards × 10 clients, no cursors.
// CPU time of the server process (utime + stime) over the window, divided by the edits sent in
// the window times their receivers (9 per edit).
import { execFileSync } from 'node:child_process';
import { Recorder } from '../lib/client.ts';
import { closeRooms, converged, drive, openRooms } from '../lib/rooms.ts';
import { loadGenMeter, type Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { percentile, sleep } from '../lib/stats.ts';

export async function throughput(
  server: BenchServer,
  measureMs: number,
  // BENCH_EDITS_PER_SECOND: a lower rate for a server slowed down by BENCH_SERVER_WRAP.
  editsPerSecond = Number(process.env.BENCH_EDITS_PER_SECOND ?? 4_800),
): Promise<Figures> {
  // BENCH_CALLGRIND=1: the server runs under `valgrind --tool=callgrind --instr-atstart=no`;
  // its instructions are counted over the measured window only.
  const callgrind = (on: boolean) => {
    if (process.env.BENCH_CALLGRIND === '1') {
      // The server's HOST (127.0.0.1) names valgrind's control pipe: vgdb must see the same.
      const env = { ...process.env, HOST: '127.0.0.1' };
      const pid = String(server.pid);
      // Dumped at the window's end: a server slow to exit may be killed before its own dump.
      if (!on) execFileSync('callgrind_control', ['-d', pid], { env });
      execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', pid], { env });
    }
  };
  const recorder = new Recorder();
  const rooms = await openRooms(server, {
    boards: 10,
    clientsPerBoard: 10,
    notesPerBoard: 20,
    recorder,
  });
  const stop = drive(rooms, { editsPerSecond, cursorHz: 0 });
  // BENCH_WARMUP_MS: a longer warm-up at a lower rate, so the window starts with the same
  // optimised code as at full rate (~7,000 edits in).
  await sleep(Number(process.env.BENCH_WARMUP_MS ?? 1_500));
  recorder.reset();
  recorder.recording = true;
  callgrind(true);
  // Read outside the CPU window: the two requests are not charged to the relay's updates.
  const countersBefore = await relayCounters(server);
  const sentBefore = rooms.all.reduce((sum, client) => sum + client.editsSent, 0);
  const cpuBefore = server.cpuMs();
  const splitBefore = server.cpuSplitMs();
  const loadGen = loadGenMeter();
  const windowStart = performance.now();
  await sleep(measureMs);
  const elapsed = performance.now() - windowStart;
  const serverCpu = server.cpuMs() - cpuBefore;
  const splitAfter = server.cpuSplitMs();
  const loadGenCpu = loadGen();
  const sent = rooms.all.reduce((sum, client) => sum + client.editsSent, 0) - sentBefore;
  const countersAfter = await relayCounters(server);
  callgrind(false);
  stop();
  const ok = await converged(rooms, 60_000);
  recorder.recording = false;
  await closeRooms(rooms);
  const delivered = sent * 9;
  return {
    editsPerSecond: (sent / elapsed) * 1000,
    serverCpuUsPerDelivered: (serverCpu * 1000) / delivered,
    serverCpuPct: (serverCpu / elapsed) * 100,
    serverUserPct: ((splitAfter[0] - splitBefore[0]) / elapsed) * 100,
    serverSystemPct: ((splitAfter[1] - splitBefore[1]) / elapsed) * 100,
    loadGenCpuPct: loadGenCpu,
    editP99: percentile(recorder.editLatencies, 99),
    // What Carton's relay did in the window, from GET /metrics (NaN for the reference): a relay
    // slowed down (callgrind) may integrate fewer updates than were sent, in fewer batches.
    updatesApplied: countersAfter.updatesApplied - countersBefore.updatesApplied,
    batchesAppended: countersAfter.updatesAppended - countersBefore.updatesAppended,
    converged: ok ? 1 : 0,
  };
}

/** Carton's relay counters (GET /metrics, loopback only); NaN for the reference. */
async function relayCounters(
  server: BenchServer,
): Promise<{ updatesApplied: number; updatesAppended: number }> {
  if (server.kind !== 'carton') return { updatesApplied: Number.NaN, updatesAppended: Number.NaN };
  const base = server.syncUrl.replace(/^ws/, 'http').replace(/\/sync$/, '');
  const response = await fetch(`${base}/metrics`);
  return (await response.json()) as { updatesApplied: number; updatesAppended: number };
}
