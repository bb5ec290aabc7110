// Fan-out latency: 10 boards × 10 clients, 10 edits/s per board (a note moved, x = send time),
// every client's cursor at 20 Hz. Latency is measured on every receiver. With `cursorHz: 0` the
// same edits run alone: the machine's floor for this measure (servers and load generator idle
// but for the edits).
import { Recorder } from '../lib/client.ts';
import { closeRooms, converged, drive, openRooms } from '../lib/rooms.ts';
import { loadGenMeter, type Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { percentile, sleep } from '../lib/stats.ts';

export async function fanout(
  server: BenchServer,
  measureMs: number,
  { cursorHz = 20 }: { cursorHz?: number } = {},
): Promise<Figures> {
  const recorder = new Recorder();
  const rooms = await openRooms(server, {
    boards: 10,
    clientsPerBoard: 10,
    notesPerBoard: 20,
    recorder,
  });
  const stop = drive(rooms, { editsPerSecond: 100, cursorHz });
  await sleep(2_000);
  recorder.reset();
  recorder.recording = true;
  const sentBefore = rooms.all.reduce((sum, client) => sum + client.editsSent, 0);
  const cpuBefore = server.cpuMs();
  const loadGen = loadGenMeter();
  const windowStart = performance.now();
  await sleep(measureMs);
  const elapsed = performance.now() - windowStart;
  const serverCpu = server.cpuMs() - cpuBefore;
  const loadGenCpu = loadGen();
  const sent = rooms.all.reduce((sum, client) => sum + client.editsSent, 0) - sentBefore;
  stop();
  const ok = await converged(rooms);
  recorder.recording = false;
  await closeRooms(rooms);
  return {
    editP50: percentile(recorder.editLatencies, 50),
    editP99: percentile(recorder.editLatencies, 99),
    cursorP99: percentile(recorder.cursorLatencies, 99),
    editsSent: sent,
    editDeliveriesSeen: recorder.editsReceived,
    serverCpuPct: (serverCpu / elapsed) * 100,
    loadGenCpuPct: loadGenCpu,
    converged: ok ? 1 : 0,
  };
}
