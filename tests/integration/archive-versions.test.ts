// ARCHIVE: a board's saved versions (named and automatic, R37, R38) survive an export from one
// built server and an import into a second one: same names, kinds, dates, order and content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';
import {
  authFetch,
  connect,
  createForum,
  territoryBoard,
  type Client,
  type CreatedForum,
} from './helpers.ts';

let a: CartonServer;
let b: CartonServer;
let forum: CreatedForum;
let writer: Client;

interface Version {
  id: number;
  kind: 'auto' | 'named';
  name: string | null;
  createdAt: number;
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    startServer({
      env: {
        CARTON_AUTO_SNAPSHOT_MS: '300',
        // No unload version while the test reads the list.
        CARTON_ROOM_UNLOAD_MS: '60000',
        CARTON_LOG_LEVEL: 'debug',
      },
    }),
    startServer(),
  ]);
  forum = await createForum(a);
  const kamouraska = territoryBoard(forum, 'Kamouraska');
  writer = connect(a, kamouraska.id, kamouraska.edit.token);
  await writer.synced;
  const kept = (times: number) =>
    a.waitForOutput(
      new RegExp(Array(times).fill(`auto_version_kept[^\\n]*${kamouraska.id}`).join('[\\s\\S]*')),
      5_000,
    );
  const firstAuto = kept(1);
  writer.run((tx) =>
    tx.create('note', { x: 60, y: 120, text: 'Concertation forte entre partenaires' }),
  );
  await firstAuto;
  const named = await authFetch(
    a,
    `/api/boards/${kamouraska.id}/snapshots`,
    forum.facilitator.token,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Avant la plénière' }),
    },
  );
  expect(named.status).toBe(201);
  const secondAuto = kept(2);
  writer.run((tx) => tx.create('note', { x: 300, y: 120, text: 'Financement systémique' }));
  await secondAuto;
});

afterAll(async () => {
  writer?.destroy();
  await Promise.all([a?.dispose(), b?.dispose()]);
});

async function versions(server: CartonServer, boardId: string): Promise<Version[]> {
  const response = await authFetch(server, `/api/boards/${boardId}/snapshots`, tokenFor(server));
  expect(response.status).toBe(200);
  return ((await response.json()) as { snapshots: Version[] }).snapshots;
}

async function versionFile(server: CartonServer, boardId: string, id: number): Promise<unknown> {
  const response = await authFetch(
    server,
    `/api/boards/${boardId}/snapshots/${id}/export.json`,
    tokenFor(server),
  );
  expect(response.status).toBe(200);
  return response.json();
}

let imported: CreatedForum | undefined;
const tokenFor = (server: CartonServer) =>
  server === a ? forum.facilitator.token : (imported?.facilitator.token ?? '');

describe('saved versions across an archive', () => {
  it('ARCHIVE: the imported forum’s board lists the same versions (named and auto), same content', async () => {
    const zip = await authFetch(
      a,
      `/api/forums/${forum.forum.id}/archive.zip`,
      forum.facilitator.token,
    );
    expect(zip.status).toBe(200);
    const response = await fetch(`${b.url}/api/forums/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/zip' },
      body: Buffer.from(await zip.arrayBuffer()),
    });
    expect(response.status).toBe(201);
    imported = (await response.json()) as CreatedForum;

    const original = await versions(a, territoryBoard(forum, 'Kamouraska').id);
    expect(original.map((v) => [v.kind, v.name])).toEqual([
      ['auto', null],
      ['named', 'Avant la plénière'],
      ['auto', null],
    ]);
    const restoredBoard = territoryBoard(imported, 'Kamouraska').id;
    const restored = await versions(b, restoredBoard);
    const described = (list: Version[]) =>
      list.map(({ kind, name, createdAt }) => ({ kind, name, createdAt }));
    expect(described(restored)).toEqual(described(original));
    for (const [i, version] of original.entries()) {
      expect(await versionFile(b, restoredBoard, restored[i]!.id)).toEqual(
        await versionFile(a, territoryBoard(forum, 'Kamouraska').id, version.id),
      );
    }
    // Boards that had no versions have none.
    const plenary = imported.boards.find((board) => board.kind === 'plenary')!;
    expect(await versions(b, plenary.id)).toEqual([]);
  });
});
