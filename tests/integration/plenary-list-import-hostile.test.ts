// C10 in the forum archive: a manifest's `facilitation.plenaryList` written by hand or by a
// hostile tool is refused as a whole with a JSON error naming it, and no forum is created.
import { describe, expect, it } from 'vitest';
import { editArchive } from '../../apps/server/src/archive/test-archives.ts';
import type { CartonServer } from '../support/server.ts';
import { type CreatedForum } from './helpers.ts';
import {
  blankForumSuite,
  forumArchive,
  forumWithListPlaced,
  importArchive,
} from './forum-support.ts';

let server: CartonServer;
blankForumSuite(['Kamouraska'], (started) => {
  server = started;
});

async function placedArchive(): Promise<{ f: CreatedForum; zip: Uint8Array }> {
  const { f } = await forumWithListPlaced(server, ['Kamouraska'], ['Logement', 'Transport']);
  return { f, zip: await forumArchive(server, f) };
}

describe('C10: a hostile plenaryList in an archive', () => {
  it('wrong types, huge maps, another board: 400 invalid_manifest, the path named', async () => {
    const { f, zip } = await placedArchive();
    const territory = f.boards.find((b) => b.kind !== 'plenary')!;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile shapes
    const edits: ((list: any) => unknown)[] = [
      () => 'incontournables',
      () => [],
      (list) => ({ ...list, columns: 'x' }),
      (list) => ({ ...list, columns: 11 }),
      (list) => ({ ...list, nextSlot: 1e12 }),
      (list) => ({ ...list, placedAt: -1 }),
      (list) => ({ ...list, boardId: territory.id }),
      (list) => ({ ...list, areaId: 'shape:mon-carton' }),
      (list) => ({ ...list, placed: { 'shape:ma-note': 'x' } }),
      (list) => ({ ...list, placed: { [list.areaId]: 7 } }),
      (list) => ({
        ...list,
        placed: Object.fromEntries(
          Array.from({ length: 10_001 }, (_, n) => [`shape:incontournable-${n}`, '']),
        ),
      }),
    ];
    for (const edit of edits) {
      const hostile = editArchive(zip, (_files, manifest) => {
        const facilitation = manifest.facilitation as unknown as Record<string, unknown>;
        facilitation.plenaryList = edit(facilitation.plenaryList);
      });
      const response = await importArchive(server, hostile);
      const body = (await response.json()) as { error?: { code: string; path?: string } };
      expect([response.status, body.error?.code], JSON.stringify(body)).toEqual([
        400,
        'invalid_manifest',
      ]);
      expect(body.error?.path).toContain('plenaryList');
    }
  });
});
