import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import type { RenderFonts } from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import { ApiError } from '../board/api';
import { LiveDrawing } from './liveDrawing';

let fonts: RenderFonts;
beforeAll(async () => {
  fonts = await loadBundledFonts();
});

const origin = localOrigin('user:kamouraska');

/** A territory board as the mosaic holds it: its document, the model, its drawing. */
function territory(title: string, options: { loadImage?: (id: string) => Promise<Blob> } = {}) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, kind: 'territory' });
  const board = new Board(doc);
  const drawing = new LiveDrawing(doc, board, { fonts, title, throttleMs: 400, ...options });
  return { doc, board, drawing };
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
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:flyer');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const { board, drawing } = territory('La Matapédia', { loadImage });
    board.run((tx) => {
      tx.create('image', {
        x: 0,
        y: 0,
        w: 120,
        h: 160,
        blobId: 'a'.repeat(64),
        mime: 'image/png',
        naturalWidth: 120,
        naturalHeight: 160,
      });
    }, origin);
    vi.advanceTimersByTime(400);
    expect(drawing.getSvg()).not.toContain('<image');
    await vi.runAllTimersAsync();
    expect(drawing.getSvg()).toContain('href="blob:flyer"');
    // Fetched once, however often the board is redrawn.
    board.run((tx) => tx.create('note', { x: 300, y: 0, text: 'Soupe sur le pouce' }), origin);
    await vi.runAllTimersAsync();
    expect(loadImage).toHaveBeenCalledTimes(1);
    drawing.destroy();
    expect(revoked).toHaveBeenCalledWith('blob:flyer');
    created.mockRestore();
    revoked.mockRestore();
  });

  it('fetches a photo again after the network failed it, and draws it once it comes', async () => {
    // The venue's wifi drops as the big screen asks for the photo: it stayed a placeholder.
    let fails = 2;
    const loadImage = vi.fn(() =>
      fails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(new Blob([new Uint8Array([1, 2, 3])])),
    );
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:affiche');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const { board, drawing } = territory('Kamouraska', { loadImage });
    board.run((tx) => {
      tx.create('image', {
        x: 0,
        y: 0,
        w: 120,
        h: 160,
        blobId: 'b'.repeat(64),
        mime: 'image/jpeg',
        naturalWidth: 120,
        naturalHeight: 160,
      });
    }, origin);
    await vi.advanceTimersByTimeAsync(400);
    expect(drawing.getSvg()).not.toContain('<image');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(loadImage).toHaveBeenCalledTimes(3);
    expect(drawing.getSvg()).toContain('href="blob:affiche"');
    drawing.destroy();
    created.mockRestore();
    revoked.mockRestore();
  });

  it('leaves a photo the forum lacks a placeholder, without asking again', async () => {
    const loadImage = vi.fn(() =>
      Promise.reject(new ApiError(404, 'image_unavailable', 'Not Found')),
    );
    const { board, drawing } = territory('Les Basques', { loadImage });
    board.run((tx) => {
      tx.create('image', {
        x: 0,
        y: 0,
        w: 120,
        h: 160,
        blobId: 'c'.repeat(64),
        mime: 'image/jpeg',
        naturalWidth: 120,
        naturalHeight: 160,
      });
    }, origin);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loadImage).toHaveBeenCalledTimes(1);
    expect(drawing.getSvg()).not.toContain('<image');
    drawing.destroy();
  });
});
