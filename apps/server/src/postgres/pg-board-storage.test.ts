// PostgreSQL-only behaviour of board storage: several processes (here: several pools) on one
// database, and lost connections. The shared behaviour is in contract/.
import type pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from './database.ts';
import { blackholeProxy } from '../cluster/test-blackhole.ts';
import { PgBoardStorage } from './pg-board-storage.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let url: string;
let pools: pg.Pool[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

/** A process of its own: its pool and its storage. */
async function process(
  options: { statementTimeoutMs?: number; url?: string } = {},
): Promise<PgBoardStorage> {
  const pool = await openPostgres(options.url ?? url, {
    poolSize: 4,
    ...(options.statementTimeoutMs === undefined
      ? {}
      : { statementTimeoutMs: options.statementTimeoutMs }),
  });
  pools.push(pool);
  return new PgBoardStorage(pool, { closePool: false });
}

beforeEach(async () => {
  url = await server.createDatabase();
});
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  pools = [];
});

function writer(name: string): { doc: Y.Doc; write: (text: string) => Uint8Array } {
  const doc = new Y.Doc();
  const write = (text: string) => {
    let captured: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (captured = u));
    doc.getArray<string>('cartes').push([`${name}: ${text}`]);
    return captured!;
  };
  return { doc, write };
}

