// ARCHIVE: a board's drawing for its PNG, photos filled in one at a time (board-drawing.ts), is
// the very document drawn from the board file with its photos embedded.
import { createHash } from 'node:crypto';
import { exportBoard } from '@carton/board';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zeroPng } from '../blobs/test-images.ts';
import { drawBoard, drawBoardWithPhotos, MAX_DRAWN_PHOTO_PIXELS } from './board-drawing.ts';
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

  it('ARCHIVE: a photo of 16 384 × 16 384 pixels in 261 kB (sides R35 accepts) is drawn as the placeholder, not decoded', async () => {
    const { created, photo } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    const bomb = await zeroPng(16_384, 16_384);
    const bombId = createHash('sha256').update(bomb).digest('hex');
    const info = { blobId: bombId, mime: 'image/png' as const, width: 16_384, height: 16_384 };
    data.blobs.put(
      created.forum.id,
      [{ info: { ...info, bytes: bomb.byteLength }, data: bomb }],
      Number.MAX_SAFE_INTEGER,
    );
    // A participant shows it four times: each drawn copy was decoded (1 GiB each).
    editStoredBoard(data, board.id, (edit) =>
      edit.run((tx) => {
        const shown = { w: 100, h: 100, mime: 'image/png' as const };
        for (let i = 0; i < 4; i++) {
          tx.create('image', {
            ...shown,
            x: 1100,
            y: 200 * i,
            blobId: bombId,
            naturalWidth: 16_384,
            naturalHeight: 16_384,
          });
        }
      }, ME),
    );
    const drawn = await drawBoardWithPhotos(storedFile(board.id), created.forum.id, data.blobs);
    const svg = drawn.svg.toString('latin1');
    // The board's own photo is drawn; the bomb never reaches resvg.
    expect(svg.match(/data:image\/png;base64,/g)).toHaveLength(1);
    expect(svg).toContain(
      Buffer.from(await photoBytes(created.forum.id, photo)).toString('base64'),
    );
    expect(svg).not.toContain(bomb.subarray(0, 48).toString('base64'));
    expect(16_384 * 16_384).toBeGreaterThan(MAX_DRAWN_PHOTO_PIXELS);
    const png = decodePng(await renderBoardPng(drawn, { scale: 0.25 }));
    expect(png.width).toBe(Math.round(drawn.width * 0.25));
  });

  it('ARCHIVE: photos are drawn while the pixel budget lasts, a photo shown twice costing twice', async () => {
    const { created, photo } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    editStoredBoard(data, board.id, (edit) =>
      edit.run((tx) => {
        const image = { w: 80, h: 60, mime: 'image/png' as const };
        const size = { naturalWidth: 40, naturalHeight: 30 };
        tx.create('image', { ...image, ...size, x: 1100, y: 0, blobId: photo });
        tx.create('image', { ...image, ...size, x: 1100, y: 100, blobId: photo });
      }, ME),
    );
    const file = storedFile(board.id);
    // The seeded board already shows the 40 × 30 photo once: three copies, 1 200 pixels each.
    const count = async (budget: number) => {
      const drawn = await drawBoardWithPhotos(file, created.forum.id, data.blobs, budget);
      return drawn.svg.toString('latin1').match(/data:image\/png;base64,/g)?.length ?? 0;
    };
    expect(await count(3 * 1200)).toBe(3);
    expect(await count(3 * 1200 - 1)).toBe(2);
    expect(await count(1199)).toBe(0);
  });

  it('ARCHIVE: a photo stored sideways (EXIF orientation 6) is drawn upright, as browsers show it', async () => {
    const { created } = await seededForum(data);
    const board = created.boards.find((b) => b.territory === 'Kamouraska')!;
    const jpeg = sidewaysJpeg();
    const blobId = createHash('sha256').update(jpeg).digest('hex');
    const info = { blobId, mime: 'image/jpeg' as const, width: 40, height: 30 };
    data.blobs.put(
      created.forum.id,
      [{ info: { ...info, bytes: jpeg.byteLength }, data: jpeg }],
      Number.MAX_SAFE_INTEGER,
    );
    // Imported from a drawing, in its upright 300 × 400 box.
    editStoredBoard(data, board.id, (edit) =>
      edit.run((tx) => {
        tx.create('image', {
          x: 2000,
          y: 0,
          w: 300,
          h: 400,
          blobId,
          mime: 'image/jpeg',
          naturalWidth: 40,
          naturalHeight: 30,
        });
      }, ME),
    );
    const file = storedFile(board.id);
    const drawn = await drawBoardWithPhotos(file, created.forum.id, data.blobs);
    // The board file with its photos embedded is drawn the same.
    const embedded = drawBoard(await embedImages(file, created.forum.id, data.blobs));
    expect(drawn.svg.equals(embedded.svg)).toBe(true);
    const png = decodePng(await renderBoardPng(drawn, { scale: 1 }));
    const [left, top] = /viewBox="(-?[\d.]+) (-?[\d.]+)/
      .exec(drawn.svg.toString('latin1'))!
      .slice(1);
    const at = (x: number, y: number) => png.pixel(x - Number(left), y - Number(top));
    // Red along its top, blue below (sideways before: red down its left side).
    const red = ([r, g, b]: readonly number[]) => r! > 200 && g! < 60 && b! < 60;
    expect(red(at(2150, 30))).toBe(true);
    expect(red(at(2150, 300))).toBe(false);
    expect(red(at(2020, 300))).toBe(false);
  });
});

/**
 * A phone's photo stored sideways (40 × 30, its left 10 px red, the rest blue) with EXIF
 * orientation 6: upright it is 30 × 40, red along its top, as browsers show it.
 */
function sidewaysJpeg(): Uint8Array {
  const jpeg = Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AAB' +
      'AAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAA' +
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFla' +
      'AAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAA' +
      'AChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1' +
      'AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBh' +
      'cmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAc' +
      'AEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoM' +
      'DAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQU' +
      'FBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAeACgDASIAAhEBAxEB/8QAFwABAQEB' +
      'AAAAAAAAAAAAAAAAAAcFCP/EABoQAQABBQAAAAAAAAAAAAAAAAACBAY2g7P/xAAXAQADAQAAAAAAAAAAAAAAAAAA' +
      'CAkG/8QAHREAAQQCAwAAAAAAAAAAAAAAAAIDBDYHswhzdP/aAAwDAQACEQMRAD8A50SG/MrrtfOKvJDfmV12vnFt' +
      '+ONsk+Ze1kb/AD5WI/enW6YACjghAAAF9SG/MrrtfOKvJDfmV12vnFOPjjbJPmXtZH3z5WI/enW6YACjghAAAH//' +
      '2Q==',
    'base64',
  );
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0];
  const body = Buffer.from([...Buffer.from('Exif\0\0'), ...tiff, 0, 0, 0, 0]);
  const app1 = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]));
}

/** The stored bytes of a photo of the seeded forum. */
async function photoBytes(forumId: string, blobId: string): Promise<Uint8Array> {
  const blob = await data.blobs.get(forumId, blobId);
  return blob!.data;
}
