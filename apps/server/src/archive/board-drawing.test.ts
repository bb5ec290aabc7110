// ARCHIVE: a board's drawing for its PNG, photos filled in one at a time (board-drawing.ts), is
// the very document drawn from the board file with its photos embedded.
import { exportBoard } from '@carton/board';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawBoard, drawBoardWithPhotos } from './board-drawing.ts';
import { renderBoardPng } from './png.ts';
import type { ArchiveSource } from './source.ts';
import {
  dataDir,
  decodePng,
  editStoredBoard,
  ME,
  seededForum,
  type DataDir,
} from './test-support.ts';
import { embedImages } from './write.ts';

let data: DataDir;
beforeEach(() => {
  data = dataDir();
});
afterEach(() => data.dispose());

function storedFile(boardId: string) {
  const stored = data.boards.load(boardId);
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
  );
  try {
    return exportBoard(doc);
  } finally {
    doc.destroy();
  }
}

describe('ARCHIVE: a board drawn with its photos', () => {
  it('ARCHIVE: the same document as the file with its photos embedded — a photo shown twice, a photo the forum lacks', async () => {
    const { created, photo } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    editStoredBoard(data, board.id, (edit) =>
      edit.run((tx) => {
        const image = {
          w: 80,
          h: 60,
          mime: 'image/png' as const,
          naturalWidth: 40,
          naturalHeight: 30,
        };
        tx.create('image', { ...image, x: 1100, y: 0, blobId: photo });
        tx.create('image', { ...image, x: 1100, y: 100, blobId: 'f'.repeat(64) });
      }, ME),
    );
    const file = storedFile(board.id);
    const drawn = await drawBoardWithPhotos(file, created.forum.id, data.blobs);
    const embedded = drawBoard(await embedImages(file, created.forum.id, data.blobs));
    expect(drawn.svg.toString('utf8').match(/data:image\/png;base64,/g)).toHaveLength(2);
    expect(drawn.svg.equals(embedded.svg)).toBe(true);
    expect([drawn.width, drawn.height]).toEqual([embedded.width, embedded.height]);
  });

  it('ARCHIVE: a photo removed while the drawing is made leaves a document that still renders', async () => {
    const { created, photo } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    const gone: ArchiveSource['blobs'] = {
      info: (forumId, blobId) => data.blobs.info(forumId, blobId),
      get: () => null,
    };
    const file = storedFile(board.id);
    const drawn = await drawBoardWithPhotos(file, created.forum.id, gone);
    const whole = await drawBoardWithPhotos(file, created.forum.id, data.blobs);
    expect(drawn.svg.byteLength).toBe(whole.svg.byteLength);
    expect(drawn.svg.toString('utf8')).not.toContain(photo);
    const png = decodePng(await renderBoardPng(drawn, { scale: 1 }));
    expect(png.width).toBe(drawn.width);
  });

  it('ARCHIVE: a text that looks like a photo mark is drawn as text, the archive not broken', async () => {
    const { created, photo } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    // Typed by a participant on one wide line (blob ids show in image links): one id the forum
    // lacks, one it has.
    const line = { fontSize: 16, w: 4000 };
    editStoredBoard(data, board.id, (edit) =>
      edit.run((tx) => {
        tx.create('text', { ...line, x: 0, y: 1400, text: `carton-photo:${'e'.repeat(64)}` });
        tx.create('text', { ...line, x: 0, y: 1500, text: `Affiche carton-photo:${photo}` });
      }, ME),
    );
    const file = storedFile(board.id);
    const drawn = await drawBoardWithPhotos(file, created.forum.id, data.blobs);
    const embedded = drawBoard(await embedImages(file, created.forum.id, data.blobs));
    expect(drawn.svg.toString('utf8')).toContain(`carton-photo:${'e'.repeat(64)}`);
    expect(drawn.svg.equals(embedded.svg)).toBe(true);
  });
});
