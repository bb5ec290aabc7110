// Sets up boards of sticky notes with stock clients, drives edits and cursors, and checks that
// every client ends with the same document (nothing lost).
import * as Y from 'yjs';
import { BenchClient, type Recorder } from './client.ts';
import type { BenchServer, BoardAccess } from './servers.ts';
import { sleep, until } from './stats.ts';

export interface RoomSet {
  /** clients[board][client] */
  clients: BenchClient[][];
  all: BenchClient[];
}

export interface RoomSetOptions {
  boards: number;
  clientsPerBoard: number;
  notesPerBoard: number;
  recorder: Recorder | null;
  /** Boards created beforehand (else created here). */
  accesses?: BoardAccess[];
  /**
   * Clients that send only their own presence, as Carton's web client does (BenchClient's
   * `ownAwarenessOnly`). Default: BENCH_CLIENT=carton, else stock clients.
   */
  ownAwarenessOnly?: boolean;
}

/** Connects the clients, seeds each board's notes through its first client, gives each client a note. */
export async function openRooms(server: BenchServer, options: RoomSetOptions): Promise<RoomSet> {
  const accesses = options.accesses ?? (await server.boards(options.boards));
  const clients: BenchClient[][] = [];
  // BENCH_CLIENT=carton: clients that send only their own presence, as Carton's web client does.
  const model = {
    ownAwarenessOnly: options.ownAwarenessOnly ?? process.env.BENCH_CLIENT === 'carton',
  };
  for (const [b, access] of accesses.entries()) {
    const seeder = new BenchClient(server, access, options.recorder, `b${b}c0`, model);
    await seeder.synced();
    if (access.needsInit) seeder.initBoard();
    const ids = seeder.createNotes(Math.max(options.notesPerBoard, options.clientsPerBoard));
    const room = [seeder];
    for (let c = 1; c < options.clientsPerBoard; c++) {
      room.push(new BenchClient(server, access, options.recorder, `b${b}c${c}`, model));
    }
    await Promise.all(room.map((client) => client.synced()));
    room.forEach((client, c) => (client.noteId = ids[c]!));
    clients.push(room);
  }
  const all = clients.flat();
  // Every client has every note before the load starts.
  const expected = Math.max(options.notesPerBoard, options.clientsPerBoard);
  await until(() => all.every((client) => shapeCount(client) >= expected), 60_000);
  return { clients, all };
}

function shapeCount(client: BenchClient): number {
  const shapes = client.doc.getMap('board').get('shapes') as Y.Map<unknown> | undefined;
  return shapes?.size ?? 0;
}

/**
 * Drives `editsPerSecond` edits in total, round-robin over boards and their clients, and cursors
 * at `cursorHz` for the first `cursorClients` clients of each board (all if undefined).
 * Returns a stop function.
 */
export function drive(
  rooms: RoomSet,
  options: {
    editsPerSecond: number;
    cursorHz: number;
    cursorClientsPerBoard?: number;
    editorsPerBoard?: number;
  },
): () => void {
  const timers: ReturnType<typeof setInterval>[] = [];
  if (options.editsPerSecond > 0) {
    const editors = rooms.clients.map((room) =>
      room.slice(0, options.editorsPerBoard ?? room.length),
    );
    const start = performance.now();
    let done = 0;
    let board = 0;
    const next = editors.map(() => 0);
    timers.push(
      setInterval(() => {
        const due = Math.floor(((performance.now() - start) / 1000) * options.editsPerSecond);
        // Catch up at most one second of edits per tick if the generator fell behind.
        let budget = Math.min(due - done, options.editsPerSecond);
        while (budget-- > 0) {
          const room = editors[board]!;
          room[next[board]! % room.length]!.moveNote();
          next[board]!++;
          board = (board + 1) % editors.length;
          done++;
        }
        if (due - done > options.editsPerSecond) done = due; // fell behind: drop, don't burst
      }, 5),
    );
  }
  if (options.cursorHz > 0) {
    const periodMs = 1000 / options.cursorHz;
    for (const room of rooms.clients) {
      for (const client of room.slice(0, options.cursorClientsPerBoard ?? room.length)) {
        // Random phase, so cursors do not all move in the same millisecond.
        const delay = Math.random() * periodMs;
        const timeout = setTimeout(() => {
          client.moveCursor();
          timers.push(setInterval(() => client.moveCursor(), periodMs));
        }, delay);
        timers.push(timeout as unknown as ReturnType<typeof setInterval>);
      }
    }
  }
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

/** Waits until every client of each board holds the same doc as its peers and each writer's last move. */
export async function converged(rooms: RoomSet, timeoutMs = 20_000): Promise<boolean> {
  return until(() => rooms.clients.every((room) => roomConverged(room)), timeoutMs, 100);
}

function roomConverged(room: BenchClient[]): boolean {
  for (const writer of room) {
    if (!writer.noteId || !writer.lastSent) continue;
    for (const reader of room) {
      const state = reader.noteState(writer.noteId);
      if (!state || state[0] !== writer.lastSent.x || state[1] !== writer.lastSent.y) return false;
    }
  }
  const reference = Y.encodeStateVector(room[0]!.doc);
  return room.every((client) => equalBytes(Y.encodeStateVector(client.doc), reference));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function closeRooms(rooms: RoomSet): Promise<void> {
  for (const client of rooms.all) client.destroy();
  await sleep(200);
}
