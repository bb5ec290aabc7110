// R3: every connection is greeted with the presence already on the board — and a test socket
// (helpers.openSocket) hands that greeting over even when it shares the handshake's packet.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, openSocket, territoryBoard, type CreatedForum } from './helpers.ts';

let server: CartonServer;
let forum: CreatedForum;

beforeAll(async () => {
  server = await startServer();
  forum = await createForum(server);
});

afterAll(async () => {
  await server.dispose();
});

it('R3: each of twenty sockets opened in turn is greeted with the presence on the board', async () => {
  const board = territoryBoard(forum, 'Kamouraska');
  const ginette = connect(server, board.id, board.edit.token);
  await ginette.synced;
  const present = new Promise<void>((resolve) => {
    const watcher = connect(server, board.id, board.view.token);
    watcher.provider.awareness.on('change', () => {
      if (watcher.provider.awareness.getStates().has(ginette.doc.clientID)) {
        watcher.provider.destroy();
        resolve();
      }
    });
  });
  ginette.provider.awareness.setLocalStateField('user', { name: 'Ginette' });
  await present;
  const greetings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const { ws } = await openSocket(server, board.id, board.view.token);
    // The first frame a view socket gets is the presence (type 1), or nothing within 2 s.
    const type = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(-1), 2_000);
      ws.once('message', (data: Buffer) => {
        clearTimeout(timer);
        resolve(decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))));
      });
    });
    greetings.push(type);
    ws.close();
  }
  expect(greetings).toEqual(Array.from({ length: 20 }, () => 1));
  ginette.provider.destroy();
});
