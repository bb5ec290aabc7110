// ARCHIVE: every archive Carton exports, Carton imports — the export keeps within the limits
// the import checks (lowered here through the `limits` both take), and version 2's images
// (once per archive, in images/) are checked like everything else.
import { createHash } from 'node:crypto';
import { strToU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveLimits } from './limits.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import type { ArchiveManifest } from './manifest.ts';
import { renderArchivePng } from './png.ts';
import { readForumArchive } from './read.ts';
import { storageSource } from './source.ts';
import { editArchive, noisePng } from './test-archives.ts';
import {
  count,
  decodePng,
  editStoredBoard,
  ME,
  refusal,
  restoreInto,
  seededForum,
  sourceAndTargetPerTest,
} from './test-support.ts';
import { collectStream, embedImages, streamForumArchive } from './write.ts';
import { listZip } from './zip-reader.ts';

const dirs = sourceAndTargetPerTest();

const decoder = new TextDecoder();
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const KiB = 1024;

async function archiveOf(forumId: string, limits?: ArchiveLimits): Promise<Uint8Array> {
  const stream = await streamForumArchive(storageSource(dirs.source), forumId, {
    png: false,
    ...(limits ? { limits } : {}),
  });
  return collectStream(stream!);
}

const manifestOf = (zip: Uint8Array) =>
  JSON.parse(decoder.decode(unzipSync(zip)['manifest.json'])) as ArchiveManifest;

const restore = (zip: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS) =>
  restoreInto(dirs.target, zip, limits);

function storedState(boardId: string): Uint8Array {
  const stored = dirs.source.boards.load(boardId);
  return Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
}

/** Stores an incompressible photo of ~`bytes` for the forum; its blob id. */
function photoOf(forumId: string, bytes: number, seed: number): string {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const data = noisePng(side, side, seed);
  const blobId = sha256(data);
  dirs.source.blobs.put(
    forumId,
    [
      {
        info: { blobId, mime: 'image/png', width: side, height: side, bytes: data.byteLength },
        data,
      },
    ],
    Number.MAX_SAFE_INTEGER,
  );
  return blobId;
}

/**
 * Six saved versions of Kamouraska, named and auto in turn, each showing a photo of its own
 * (~100 KiB, incompressible): each version costs an archive its file and its photo.
 */
async function forumWithHeavyVersions() {
  const { created } = await seededForum(dirs.source);
  const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
  const versions: { kind: 'named' | 'auto'; createdAt: number; photo: string }[] = [];
  for (let i = 0; i < 6; i++) {
    const photo = photoOf(created.forum.id, 100 * KiB, i + 1);
    editStoredBoard(dirs.source, kamouraska.id, (board) =>
      board.run((tx) => {
        for (const shape of board.listShapes().filter((s) => s.type === 'image' && s.y > 500))
          tx.delete([shape.id]);
        tx.create('image', {
          x: 1100,
          y: 600,
          blobId: photo,
          mime: 'image/png',
          naturalWidth: 200,
          naturalHeight: 200,
          w: 200,
          h: 200,
        });
      }, ME),
    );
    const kind = i % 2 === 0 ? 'named' : 'auto';
    const createdAt = Date.UTC(2023, 4, 18, 13 + i);
    dirs.source.boards.saveSnapshot(kamouraska.id, storedState(kamouraska.id), {
      kind,
      ...(kind === 'named' ? { name: `Étape ${i + 1}` } : {}),
      createdAt,
    });
    versions.push({ kind, createdAt, photo });
  }
  // The board itself shows none of those photos any more.
  editStoredBoard(dirs.source, kamouraska.id, (board) =>
    board.run((tx) => {
      for (const shape of board.listShapes().filter((s) => s.type === 'image' && s.y > 500))
        tx.delete([shape.id]);
    }, ME),
  );
  return { created, kamouraska, versions };
}

