// Server CPU per delivered update: ~4,800 edits/s over 10 boards × 10 clients, no cursors.
// CPU time of the server process (utime + stime) over the window, divided by the edits sent in
// the window times their receivers (9 per edit).
import { Recorder } from '../lib/client.ts';
import { closeRooms, converged, drive, openRooms } from '../lib/rooms.ts';
import { loadGenMeter, type Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { percentile, sleep } from '../lib/stats.ts';

export async function throughput(
  server: BenchServer,
  measureMs: number,
  editsPerSecond = 4_800,
): Promise<Figures> {
  const recorder = new Recorder();
  const rooms = await openRooms(server, {
    boards: 10,
    clientsPerBoard: 10,
    notesPerBoard: 20,
    recorder,
  });
  const stop = drive(rooms, { editsPerSecond, cursorHz: 0 });
  await sleep(1_500);
  recorder.reset();
  recorder.recording = true;
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
    converged: ok ? 1 : 0,
  };
}
