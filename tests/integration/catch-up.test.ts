// R28, R14: a device back after a long offline stretch sends everything it made as ONE sync
// step 2, in answer to the server's sync step 1. Past CARTON_MAX_MESSAGE_BYTES, `ws` closed it
// with 1009; the stock client reconnected and sent the same message again, forever, and the
// changes never reached the board. The handshake's catch-up is now bounded by the board's own
// size (R30) instead; every other message keeps CARTON_MAX_MESSAGE_BYTES. Tight limits here:
// messages 64 KiB, updates 16 KiB, boards 1 MiB.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  connect,
  createForum,
  docUntil,
  frame,
  openSocket,
  scratchUpdate,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

const KiB = 1024;
const MAX_MESSAGE_BYTES = 64 * KiB;
const MAX_BOARD_BYTES = 1024 * KiB;

let server: CartonServer;
let forum: CreatedForum;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({
    env: {
      CARTON_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      CARTON_MAX_SYNC_BYTES: String(48 * KiB),
      CARTON_MAX_UPDATE_BYTES: String(16 * KiB),
      CARTON_MAX_BOARD_BYTES: String(MAX_BOARD_BYTES),
    },
  });
  forum = await createForum(server);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

/** A raw writer that answered the server's sync step 1 (its handshake is over). */
async function writerPastHandshake(boardId: string, token: string) {
  const socket = await openSocket(server, boardId, token);
  socket.ws.send(frame(0, 1, Y.encodeStateAsUpdate(new Y.Doc())));
  return socket;
}

describe('R28: a catch-up larger than one message', () => {
  it('a stock client back from a long offline stretch sends it once, and the board gets it', async () => {
    const board = territoryBoard(forum, 'La Mitis');
    const device = connect(server, board.id, board.edit.token);
    clients.push(device);
    await device.synced;
    device.provider.disconnect();
    // The afternoon offline: ~300 KB of notes, past the 64 KiB message limit, within the board.
    const ids = Array.from({ length: 300 }, (_, i) =>
      device.run((tx) =>
        tx.create('note', {
          x: (i % 20) * 220,
          y: Math.floor(i / 20) * 220,
          text: `Idée ${i} : ${'Logement social et abordable, transport collectif. '.repeat(18)}`,
        }),
      ),
    );
    expect(Y.encodeStateAsUpdate(device.doc).byteLength).toBeGreaterThan(4 * MAX_MESSAGE_BYTES);
    device.provider.connect();
    const reader = connect(server, board.id, board.view.token);
    clients.push(reader);
    await reader.synced;
    await docUntil(
      reader.doc,
      'every note made offline',
      () => ids.every((id) => !!reader.shape(id)),
      10_000,
    );
    // Sent once: no loop of closes and reconnections.
    expect(device.disconnects()).toBe(1);
    expect(device.provider.wsconnected).toBe(true);
  });

  it('a catch-up larger than the board could ever hold is told « board full » (4409), not retried', async () => {
    const board = territoryBoard(forum, 'Kamouraska');
    const { ws, closed } = await openSocket(server, board.id, board.edit.token);
    const update = scratchUpdate(new Y.Doc(), 'hors-ligne', 'x'.repeat(MAX_BOARD_BYTES + 8 * KiB));
    ws.send(frame(0, 1, update));
    expect((await closed).code).toBe(4409);
  });
});

describe('R14: every other message keeps CARTON_MAX_MESSAGE_BYTES', () => {
  const large = () => scratchUpdate(new Y.Doc(), 'gros', 'x'.repeat(2 * MAX_MESSAGE_BYTES));

  it('a writer whose handshake is over', async () => {
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const { ws, closed } = await writerPastHandshake(board.id, board.edit.token);
    ws.send(frame(0, 2, large()));
    expect((await closed).code).toBe(1009);
    // Its second sync step 2 is no handshake either.
    const again = await writerPastHandshake(board.id, board.edit.token);
    again.ws.send(frame(0, 1, large()));
    expect((await again.closed).code).toBe(1009);
  });

  it('a view link, from its first message', async () => {
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const { ws, closed } = await openSocket(server, board.id, board.view.token);
    ws.send(frame(0, 1, large()));
    expect((await closed).code).toBe(1009);
  });

  it('a writer’s live update before its catch-up is still an update (R28: 4413)', async () => {
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const { ws, closed } = await openSocket(server, board.id, board.edit.token);
    ws.send(frame(0, 2, large()));
    expect((await closed).code).toBe(4413);
  });

  it('a catch-up past the board’s size and its framing never reaches the room (1009)', async () => {
    const board = territoryBoard(forum, 'Rimouski-Neigette');
    const { ws, closed } = await openSocket(server, board.id, board.edit.token);
    const huge = scratchUpdate(new Y.Doc(), 'énorme', 'x'.repeat(MAX_BOARD_BYTES + 128 * KiB));
    ws.send(frame(0, 1, huge));
    expect((await closed).code).toBe(1009);
  });
});
