import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import type { RenderFonts } from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import { ApiError } from '../board/api';
import type { PictureCopy } from '../shapes/image/pictureCopies';
import { LiveDrawing } from './liveDrawing';

let fonts: RenderFonts;
beforeAll(async () => {
  fonts = await loadBundledFonts();
});

const origin = localOrigin('user:kamouraska');

/** A territory board as the mosaic holds it: its document, the model, its drawing. */
function territory(
  title: string,
  options: { loadImage?: (id: string, copy: PictureCopy) => Promise<Blob> } = {},
) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, kind: 'territory' });
  const board = new Board(doc);
  // Node has no image decoder: every small copy measures as the server makes a phone photo's.
  const measureImage = () => Promise.resolve({ width: 512, height: 384 });
  const drawing = new LiveDrawing(doc, board, {
    fonts,
    title,
    throttleMs: 400,
    measureImage,
    ...options,
  });
  return { doc, board, drawing };
}

/** A photo on the board: a phone's (2560 × 1920, shown 480 × 360) or a flyer's (120 × 160). */
function placePhoto(
  board: Board,
  blobId: string,
  kind: 'camera' | 'flyer',
  mime: 'image/jpeg' | 'image/png' = 'image/jpeg',
) {
  const size =
    kind === 'camera'
      ? { w: 480, h: 360, naturalWidth: 2560, naturalHeight: 1920 }
      : { w: 120, h: 160, naturalWidth: 120, naturalHeight: 160 };
  board.run((tx) => {
    tx.create('image', { x: 0, y: 0, blobId, mime, ...size });
  }, origin);
}

/** Object URLs faked: `url` names each one made; `restore` puts URL's own back. */
function fakeObjectUrls(url: () => string) {
  const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(url);
  const revoked = vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  return {
    revoked,
    restore() {
      created.mockRestore();
      revoked.mockRestore();
    },
  };
}

