// A relay process killed with SIGKILL while another serves the same boards (SPEC R63, R66):
// its participants reconnect to the other with nothing lost, and the presence it can no
// longer withdraw expires there (30 s by default, as the stock client renews its presence every
// 15 s; 10 s here, CARTON_CLUSTER_PRESENCE_TIMEOUT_MS, well past the few seconds before the kill).
import type { NoteShape } from '@carton/board';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { CartonServer } from '../support/server.ts';
import {
  openRecordedSocket,
  presenceFrame,
  startCluster,
  type Cluster,
} from './cluster-support.ts';
import {
  connect,
  createForum,
  docUntil,
  openSocket,
  territoryBoard,
  type Client,
} from './helpers.ts';

/** How long B keeps another process's presence unrenewed. */
const GHOST_MS = 10_000;
let cluster: Cluster | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
});

function track(client: Client): Client {
  clients.push(client);
  return client;
}

describe('a relay process killed', () => {
  it(
    'R63, R66: kill -9 — participants move to the other process with nothing lost; ghosts expire',
    { timeout: 90_000 },
    async () => {
      cluster = await startCluster(2, { CARTON_CLUSTER_PRESENCE_TIMEOUT_MS: String(GHOST_MS) });
      const [a, b] = cluster.servers as [CartonServer, CartonServer];
      const forum = await createForum(b);
      const board = territoryBoard(forum, 'Rivière-du-Loup');
      const mover = track(connect(a, board.id, board.edit.token));
      const onB = track(connect(b, board.id, board.edit.token));
      await Promise.all([mover.synced, onB.synced]);
      const observer = await openRecordedSocket(b, board.id, board.view.token);
      const seenOnB = observer.seen;
      // A kiosk on A whose process will never say it left.
      const ghost = await openSocket(a, board.id, board.edit.token);
      ghost.ws.send(presenceFrame(777, 1, { name: 'Borne', cursor: { x: 3, y: 4 } }));
      await seenOnB.until('the kiosk on B', (e) => e.clientId === 777);

      const first = mover.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Entraide' }));
      await docUntil(onB.doc, 'the note on B', () => onB.shape(first) !== undefined);

      const exit = await a.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      // Offline on A's side, then the same document reconnects to B (a balancer would).
      const offline = mover.run((tx) => tx.create('note', { x: 50, y: 0, text: 'Hors ligne' }));
      mover.provider.destroy();
      const moved = new WebsocketProvider(b.syncUrl, board.id, mover.doc, {
        params: { token: board.edit.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      try {
        await docUntil(onB.doc, 'the offline note on B', () => onB.shape(offline) !== undefined);
        const late = track(connect(b, board.id, board.view.token));
        await late.synced;
        expect((late.shape(first) as NoteShape | undefined)?.text).toBe('Entraide');
        expect((late.shape(offline) as NoteShape | undefined)?.text).toBe('Hors ligne');

        // The kiosk's state is removed by B itself once not renewed for GHOST_MS.
        const removal = await seenOnB.until(
          'the kiosk removed by B',
          (e) => e.clientId === 777 && e.state === null,
          60_000,
        );
        expect(removal.clock).toBeGreaterThan(1);
        // A joiner now is greeted without the ghost, but with the participant who moved (its
        // renewals, every 15 s, now come through B).
        const fresh = await openRecordedSocket(b, board.id, board.view.token);
        const greeted = fresh.seen;
        await greeted.until('the greeting', (e) => e.clientId === onB.doc.clientID);
        const ids = greeted.entries.map((e) => e.clientId);
        expect(ids).toContain(mover.doc.clientID);
        expect(ids).not.toContain(777);
        fresh.ws.close();
      } finally {
        moved.destroy();
        observer.ws.close();
      }
    },
  );

  it('R66: a process stopped with SIGTERM withdraws its participants’ presence at once', async () => {
    const stopping = await startCluster(2);
    try {
      const [a, b] = stopping.servers as [CartonServer, CartonServer];
      const forum = await createForum(a);
      const board = territoryBoard(forum, 'La Mitis');
      const observer = await openRecordedSocket(b, board.id, board.view.token);
      const seenOnB = observer.seen;
      const kiosk = await openSocket(a, board.id, board.edit.token);
      kiosk.ws.send(presenceFrame(888, 1, { name: 'Accueil', cursor: { x: 0, y: 0 } }));
      await seenOnB.until('the kiosk on B', (e) => e.clientId === 888);
      const exit = await a.kill('SIGTERM');
      expect(exit.code).toBe(0);
      // Long before the 30 s a silent death would take.
      await seenOnB.until('the kiosk withdrawn', (e) => e.clientId === 888 && e.state === null);
      observer.ws.close();
    } finally {
      await stopping.dispose();
    }
  });
});
