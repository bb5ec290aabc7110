// Server memory (VmRSS after a forced full GC in the server, both relays alike):
// per loaded 100-note board (30 boards, one client each), and after every client has left.
import { closeRooms, openRooms } from '../lib/rooms.ts';
import type { Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { sleep } from '../lib/stats.ts';

const BOARDS = 30;

export async function memory(server: BenchServer, unloadWaitMs: number): Promise<Figures> {
  // Creating the boards first: Carton's forum rows and SQLite pages count as idle.
  const accesses = await server.boards(BOARDS);
  await sleep(500);
  await server.collectGarbage();
  const idle = server.rssKiB();
  const rooms = await openRooms(server, {
    boards: BOARDS,
    clientsPerBoard: 1,
    notesPerBoard: 100,
    recorder: null,
    accesses,
  });
  // Quiet for a few seconds, as most boards of a forum are most of the time (Carton frees a
  // quiet board's doc after 2 s, R53; the reference keeps it).
  await sleep(3_000);
  await server.collectGarbage();
  const loaded = server.rssKiB();
  await closeRooms(rooms);
  await sleep(unloadWaitMs);
  await server.collectGarbage();
  await sleep(1_000);
  await server.collectGarbage();
  const after = server.rssKiB();
  return {
    idleMiB: idle / 1024,
    perBoardKiB: (loaded - idle) / BOARDS,
    afterLeaveMiB: after / 1024,
    afterVsIdlePct: ((after - idle) / idle) * 100,
  };
}
