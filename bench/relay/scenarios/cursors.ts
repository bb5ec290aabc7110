// One board, 30 clients, every cursor at 20 Hz: messages per second the server sends (counted
// at the clients' sockets) and cursor latency.
import { Recorder } from '../lib/client.ts';
import { closeRooms, drive, openRooms } from '../lib/rooms.ts';
import { loadGenMeter, type Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { percentile, sleep } from '../lib/stats.ts';

export async function cursors(server: BenchServer, measureMs: number): Promise<Figures> {
  const recorder = new Recorder();
  const rooms = await openRooms(server, {
    boards: 1,
    clientsPerBoard: 30,
    notesPerBoard: 20,
    recorder,
  });
  const stop = drive(rooms, { editsPerSecond: 0, cursorHz: 20 });
  await sleep(2_000);
  recorder.reset();
  recorder.recording = true;
  const received = () => rooms.all.reduce((sum, client) => sum + client.counters.messagesIn, 0);
  const bytes = () => rooms.all.reduce((sum, client) => sum + client.counters.bytesIn, 0);
  const before = received();
  const bytesBefore = bytes();
  const cpuBefore = server.cpuMs();
  const loadGen = loadGenMeter();
  const windowStart = performance.now();
  await sleep(measureMs);
  const elapsed = performance.now() - windowStart;
  const messages = received() - before;
  const sentBytes = bytes() - bytesBefore;
  const serverCpu = server.cpuMs() - cpuBefore;
  const loadGenCpu = loadGen();
  stop();
  recorder.recording = false;
  await closeRooms(rooms);
  return {
    serverMessagesPerSecond: (messages / elapsed) * 1000,
    serverKiBPerSecond: ((sentBytes / elapsed) * 1000) / 1024,
    cursorP50: percentile(recorder.cursorLatencies, 50),
    cursorP99: percentile(recorder.cursorLatencies, 99),
    serverCpuPct: (serverCpu / elapsed) * 100,
    loadGenCpuPct: loadGenCpu,
  };
}
