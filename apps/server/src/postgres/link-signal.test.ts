import { createServer, type AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../forums/tokens.ts';
import { blackholeProxy } from '../cluster/test-blackhole.ts';
import { silentLogger } from '../log.ts';
import { openPostgres } from './database.ts';
import { PgForumStore } from './pg-forum-store.ts';
import { PgLinkSignal } from './link-signal.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

let server: TestPostgres;
let url: string;
let database: string;
let pool: pg.Pool;
let signal: PgLinkSignal;

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());
beforeEach(async () => {
  url = await server.createDatabase();
  database = new URL(url).pathname.slice(1);
  pool = await openPostgres(url, { poolSize: 2 });
  signal = await PgLinkSignal.start(url, silentLogger);
});
afterEach(async () => {
  await signal.close();
  await pool.end();
});

/** Resolves at the signal's next change; rejects after the timeout. */
function nextChange(timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no change signalled'));
    }, timeoutMs);
    const stop = signal.subscribe(() => {
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('PgLinkSignal (L3, L4 on PostgreSQL)', () => {
  it('R61: a facilitator token replaced by another process reaches the listener', async () => {
    // Another process: its own pool.
    const other = await openPostgres(url, { poolSize: 1 });
    try {
      const forums = new PgForumStore(other);
      await forums.createForum({ id: 'f1', title: 'Forum', createdAt: 1, date: null }, [], []);
      const changed = nextChange();
      await forums.replaceFacilitatorToken('f1', {
        hash: hashToken('nouveau'),
        role: 'facilitator',
        forumId: 'f1',
        boardId: null,
      });
      await changed;
    } finally {
      await other.end();
    }
  });

  it('R61: after its connection is lost it reconnects and reports a change', async () => {
    const changed = nextChange(10_000);
    expect(await server.terminateConnections(database)).toBeGreaterThan(0);
    await changed;
    // Listening again: a later notification arrives too.
    const again = nextChange();
    await pool.query("SELECT pg_notify('carton_links', 'f1')");
    await again;
  });

  it('R61: a listening connection dropped silently (no error, no answer) is noticed and replaced', async () => {
    const proxy = await blackholeProxy(server.port);
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const watched = await PgLinkSignal.start(viaProxy.toString(), silentLogger, {
      checkIntervalMs: 100,
      checkTimeoutMs: 300,
    });
    try {
      const changed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the dead connection went unnoticed')),
          10_000,
        );
        const stop = watched.subscribe(() => {
          clearTimeout(timer);
          stop();
          resolve();
        });
      });
      // A NAT forgets the connection: nothing passes any more, and nobody is told.
      proxy.blackholeOpenConnections();
      await changed;
      // Listening again on a new connection: a later notification arrives.
      const again = new Promise<void>((resolve) => {
        const stop = watched.subscribe(() => {
          stop();
          resolve();
        });
      });
      await pool.query("SELECT pg_notify('carton_links', 'f1')");
      await again;
    } finally {
      await watched.close();
      proxy.close();
    }
  });

  it('R61: a database that takes the connection and never answers fails the connect in time', async () => {
    // A reconnection to such a database waited for ever: the listener never came back.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const held = new URL(url);
    held.port = String((silent.address() as AddressInfo).port);
    try {
      const outcome = await Promise.race([
        PgLinkSignal.start(held.toString(), silentLogger, { connectTimeoutMs: 300 }).then(
          async (started) => {
            await started.close();
            return 'connected';
          },
          (error: Error) => error.message,
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(outcome).toMatch(/timeout/i);
    } finally {
      silent.close();
    }
  });
});
