// R31 with several processes (R63): two built servers on one data directory and one Redis; a
// board's connections are counted across both, so it holds CARTON_MAX_CONNECTIONS_PER_BOARD in
// all, not that many on each process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { startCluster, type Cluster } from './cluster-support.ts';
import { createForum, openSocket, territoryBoard, type CreatedForum } from './helpers.ts';

let cluster: Cluster;
let forum: CreatedForum;

beforeAll(async () => {
  cluster = await startCluster(2, {
    CARTON_MAX_CONNECTIONS_PER_BOARD: '3',
    CARTON_JOINS_PER_SECOND_PER_BOARD: '100',
    CARTON_JOIN_BURST_PER_BOARD: '100',
  });
  forum = await createForum(cluster.servers[0]!);
}, 60_000);
afterAll(() => cluster.dispose());

/** Resolves true if the socket is still open once the server answered a ping. */
async function stillOpen(socket: Awaited<ReturnType<typeof openSocket>>): Promise<boolean> {
  const outcome = await Promise.race([
    socket.closed.then(() => false),
    new Promise<boolean>((resolve) => {
      socket.ws.once('pong', () => resolve(true));
      socket.ws.ping();
    }),
  ]);
  return outcome && socket.ws.readyState === socket.ws.OPEN;
}

describe('per-board connection limit across processes', () => {
  it('R31: the connection past CARTON_MAX_CONNECTIONS_PER_BOARD on either process is closed with 4430', async () => {
    const [a, b] = cluster.servers as [CartonServer, CartonServer];
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const first = await openSocket(a, board.id, board.view.token);
    const second = await openSocket(a, board.id, board.view.token);
    const third = await openSocket(b, board.id, board.view.token);
    expect(await Promise.all([first, second, third].map(stillOpen))).toEqual([true, true, true]);

    // Alone, process B holds one connection: it would take two more.
    const fourth = await openSocket(b, board.id, board.view.token);
    expect(await stillOpen(fourth)).toBe(false);
    expect(await fourth.closed).toEqual({
      code: 4430,
      reason: 'limit exceeded: connections on this board; do not retry automatically',
    });
    const fifth = await openSocket(a, board.id, board.view.token);
    expect(await stillOpen(fifth)).toBe(false);
    expect(await fifth.closed).toMatchObject({ code: 4430 });

    // Another board is not crowded.
    const elsewhere = territoryBoard(forum, 'La Matanie');
    const free = await openSocket(b, elsewhere.id, elsewhere.view.token);
    expect(await stillOpen(free)).toBe(true);
    free.ws.close();

    // A place freed is a place again.
    first.ws.close();
    await first.closed;
    const again = await openSocket(a, board.id, board.view.token);
    expect(await stillOpen(again)).toBe(true);
    for (const socket of [second, third, again]) socket.ws.close();
  });
});