describe('LiveDrawing (a mosaic tile)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a burst of remote edits on one board redraws that board once, and no other', () => {
    const kamouraska = territory('Kamouraska');
    const others = ['Témiscouata', 'Les Basques', 'La Mitis'].map((t) => territory(t));
    const heard = others.map((o) => {
      let n = 0;
      o.drawing.subscribe(() => n++);
      return () => n;
    });
    let kamouraskaHeard = 0;
    kamouraska.drawing.subscribe(() => kamouraskaHeard++);
    const before = others.map((o) => o.drawing.renders);
    expect(kamouraska.drawing.renders).toBe(1);

    // A table writing: a note, then twenty keystrokes, as separate updates.
    let id = '';
    kamouraska.board.run((tx) => {
      id = tx.create('note', { x: 0, y: 0, text: '' });
    }, origin);
    const sentence = 'Bon leadership, plaisir';
    for (let i = 1; i <= 20; i++)
      kamouraska.board.run((tx) => tx.update(id, { text: sentence.slice(0, i) }), origin);
    expect(kamouraska.drawing.renders).toBe(1);
    vi.advanceTimersByTime(400);

    expect(kamouraska.drawing.renders).toBe(2);
    expect(kamouraskaHeard).toBe(1);
    expect(kamouraska.drawing.getSvg()).toContain('leadership');
    expect(others.map((o) => o.drawing.renders)).toEqual(before);
    expect(heard.map((n) => n())).toEqual([0, 0, 0]);
    for (const t of [kamouraska, ...others]) t.drawing.destroy();
  });

  it('draws a photo from its fetched bytes once they arrive (a placeholder before)', async () => {
    const loadImage = vi.fn(() => Promise.resolve(new Blob([new Uint8Array([1, 2, 3])])));
    const urls = fakeObjectUrls(() => 'blob:flyer');
    const { board, drawing } = territory('La Matapédia', { loadImage });
    placePhoto(board, 'a'.repeat(64), 'flyer', 'image/png');
    vi.advanceTimersByTime(400);
    expect(drawing.getSvg()).not.toContain('<image');
    await vi.runAllTimersAsync();
    expect(drawing.getSvg()).toContain('href="blob:flyer"');
    // Fetched once, however often the board is redrawn.
    board.run((tx) => tx.create('note', { x: 300, y: 0, text: 'Soupe sur le pouce' }), origin);
    await vi.runAllTimersAsync();
    expect(loadImage).toHaveBeenCalledTimes(1);
    drawing.destroy();
    expect(urls.revoked).toHaveBeenCalledWith('blob:flyer');
    urls.restore();
  });

  it('draws a photo from its small copy; shown big, from its whole picture once it comes', async () => {
    const blobId = 'd'.repeat(64);
    const loadImage = vi.fn((_id: string, copy: PictureCopy) => Promise.resolve(new Blob([copy])));
    let made = 0;
    const urls = fakeObjectUrls(() => `blob:${++made}`);
    const { board, drawing } = territory('Témiscouata', { loadImage });
    placePhoto(board, blobId, 'camera');
    await vi.runAllTimersAsync();
    expect(drawing.getSvg()).toContain('href="blob:1"');
    expect(loadImage.mock.calls).toEqual([[blobId, 'small']]);
    // In a tile of the mosaic (a few hundred device pixels): the small copy is enough.
    drawing.sharpen(blobId, 300);
    await vi.runAllTimersAsync();
    expect(loadImage).toHaveBeenCalledTimes(1);
    // The territory large on the room's screen: 1400 device pixels long.
    drawing.sharpen(blobId, 1400);
    drawing.sharpen(blobId, 1400);
    // Until the whole picture comes, the copy is still drawn (no placeholder in between).
    expect(drawing.getSvg()).toContain('href="blob:1"');
    await vi.runAllTimersAsync();
    expect(drawing.getSvg()).toContain('href="blob:2"');
    expect(drawing.getSvg()).not.toContain('href="blob:1"');
    expect(loadImage.mock.calls).toEqual([
      [blobId, 'small'],
      [blobId, 'full'],
    ]);
    drawing.destroy();
    expect(urls.revoked).toHaveBeenCalledWith('blob:1');
    expect(urls.revoked).toHaveBeenCalledWith('blob:2');
    urls.restore();
  });

  it('a server without small copies (404 on …/small) draws the whole picture, as before', async () => {
    const blobId = 'e'.repeat(64);
    const loadImage = vi.fn((_id: string, copy: PictureCopy) =>
      copy === 'small'
        ? Promise.reject(new ApiError(404, 'image_unavailable', 'Not Found'))
        : Promise.resolve(new Blob(['whole'])),
    );
    const urls = fakeObjectUrls(() => 'blob:whole');
    const { board, drawing } = territory('La Mitis', { loadImage });
    placePhoto(board, blobId, 'camera');
    await vi.runAllTimersAsync();
    expect(drawing.getSvg()).toContain('href="blob:whole"');
    drawing.sharpen(blobId, 1400);
    await vi.runAllTimersAsync();
    expect(loadImage.mock.calls).toEqual([
      [blobId, 'small'],
      [blobId, 'full'],
    ]);
    drawing.destroy();
    urls.restore();
  });

  it('fetches a photo again after the network failed it, and draws it once it comes', async () => {
    // The venue's wifi drops as the big screen asks for the photo: it stayed a placeholder.
    let fails = 2;
    const loadImage = vi.fn(() =>
      fails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Blob([new Uint8Array([1, 2, 3])])),
    );
    const urls = fakeObjectUrls(() => 'blob:affiche');
    const { board, drawing } = territory('Kamouraska', { loadImage });
    placePhoto(board, 'b'.repeat(64), 'flyer');
    await vi.advanceTimersByTimeAsync(400);
    expect(drawing.getSvg()).not.toContain('<image');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(loadImage).toHaveBeenCalledTimes(3);
    expect(drawing.getSvg()).toContain('href="blob:affiche"');
    drawing.destroy();
    urls.restore();
  });

  it('fetches a whole picture again after the network failed it, with no new drawing to measure', async () => {
    // A carton held still on the projector: nothing redraws it, so nothing measures it again.
    const blobId = 'f'.repeat(64);
    let wholeFails = 1;
    const loadImage = vi.fn((_id: string, copy: PictureCopy) =>
      copy === 'full' && wholeFails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Blob([copy])),
    );
    let made = 0;
    const urls = fakeObjectUrls(() => `blob:${++made}`);
    const { board, drawing } = territory('Rimouski', { loadImage });
    placePhoto(board, blobId, 'camera');
    await vi.runAllTimersAsync();
    drawing.sharpen(blobId, 1400);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(loadImage.mock.calls).toEqual([
      [blobId, 'small'],
      [blobId, 'full'],
      [blobId, 'full'],
    ]);
    expect(drawing.getSvg()).toContain('href="blob:2"');
    drawing.destroy();
    urls.restore();
  });

  it('leaves a photo the forum lacks a placeholder, without asking again', async () => {
    // …/small refused, then the whole picture too: one of each, never again.
    const loadImage = vi.fn(() =>
      Promise.reject(new ApiError(404, 'image_unavailable', 'Not Found')),
    );
    const { board, drawing } = territory('Les Basques', { loadImage });
    placePhoto(board, 'c'.repeat(64), 'flyer');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loadImage.mock.calls).toEqual([
      ['c'.repeat(64), 'small'],
      ['c'.repeat(64), 'full'],
    ]);
    expect(drawing.getSvg()).not.toContain('<image');
    drawing.destroy();
  });
});