describe('the export keeps within what the import takes', () => {
  it('ARCHIVE: versions past the room are left out (named first, newest first), counted, and the archive imports under the same limits', async () => {
    const { created, kamouraska, versions } = await forumWithHeavyVersions();
    const whole = manifestOf(await archiveOf(created.forum.id));
    const read = (path: string) => whole.files.find((file) => file.path === path)!.bytes;
    const boardsRead = whole.boards.reduce((sum, board) => sum + read(board.json), 0);
    const seeded = whole.images!.find((image) => !versions.some((v) => v.photo === image.blobId));
    const entry = whole.boards.find((board) => board.id === kamouraska.id)!;
    expect(entry.versions).toHaveLength(6);
    const versionRead = (i: number) =>
      read(entry.versions![i]!.json) + read(`images/${versions[i]!.photo}.png`);
    // Room for the boards, the seeded photo and the two newest named versions, not a third.
    const room = 256 * KiB;
    const limits: ArchiveLimits = {
      ...ARCHIVE_LIMITS,
      maxEntryBytes: room,
      maxTotalBytes:
        room + boardsRead + read(seeded!.path) + versionRead(4) + versionRead(2) + 50 * KiB,
    };
    const zip = await archiveOf(created.forum.id, limits);
    const manifest = manifestOf(zip);
    const kept = manifest.boards.find((board) => board.id === kamouraska.id)!;
    expect(kept.versions?.map((v) => v.name)).toEqual(['Étape 3', 'Étape 5']);
    expect(kept.versionsLeftOut).toBe(4);
    expect(manifest.images?.map((image) => image.blobId).sort()).toEqual(
      [seeded!.blobId, versions[2]!.photo, versions[4]!.photo].sort(),
    );
    const restored = await restore(zip, limits);
    const board = restored.boards.find((b) => b.territory === 'Kamouraska')!;
    expect(dirs.target.boards.listSnapshots(board.id).map((v) => v.name)).toEqual([
      'Étape 3',
      'Étape 5',
    ]);
    expect(dirs.target.blobs.get(restored.forum.id, versions[4]!.photo)).not.toBeNull();
  });

  it('ARCHIVE: boards and images alone past the limits → archive_too_large before the first byte', async () => {
    const { created } = await seededForum(dirs.source);
    const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
    const photo = photoOf(created.forum.id, 300 * KiB, 7);
    editStoredBoard(dirs.source, kamouraska.id, (board) =>
      board.run((tx) => {
        tx.create('image', {
          x: 0,
          y: 800,
          blobId: photo,
          mime: 'image/png',
          naturalWidth: 10,
          naturalHeight: 10,
          w: 100,
          h: 100,
        });
      }, ME),
    );
    const limits = { ...ARCHIVE_LIMITS, maxEntryBytes: 64 * KiB, maxTotalBytes: 256 * KiB };
    expect(
      await refusal(() =>
        streamForumArchive(storageSource(dirs.source), created.forum.id, { limits }),
      ),
    ).toEqual({ code: 'archive_too_large', path: '(archive)' });
  });

  it('ARCHIVE: a board of repeated text (it deflates past the ratio limit) is stored, and imports', async () => {
    const { created } = await seededForum(dirs.source);
    const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
    const text = 'Concertation forte entre partenaires, partage des savoirs. '.repeat(160);
    editStoredBoard(dirs.source, kamouraska.id, (board) =>
      board.run((tx) => {
        for (let i = 0; i < 150; i++) tx.create('note', { x: 220 * (i % 10), y: 900, text });
      }, ME),
    );
    const zip = await archiveOf(created.forum.id);
    const manifest = manifestOf(zip);
    const json = manifest.boards.find((board) => board.id === kamouraska.id)!.json;
    const entry = (await listZip(zip)).entries.get(json)!;
    expect(entry.uncompressedSize).toBeGreaterThan(1024 * KiB);
    expect(entry.compressionMethod).toBe(0);
    const restored = await restore(zip);
    expect(restored.boards).toHaveLength(created.boards.length);
  });

  it('ARCHIVE: a PNG past its cap is drawn smaller, or left out', async () => {
    const { created } = await seededForum(dirs.source);
    const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska')!;
    const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id);
    const whole = unzipSync(await collectStream(stream!));
    const entry = manifestOf(await archiveOf(created.forum.id)).boards.find(
      (board) => board.id === kamouraska.id,
    )!;
    const full = whole[entry.json.replace(/\.json$/, '.png')]!;
    const file = await embedImages(
      JSON.parse(decoder.decode(whole[entry.json])),
      created.forum.id,
      dirs.source.blobs,
    );
    const capped = await renderArchivePng(file, Math.floor(full.byteLength / 3));
    expect(capped).not.toBeNull();
    expect(capped!.byteLength).toBeLessThanOrEqual(full.byteLength / 3);
    expect(await renderArchivePng(file, 100)).toBeNull();
  });

  it('ARCHIVE: a server that caps PNG pixels lower draws every board’s PNG within it', async () => {
    const { created } = await seededForum(dirs.source);
    const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id, {
      pngMaxPixels: 40_000,
    });
    const whole = unzipSync(await collectStream(stream!));
    const pngs = Object.keys(whole).filter(
      (path) => path.endsWith('.png') && path.startsWith('boards/'),
    );
    expect(pngs.length).toBe(created.boards.length);
    for (const path of pngs) {
      const { width, height } = decodePng(whole[path]!);
      expect(width * height).toBeLessThanOrEqual(40_000);
      expect(width * height).toBeGreaterThan(10_000);
    }
  });
});

