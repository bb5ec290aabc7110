// Cold join of a 10,000-note board: time from opening the socket to the client's `sync`, minus
// the client's own decode time (from the arrival of the full-state message to `sync`). Carton
// unloads the board between joins (it loads it from SQLite for each join); the reference keeps
// every room in memory (it frees nothing), so its joins are warm by construction.
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { BenchClient } from '../lib/client.ts';
import type { Figures } from '../lib/run.ts';
import type { BenchServer } from '../lib/servers.ts';
import { median, sleep, until } from '../lib/stats.ts';

const NOTES = 10_000;

function shapeCount(client: BenchClient): number {
  return (client.doc.getMap('board').get('shapes') as Y.Map<unknown> | undefined)?.size ?? 0;
}

export async function coldJoin(
  server: BenchServer,
  joins: number,
  unloadWaitMs: number,
): Promise<Figures> {
  const [access] = await server.boards(1);
  const seeder = new BenchClient(server, access!, null, 'seed');
  await seeder.synced();
  if (access!.needsInit) seeder.initBoard();
  seeder.createNotes(NOTES, 500);
  const checker = new BenchClient(server, access!, null, 'check');
  await checker.synced();
  await until(() => shapeCount(checker) >= NOTES, 60_000);
  seeder.destroy();
  checker.destroy();
  const serverParts: number[] = [];
  const decodes: number[] = [];
  const totals: number[] = [];
  let bytes = 0;
  for (let i = 0; i < joins; i++) {
    await sleep(unloadWaitMs);
    await server.collectGarbage();
    const start = performance.now();
    const client = new BenchClient(server, access!, null, `join${i}`);
    await client.synced(60_000);
    const syncedAt = performance.now();
    const arrived = client.counters.lastMessageAt;
    if (shapeCount(client) < NOTES) throw new Error('cold join: board incomplete');
    totals.push(syncedAt - start);
    decodes.push(syncedAt - arrived);
    serverParts.push(arrived - start);
    bytes = client.counters.bytesIn;
    client.destroy();
  }
  return {
    joinMinusDecodeMs: median(serverParts),
    joinTotalMs: median(totals),
    clientDecodeMs: median(decodes),
    bytesReceived: bytes,
  };
}