function replay(board: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string[] {
  const doc = new Y.Doc();
  if (board.snapshot) Y.applyUpdate(doc, board.snapshot);
  for (const u of board.updates) Y.applyUpdate(doc, u);
  return doc.getArray<string>('cartes').toArray().sort();
}

describe('PgBoardStorage across processes', () => {
  it('R5: concurrent appends from two processes are all stored, each with its own seq', async () => {
    const [a, b] = [await process(), await process()];
    const kamouraska = writer('Kamouraska');
    const basques = writer('Les Basques');
    const texts = Array.from({ length: 25 }, (_, i) => `condition ${i}`);
    const seqs = await Promise.all([
      ...texts.map((t) => a.append('plenary', kamouraska.write(t))),
      ...texts.map((t) => b.append('plenary', basques.write(t))),
    ]);
    expect(new Set(seqs).size).toBe(50);
    const loaded = await (await process()).load('plenary');
    expect(loaded.updates).toHaveLength(50);
    expect(loaded.lastSeq).toBe(Math.max(...seqs));
    expect(replay(loaded)).toHaveLength(50);
  });

  it("R7: a compaction keeps another process's update its snapshot does not hold", async () => {
    const [a, b] = [await process(), await process()];
    const rimouski = writer('Rimouski-Neigette');
    await a.append('b', rimouski.write('Transport collectif'));
    // B writes on its own doc: A's snapshot below will not contain it.
    await b.append('b', writer('La Mitis').write('Logement abordable'));
    const last = await a.append('b', rimouski.write('Sécurité alimentaire'));
    await a.compact('b', Y.encodeStateAsUpdate(rimouski.doc), last);
    const loaded = await b.load('b');
    expect(loaded.updates).toHaveLength(0);
    expect(replay(loaded)).toEqual([
      'La Mitis: Logement abordable',
      'Rimouski-Neigette: Sécurité alimentaire',
      'Rimouski-Neigette: Transport collectif',
    ]);
  });

  it('R7: two processes compacting the same board never go backwards', async () => {
    const [a, b] = [await process(), await process()];
    const matane = writer('La Matanie');
    const first = await a.append('b', matane.write('un'));
    const older = Y.encodeStateAsUpdate(matane.doc);
    const second = await a.append('b', matane.write('deux'));
    const newer = Y.encodeStateAsUpdate(matane.doc);
    await Promise.all([b.compact('b', newer, second), a.compact('b', older, first)]);
    await a.compact('b', older, first);
    const loaded = await a.load('b');
    expect(loaded.lastSeq).toBe(second);
    expect(replay(loaded)).toEqual(['La Matanie: deux', 'La Matanie: un']);
  });

  it('R6: an append the database refuses rejects, is not stored, and the next one is', async () => {
    const a = await process();
    const admin = pools[0]!;
    // The log out of reach, as a broken disk or a revoked grant would leave it.
    await admin.query('ALTER TABLE board_updates RENAME TO board_updates_away');
    await expect(a.append('temiscouata', writer('Témiscouata').write('perdu'))).rejects.toThrow(
      /board_updates/,
    );
    await admin.query('ALTER TABLE board_updates_away RENAME TO board_updates');
    const kept = await a.append('temiscouata', writer('Témiscouata').write('gardé'));
    const loaded = await a.load('temiscouata');
    expect(loaded.lastSeq).toBe(kept);
    expect(replay(loaded)).toEqual(['Témiscouata: gardé']);
  });

  it('the pool reconnects after PostgreSQL ended every session', async () => {
    const a = await process();
    await a.append('b', writer('Kamouraska').write('avant'));
    const ended = await server.terminateConnections(new URL(url).pathname.slice(1));
    expect(ended).toBeGreaterThan(0);
    await a.append('b', writer('Kamouraska').write('après'));
    expect(replay(await a.load('b'))).toEqual(['Kamouraska: après', 'Kamouraska: avant']);
  });

  it("R30: another process's appends count from the bus, and its compaction once read again", async () => {
    const [a, b] = [await process(), await process()];
    await a.load('rimouski');
    const doc = new Y.Doc();
    const notes = doc.getArray<string>('cartes');
    let last = 0;
    let appended = 0;
    for (let i = 0; i < 10; i++) {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      notes.push([`Rimouski-Neigette ${i}: ${'é'.repeat(1_000)}`]);
      last = await b.append('rimouski', update!);
      // What the bus tells A once B stored it.
      a.countRemoteAppend('rimouski', update!.byteLength);
      appended += update!.byteLength;
    }
    expect(a.storedBytes('rimouski')).toBe(appended);
    // B tidies the board and compacts it: far smaller now. A learns it from its next reading.
    notes.delete(0, notes.length);
    await b.compact('rimouski', Y.encodeStateAsUpdate(doc), last);
    const exact = await b.measureStoredBytes('rimouski');
    expect(exact).toBeLessThan(appended / 5);
    await a.refreshStoredBytes('rimouski');
    expect(a.storedBytes('rimouski')).toBe(exact);
  });

  it('R60: an append waiting on a lock held elsewhere fails after the statement timeout', async () => {
    const a = await process({ statementTimeoutMs: 300 });
    // Another session holds the board's lock (a stuck transaction, a long compaction).
    const release = await server.holdBoardLock(new URL(url).pathname.slice(1), 'kamouraska');
    try {
      await expect(a.append('kamouraska', writer('Kamouraska').write('bloqué'))).rejects.toThrow(
        /statement timeout/,
      );
    } finally {
      await release();
    }
    // Nothing was stored; the next append goes through.
    const kept = await a.append('kamouraska', writer('Kamouraska').write('passé'));
    const loaded = await a.load('kamouraska');
    expect(loaded.lastSeq).toBe(kept);
    expect(replay(loaded)).toEqual(['Kamouraska: passé']);
  });

  it(
    'R60: an append to a database that stopped answering fails instead of waiting for ever',
    { timeout: 20_000 },
    async () => {
      const port = Number(new URL(url).port);
      const proxy = await blackholeProxy(port);
      try {
        const through = new URL(url);
        through.port = String(proxy.port);
        const a = await process({ statementTimeoutMs: 200, url: through.href });
        await a.append('b', writer('Les Basques').write('avant'));
        // The connections stay open and pass nothing: PostgreSQL cannot cancel anything.
        proxy.blackholeOpenConnections();
        await expect(a.append('b', writer('Les Basques').write('perdu'))).rejects.toThrow(
          /timeout/i,
        );
        // A new connection (the pool dropped the silent one) stores the next append.
        await a.append('b', writer('Les Basques').write('après'));
        expect(replay(await (await process()).load('b'))).toEqual([
          'Les Basques: après',
          'Les Basques: avant',
        ]);
      } finally {
        proxy.close();
      }
    },
  );
});
