// R27: a board keeps at most MAX_NAMED_VERSIONS named versions. Named ones are never pruned,
// so a script holding the facilitator link (the only one that may keep versions) could
// otherwise fill the disk with copies of the board. A real server on port 0 with its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS } from '../archive/limits.ts';
import { AUTO_SNAPSHOTS_KEPT, MAX_NAMED_VERSIONS } from '../storage/snapshot-rows.ts';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';

interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string };
  boards: Array<{ id: string; kind: string; edit: { token: string } }>;
}

let running: LoggedServer;
let forum: CreatedForum;

const keepVersion = async (boardId: string, token: string, name: string) => {
  const response = await fetch(`${running.server.url}/api/boards/${boardId}/snapshots`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  running = await startLoggedServer('version-limit');
  const created = await fetch(`${running.server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Forum de la Matapédia', territories: ['La Matapédia'] }),
  });
  forum = (await created.json()) as CreatedForum;
});
afterAll(() => running.close());

describe('R27: named versions per board', () => {
  it('every version a board may keep fits in its forum archive', () => {
    expect(MAX_NAMED_VERSIONS + AUTO_SNAPSHOTS_KEPT).toBeLessThanOrEqual(
      ARCHIVE_LIMITS.maxVersionsPerBoard,
    );
  });

  it('only the facilitator keeps versions, and no more than the limit', async () => {
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const other = forum.boards.find((b) => b.kind === 'postcards')!;
    const token = forum.facilitator.token;
    // A participant's edit link keeps none.
    expect((await keepVersion(board.id, board.edit.token, 'Étape')).status).toBe(403);

    for (let i = 1; i <= MAX_NAMED_VERSIONS; i++) {
      expect((await keepVersion(board.id, token, `Étape ${i}`)).status).toBe(201);
    }
    const refused = await keepVersion(board.id, token, 'Une de trop');
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: 'too_many_versions',
        message: `A board keeps at most ${MAX_NAMED_VERSIONS} named versions; automatic versions are still kept.`,
      },
    });
    const listed = await fetch(`${running.server.url}/api/boards/${board.id}/snapshots`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { snapshots } = (await listed.json()) as { snapshots: Array<{ name: string | null }> };
    expect(snapshots).toHaveLength(MAX_NAMED_VERSIONS);
    expect(snapshots.some((s) => s.name === 'Une de trop')).toBe(false);
    // Another board of the forum has its own count.
    expect((await keepVersion(other.id, token, 'Cartes du matin')).status).toBe(201);
    expect(running.records.some((r) => r.event === 'version_refused')).toBe(true);
  });
});
