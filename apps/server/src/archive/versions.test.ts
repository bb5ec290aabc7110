// ARCHIVE: saved versions travel in the forum archive (a board file each, with name, kind and
// date in the manifest) and come back on import, in order, within the archive's limits.
import { createHash } from 'node:crypto';
import { exportBoard } from '@carton/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { SnapshotInfo } from '../storage/board-storage.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import type { ArchiveManifest } from './manifest.ts';
import { readForumArchive } from './read.ts';
import { asVersion1 } from './test-archives.ts';
import { storageSource } from './source.ts';
import { sourceAndTargetPerTest, type DataDir } from './test-support.ts';
import { count, editStoredBoard, ME, refusal, restoreInto, seededForum } from './test-support.ts';
import { collectStream, keptVersions, streamForumArchive } from './write.ts';

const dirs = sourceAndTargetPerTest();

const decoder = new TextDecoder();
const BEFORE_PLENARY = Date.UTC(2023, 4, 18, 14, 30);
const AUTO_AT = Date.UTC(2023, 4, 18, 15, 10);

function storedState(data: DataDir, boardId: string): Uint8Array {
  const stored = data.boards.load(boardId);
  return Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
}

function fileOf(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    return exportBoard(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The seeded forum with two versions of Kamouraska: a named one with the photo, then (the photo
 * taken out, a note added) an auto one named by a restore, and a plain auto one.
 */
async function forumWithVersions() {
  const { created, photo } = await seededForum(dirs.source);
  const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
  dirs.source.boards.saveSnapshot(kamouraska.id, storedState(dirs.source, kamouraska.id), {
    kind: 'named',
    name: 'Avant la plénière',
    createdAt: BEFORE_PLENARY,
  });
  editStoredBoard(dirs.source, kamouraska.id, (board) =>
    board.run((tx) => {
      const image = board.listShapes().find((shape) => shape.type === 'image');
      if (image) tx.delete([image.id]);
      tx.create('note', { x: 700, y: 200, text: 'Transport collectif en région' });
    }, ME),
  );
  dirs.source.boards.saveSnapshot(kamouraska.id, storedState(dirs.source, kamouraska.id), {
    kind: 'auto',
    name: 'Avant la restauration de la version 1',
    createdAt: AUTO_AT,
  });
  editStoredBoard(dirs.source, kamouraska.id, (board) =>
    board.run((tx) => {
      tx.create('note', { x: 700, y: 400, text: 'Logement abordable' });
    }, ME),
  );
  dirs.source.boards.saveSnapshot(kamouraska.id, storedState(dirs.source, kamouraska.id), {
    kind: 'auto',
    createdAt: AUTO_AT + 600_000,
  });
  const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id, {
    png: false,
  });
  if (!stream) throw new Error('no forum');
  return { created, photo, kamouraska, zip: await collectStream(stream) };
}

const restore = restoreInto;

function withManifest(zip: Uint8Array, edit: (manifest: ArchiveManifest) => void): Uint8Array {
  const files = unzipSync(zip);
  const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

const versionsOf = (data: DataDir, boardId: string) =>
  data.boards.listSnapshots(boardId).map((v) => ({
    kind: v.kind,
    name: v.name,
    createdAt: v.createdAt,
    file: fileOf(data.boards.getSnapshot(boardId, v.id)!),
  }));

describe('saved versions in the forum archive', () => {
  it('ARCHIVE: each version is a board file, listed with its name, kind and date, checksummed', async () => {
    const { zip, photo } = await forumWithVersions();
    const files = unzipSync(zip);
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    const entry = manifest.boards.find((board) => board.territory === 'Kamouraska')!;
    expect(
      entry.versions?.map(({ kind, name, createdAt, json, shapes }) => ({
        kind,
        name,
        createdAt,
        json,
        shapes,
      })),
    ).toEqual([
      {
        kind: 'named',
        name: 'Avant la plénière',
        createdAt: BEFORE_PLENARY,
        json: 'boards/02-conditions-de-succes-kamouraska/versions/001-avant-la-pleniere.json',
        shapes: 7,
      },
      {
        kind: 'auto',
        name: 'Avant la restauration de la version 1',
        createdAt: AUTO_AT,
        json: 'boards/02-conditions-de-succes-kamouraska/versions/002-avant-la-restauration-de-la-version-1.json',
        shapes: 7,
      },
      {
        kind: 'auto',
        name: null,
        createdAt: AUTO_AT + 600_000,
        json: 'boards/02-conditions-de-succes-kamouraska/versions/003-auto.json',
        shapes: 8,
      },
    ]);
    const listed = new Set(manifest.files.map((file) => file.path));
    for (const version of entry.versions ?? []) expect(listed.has(version.json)).toBe(true);
    // Boards without versions list none (the manifest reads as before for them).
    expect(manifest.boards.filter((board) => board.versions)).toHaveLength(1);
    // The photo left the board but a version shows it: it is once in the archive, in
    // images/, and no board or version file embeds it.
    const embedding = [entry.json, ...(entry.versions ?? []).map((v) => v.json)].filter(
      (path) => JSON.parse(decoder.decode(files[path])).images,
    );
    expect(embedding).toEqual([]);
    expect(manifest.images?.map((image) => image.blobId)).toEqual([photo]);
    expect(Object.keys(files).filter((path) => path.startsWith('images/'))).toEqual([
      `images/${photo}.png`,
    ]);
  });

  it.each([
    ['as exported (version 2)', (zip: Uint8Array) => zip],
    [
      'as Carton wrote it before (version 1: a version embeds what earlier files do not)',
      asVersion1,
    ],
  ])(
    'ARCHIVE: restored %s, the new board lists the same versions, same content, in order',
    async (_, as) => {
      const { zip, kamouraska, photo } = await forumWithVersions();
      const restored = await restore(dirs.target, as(zip));
      const board = restored.boards.find((b) => b.territory === 'Kamouraska')!;
      const original = versionsOf(dirs.source, kamouraska.id);
      expect(original).toHaveLength(3);
      expect(versionsOf(dirs.target, board.id)).toEqual(original);
      // The version's photo is stored for the new forum though the board no longer shows it.
      expect(dirs.target.blobs.get(restored.forum.id, photo)).not.toBeNull();
      // Other boards had none, and have none.
      const plenary = restored.boards.find((b) => b.kind === 'plenary')!;
      expect(dirs.target.boards.listSnapshots(plenary.id)).toEqual([]);
    },
  );

  it('ARCHIVE: an archive whose manifest carries fields this reader does not know still imports', async () => {
    const { zip, kamouraska } = await forumWithVersions();
    const newer = withManifest(zip, (manifest) => {
      Object.assign(manifest, { futureField: { anything: true } });
      for (const board of manifest.boards) Object.assign(board, { colour: 'blue' });
    });
    const restored = await restore(dirs.target, newer);
    const board = restored.boards.find((b) => b.territory === 'Kamouraska')!;
    expect(versionsOf(dirs.target, board.id)).toEqual(versionsOf(dirs.source, kamouraska.id));
  });

  it('ARCHIVE: 100 000 versions in a manifest are refused (too_large) before anything is read or written', async () => {
    const { zip } = await forumWithVersions();
    const hostile = withManifest(zip, (manifest) => {
      manifest.boards[0]!.versions = Array.from({ length: 100_000 }, (_, i) => ({
        kind: 'auto' as const,
        name: null,
        createdAt: 0,
        json: `v/${i}.json`,
        shapes: 0,
      }));
    });
    expect(await refusal(() => readForumArchive(hostile))).toEqual({
      code: 'too_large',
      path: 'manifest.json: boards.0.versions',
    });
    // Spread over boards, the archive's total is bounded too.
    const spread = withManifest(zip, (manifest) => {
      for (const [b, board] of manifest.boards.entries()) {
        board.versions = Array.from({ length: ARCHIVE_LIMITS.maxVersionsPerBoard }, (_, i) => ({
          kind: 'auto' as const,
          name: null,
          createdAt: 0,
          json: `v/${b}-${i}.json`,
          shapes: 0,
        }));
      }
    });
    expect(
      (await refusal(() => readForumArchive(spread, { ...ARCHIVE_LIMITS, maxVersions: 500 }))).code,
    ).toBe('too_large');
    expect(count(dirs.target, 'forums')).toBe(0);
  });

  it('ARCHIVE: a version file missing, changed or listed twice is refused, nothing written', async () => {
    const { zip } = await forumWithVersions();
    const files = unzipSync(zip);
    const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
    const version = manifest.boards.find((b) => b.versions)!.versions![0]!.json;
    const without = { ...files };
    delete without[version];
    expect(await refusal(() => readForumArchive(zipSync(without)))).toEqual({
      code: 'missing_file',
      path: version,
    });
    const text = decoder.decode(files[version]).replace('Liens de relais', 'Liens coupés');
    expect(
      (await refusal(() => readForumArchive(zipSync({ ...files, [version]: strToU8(text) })))).code,
    ).toBe('checksum_mismatch');
    const twice = withManifest(zip, (m) => {
      const board = m.boards.find((b) => b.versions)!;
      board.versions![1]!.json = board.versions![0]!.json;
    });
    expect((await refusal(() => readForumArchive(twice))).code).toBe('invalid_manifest');
    // The plenary's file as a version of a territory board: its kind gives it away.
    const plenary = files[manifest.boards[0]!.json]!;
    const wrongKind = withManifest(zipSync({ ...files, [version]: plenary }), (m) => {
      const listed = m.files.find((file) => file.path === version)!;
      listed.sha256 = createHash('sha256').update(plenary).digest('hex');
      listed.bytes = plenary.byteLength;
    });
    expect(await refusal(() => readForumArchive(wrongKind))).toEqual({
      code: 'invalid_board',
      path: `${version}: meta.kind`,
    });
    expect(count(dirs.target, 'forums')).toBe(0);
    expect(count(dirs.target, 'boards')).toBe(0);
  });
});

describe('an archive download read slowly or given up', () => {
  /**
   * Resolves when the export asked for the forum's votes, which it does last, after every
   * board and version (so: when it produced the whole archive); `within` bounds a wait for an
   * event that must not come.
   */
  const endOf = (data: DataDir) => {
    const asked: string[] = [];
    let reachEnd = () => {};
    const reachedEnd = new Promise<'end'>((resolve) => (reachEnd = () => resolve('end')));
    const real = storageSource(data);
    const wrapped = {
      ...real,
      versionFile: (boardId: string, versionId: number) => {
        asked.push(`${boardId}/${versionId}`);
        return real.versionFile(boardId, versionId);
      },
      facilitation: (forumId: string) => {
        reachEnd();
        return real.facilitation(forumId);
      },
    };
    return { asked, reachedEnd, source: wrapped };
  };
  const quiet = () => new Promise<'quiet'>((resolve) => setTimeout(() => resolve('quiet'), 300));

  it('ARCHIVE: is made as fast as it is read, and a download given up stops reading the forum', async () => {
    const { created } = await seededForum(dirs.target);
    const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
    for (let i = 0; i < 5; i++) {
      editStoredBoard(dirs.target, kamouraska.id, (board) =>
        board.run((tx) => {
          tx.create('note', { x: 700, y: 200 * i, text: `Mobilité durable, étape ${i + 1}` });
        }, ME),
      );
      dirs.target.boards.saveSnapshot(kamouraska.id, storedState(dirs.target, kamouraska.id), {
        kind: 'auto',
        createdAt: AUTO_AT + i,
      });
    }
    const unread = endOf(dirs.target);
    const stream = await streamForumArchive(unread.source, created.forum.id, { png: false });
    // Nobody reads: the export waits with an entry or two ready, not the whole forum.
    expect(await Promise.race([unread.reachedEnd, quiet()])).toBe('quiet');
    const reader = stream!.getReader();
    await reader.read();
    await reader.cancel();
    const askedAtCancel = unread.asked.length;
    expect(await Promise.race([unread.reachedEnd, quiet()])).toBe('quiet');
    expect(unread.asked).toHaveLength(askedAtCancel);
    // Read to the end, the same archive is whole: every version is in it.
    const read = endOf(dirs.target);
    const whole = await streamForumArchive(read.source, created.forum.id, { png: false });
    const manifest = JSON.parse(
      decoder.decode(unzipSync(await collectStream(whole!))['manifest.json']),
    ) as ArchiveManifest;
    expect(manifest.boards.find((b) => b.id === kamouraska.id)?.versions).toHaveLength(5);
    expect(read.asked).toHaveLength(5);
  });
});

describe('keptVersions', () => {
  const version = (id: number, kind: 'auto' | 'named'): SnapshotInfo => ({
    id,
    boardId: 'b',
    kind,
    name: kind === 'named' ? `v${id}` : null,
    createdAt: id,
    bytes: 1,
  });

  it('ARCHIVE: past the limit, named versions first, then the newest auto ones, oldest first', () => {
    const all = [
      version(1, 'named'),
      version(2, 'auto'),
      version(3, 'auto'),
      version(4, 'named'),
      version(5, 'auto'),
    ];
    expect(keptVersions(all, 10).map((v) => v.id)).toEqual([1, 2, 3, 4, 5]);
    expect(keptVersions(all, 3).map((v) => v.id)).toEqual([1, 4, 5]);
    expect(keptVersions(all, 0)).toEqual([]);
  });
});
