// Automatic versions (SPEC R38, R8): while a board is in use, and when its last participant
// left; a restore keeps the board as it was (R37).
import type { NoteShape } from '@carton/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import { connect, createForum, territoryBoard, type Client, type CreatedForum } from './helpers.ts';

let server: CartonServer;
let forum: CreatedForum;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServer({
    env: {
      CARTON_AUTO_SNAPSHOT_MS: '300',
      CARTON_ROOM_UNLOAD_MS: '60000',
      CARTON_LOG_LEVEL: 'debug',
    },
  });
  forum = await createForum(server);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

interface Version {
  id: number;
  kind: 'auto' | 'named';
  name: string | null;
}

async function versions(boardId: string): Promise<Version[]> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/snapshots`, {
    headers: { Authorization: `Bearer ${forum.facilitator.token}` },
  });
  return ((await response.json()) as { snapshots: Version[] }).snapshots;
}

async function versionTexts(boardId: string, id: number): Promise<string[]> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/snapshots/${id}/export.json`, {
    headers: { Authorization: `Bearer ${forum.facilitator.token}` },
  });
  const file = (await response.json()) as { shapes: Array<Partial<NoteShape>> };
  return file.shapes.map((shape) => shape.text ?? '').sort();
}

describe('automatic versions', () => {
  it('R38: an active board gets an auto version after CARTON_AUTO_SNAPSHOT_MS, while still open', async () => {
    const board = territoryBoard(forum, 'Rivière-du-Loup');
    const writer = connect(server, board.id, board.edit.token);
    clients.push(writer);
    await writer.synced;
    expect(await versions(board.id)).toEqual([]);
    const kept = server.waitForOutput(new RegExp(`auto_version_kept.*${board.id}`), 5_000);
    writer.run((tx) => tx.create('note', { x: 0, y: 0, text: 'Mot de bienvenue' }));
    writer.run((tx) => tx.create('note', { x: 0, y: 200, text: 'Brise-glace' }));
    await kept;
    const list = await versions(board.id);
    expect(list.map((v) => v.kind)).toEqual(['auto']);
    expect(await versionTexts(board.id, list[0]!.id)).toEqual(['Brise-glace', 'Mot de bienvenue']);
    // The room is still loaded: the writer never left.
    expect(writer.provider.wsconnected).toBe(true);
  });
});
