// Shared by this folder's tests: a real SQLite data directory with a forum whose Kamouraska
// board holds the forum's kind of content, and PNGs (pngjs) to upload and to check rendered pixels.
import { SqliteVoteStore } from '../facilitation/vote-store.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Board, localOrigin } from '@carton/board';
import { PNG } from 'pngjs';
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import { SqliteBlobStore } from '../blobs/blob-store.ts';
import { createForum, type CreatedForum } from '../forums/create-forum.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { openDatabase, type SqliteDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import { ArchiveError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import { readForumArchive } from './read.ts';
import { restoreForumArchive, type RestoreDeps, type RestoredForum } from './restore.ts';

export interface DataDir {
  dir: string;
  db: SqliteDatabase;
  forums: SqliteForumStore;
  boards: SqliteBoardStorage;
  blobs: SqliteBlobStore;
  votes: SqliteVoteStore;
  dispose(): void;
}

export function dataDir(): DataDir {
  const dir = mkdtempSync(join(tmpdir(), 'carton-archive-'));
  const db = openDatabase(dir);
  const boards = new SqliteBoardStorage(db);
  return {
    dir,
    db,
    forums: new SqliteForumStore(db),
    boards,
    blobs: new SqliteBlobStore(db),
    votes: new SqliteVoteStore(db),
    dispose() {
      boards.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SourceAndTarget {
  /** The Carton an archive is exported from. */
  readonly source: DataDir;
  /** Another host's Carton, where the archive is imported. */
  readonly target: DataDir;
}

/**
 * Registers a `beforeEach` that gives each test two fresh data directories (the exporting
 * Carton and the importing one) and an `afterEach` that removes them; read them through the
 * returned object, which always holds the running test's pair.
 */
export function sourceAndTargetPerTest(): SourceAndTarget {
  let pair: { source: DataDir; target: DataDir } | null = null;
  beforeEach(() => {
    pair = { source: dataDir(), target: dataDir() };
  });
  afterEach(() => {
    pair?.source.dispose();
    pair?.target.dispose();
    pair = null;
  });
  const current = () => {
    if (!pair) throw new Error('sourceAndTargetPerTest: read inside a test');
    return pair;
  };
  return {
    get source() {
      return current().source;
    },
    get target() {
      return current().target;
    },
  };
}

/** Rows of a table, to show that a refused import wrote nothing. */
export function count(data: DataDir, table: 'forums' | 'boards' | 'blobs' | 'tokens'): number {
  return (data.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A solid-colour RGB PNG (a photo of a flyer, for tests). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const png = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  for (let i = 0; i < width * height; i++) png.data.set(rgb, i * 3);
  return new Uint8Array(
    PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false }),
  );
}

export interface DecodedPng {
  width: number;
  height: number;
  /** [r, g, b, a] at (x, y). */
  pixel(x: number, y: number): [number, number, number, number];
}

/** Reads a PNG (what resvg writes) into RGBA pixels. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const { width, height, data } = PNG.sync.read(Buffer.from(bytes));
  return {
    width,
    height,
    pixel(x, y) {
      const at = (y * width + x) * 4;
      return [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0, data[at + 3] ?? 0];
    },
  };
}

/** Changes a stored document (a board's or a forum's) as the relay would: its updates appended. */
export function editStoredDoc(data: DataDir, roomId: string, edit: (doc: Y.Doc) => void): void {
  const stored = data.boards.load(roomId);
  const doc = new Y.Doc();
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
  doc.on('update', (update: Uint8Array) => data.boards.append(roomId, update));
  edit(doc);
  doc.destroy();
}

/** Applies Board commands to a stored board, as a client's updates reach storage. */
export function editStoredBoard(
  data: DataDir,
  boardId: string,
  edit: (board: Board) => void,
): void {
  editStoredDoc(data, boardId, (doc) => edit(new Board(doc)));
}

export const ME = localOrigin('marie-anne');

/** A forum whose Kamouraska board has a carton, notes, a stamp, a bound arrow and a photo. */
export async function seededForum(
  data: DataDir,
): Promise<{ created: CreatedForum; photo: string }> {
  const created = await createForum(
    // Blank boards: the tests count the shapes they draw (templates have their own tests).
    { title: 'Forum régional de l’Alliance 2023', templates: false },
    { forums: data.forums, boards: data.boards, baseUrl: 'http://carton.local' },
  );
  const bytes = solidPng(40, 30, [30, 120, 200]);
  const photo = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
  data.blobs.put(
    created.forum.id,
    [
      {
        info: { blobId: photo, mime: 'image/png', width: 40, height: 30, bytes: bytes.byteLength },
        data: bytes,
      },
    ],
    Number.MAX_SAFE_INTEGER,
  );
  const kamouraska = created.boards.find((board) => board.territory === 'Kamouraska');
  editStoredBoard(data, kamouraska?.id ?? '', (board) =>
    board.run((tx) => {
      const carton = tx.create('carton', { x: 0, y: 0, w: 1000, h: 700, title: 'Kamouraska' });
      tx.create('text', { x: 40, y: 90, text: 'Conditions présentes', parentId: carton });
      const note = tx.create('note', {
        x: 100,
        y: 200,
        text: 'Liens de relais entre les organismes',
        color: 'pink',
        parentId: carton,
      });
      tx.create('note', { x: 400, y: 200, text: 'Financement systémique', parentId: carton });
      tx.create('stamp', { x: 320, y: 180, kind: 'heart', parentId: carton });
      tx.create('arrow', {
        x: 310,
        y: 300,
        end: { x: 80, y: 0 },
        startBinding: { shapeId: note, anchor: { x: 1, y: 0.5 } },
        parentId: carton,
      });
      tx.create('image', {
        x: 1100,
        y: 0,
        blobId: photo,
        mime: 'image/png',
        naturalWidth: 40,
        naturalHeight: 30,
        w: 400,
        h: 300,
      });
    }, ME),
  );
  return { created, photo };
}

/** What a refused archive was refused for (its code and the path in it); fails if accepted. */
export async function refusal(run: () => unknown): Promise<{ code: string; path: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ArchiveError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('accepted');
}

/** Where an import restores into `data`: its stores, as another host's Carton would. */
export function restoreTarget(data: DataDir): RestoreDeps {
  return {
    forums: data.forums,
    boards: data.boards,
    blobs: data.blobs,
    votes: data.votes,
    baseUrl: 'http://autre.local',
    maxForumImageBytes: 1024 * 1024 * 1024,
  };
}

/** A forum archive read (with `limits`) and restored into `data`, as the import route does. */
export async function restoreInto(
  data: DataDir,
  zip: Uint8Array,
  limits?: ArchiveLimits,
): Promise<RestoredForum> {
  return restoreForumArchive(await readForumArchive(zip, limits), restoreTarget(data));
}

export { boardFileWithPhoto, TEST_PHOTO } from './test-board-file.ts';