describe('version 2 images, hostile', () => {
  let zip: Uint8Array;
  let photo: string;
  beforeEach(async () => {
    const seeded = await seededForum(dirs.source);
    photo = seeded.photo;
    zip = await archiveOf(seeded.created.forum.id);
  });
  const path = () => `images/${photo}.png`;

  async function refusedWritingNothing(hostile: Uint8Array) {
    const result = await refusal(() => restore(hostile));
    expect(['forums', 'boards', 'blobs'].map((t) => count(dirs.target, t as 'forums'))).toEqual([
      0, 0, 0,
    ]);
    return result;
  }

  it('ARCHIVE: an image whose bytes are not its SHA-256 → checksum_mismatch', async () => {
    const other = noisePng(8, 8, 3);
    const hostile = editArchive(zip, (files) => (files[path()] = other));
    expect(await refusedWritingNothing(hostile)).toEqual({
      code: 'checksum_mismatch',
      path: path(),
    });
  });

  it('ARCHIVE: an image listed twice, or under two names → invalid_manifest', async () => {
    const twice = editArchive(zip, (_, manifest) => manifest.images!.push(manifest.images![0]!));
    expect((await refusedWritingNothing(twice)).code).toBe('invalid_manifest');
    const renamed = editArchive(zip, (files, manifest) => {
      files['images/copie.png'] = files[path()]!;
      manifest.files.push({
        ...manifest.files.find((f) => f.path === path())!,
        path: 'images/copie.png',
      });
      manifest.images!.push({ ...manifest.images![0]!, path: 'images/copie.png' });
    });
    expect(await refusedWritingNothing(renamed)).toEqual({
      code: 'invalid_manifest',
      path: 'manifest.json: images.1',
    });
  });

  it('ARCHIVE: an image listed but absent → missing_file; not an image → broken_image', async () => {
    const absent = editArchive(zip, (files) => delete files[path()]);
    expect(await refusedWritingNothing(absent)).toEqual({ code: 'missing_file', path: path() });
    const svg = strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const fake = `images/${sha256(svg)}.png`;
    const broken = editArchive(zip, (files, manifest) => {
      delete files[path()];
      files[fake] = svg;
      manifest.files = manifest.files.map((f) => (f.path === path() ? { ...f, path: fake } : f));
      manifest.images = [{ blobId: sha256(svg), path: fake, mime: 'image/png' }];
    });
    expect(await refusedWritingNothing(broken)).toEqual({ code: 'broken_image', path: fake });
  });

  it('ARCHIVE: an image entry past the entry limit is a zip bomb, refused before inflating', async () => {
    const limits = { ...ARCHIVE_LIMITS, maxEntryBytes: 64 };
    const hostile = editArchive(zip, (files) => (files[path()] = noisePng(64, 64, 9)), {
      rehash: true,
    });
    expect(await refusal(() => readForumArchive(hostile, limits))).toMatchObject({
      code: 'zip_bomb',
    });
  });
});
