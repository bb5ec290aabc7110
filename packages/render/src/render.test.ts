import type { BoardFile, NoteShape } from '@carton/board';
import { Board, exportBoard, importBoard, localOrigin } from '@carton/board';
import { describe, expect, it } from 'vitest';
import { measure } from './font/fonts.ts';
import { loadBundledFonts } from './node.ts';
import { renderSvg } from './render.ts';
import { NOTE_PADDING, noteFontSize } from './shapes/boxes.ts';

const fonts = loadBundledFonts();
const PNG_1x1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function temiscouata(): { file: BoardFile; ids: Record<string, string> } {
  const doc = importBoard({
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Témiscouata', kind: 'territory' },
    shapes: [],
  });
  const board = new Board(doc);
  const ids = board.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 600, title: 'Témiscouata' });
    const short = tx.create('note', {
      x: 40,
      y: 120,
      text: 'Liens de relais entre les organismes',
      color: 'pink',
      parentId: carton,
    });
    const long = tx.create('note', {
      x: 300,
      y: 120,
      text: 'UN PROJET COMMUN, collectif = Revenu de base pour toutes & tous <vraiment> : oui ! '.repeat(
        3,
      ),
      parentId: carton,
    });
    tx.create('stamp', { x: 20, y: 100, kind: 'heart', parentId: carton });
    tx.create('arrow', {
      x: 260,
      y: 200,
      end: { x: 40, y: 0 },
      startBinding: { shapeId: short, anchor: { x: 1, y: 0.5 } },
    });
    const outside = tx.create('note', { x: 1200, y: 0, text: 'Hors carton', color: 'green' });
    tx.create('image', {
      x: 1200,
      y: 300,
      blobId: 'b'.repeat(64),
      mime: 'image/png',
      naturalWidth: 1,
      naturalHeight: 1,
      w: 100,
      h: 100,
    });
    tx.create('image', {
      x: 1400,
      y: 300,
      blobId: 'c'.repeat(64),
      mime: 'image/png',
      naturalWidth: 1,
      naturalHeight: 1,
    });
    tx.create('stroke', { x: 600, y: 400, points: [0, 0, 0.5, 40, 10, 0.5, 80, 0, 0.5] });
    return { carton, short, long, outside };
  }, localOrigin('test'));
  const file = {
    ...exportBoard(doc),
    images: { ['b'.repeat(64)]: { mime: 'image/png' as const, data: PNG_1x1 } },
  };
  return { file, ids };
}

describe('renderSvg', () => {
  it('draws every shape in z-order, deterministically', () => {
    const { file } = temiscouata();
    const first = renderSvg(file, { fonts });
    expect(renderSvg(file, { fonts }).svg).toBe(first.svg);
    expect(first.count).toBe(file.shapes.length);
    const types = [...first.svg.matchAll(/data-type="(\w+)"/g)].map((m) => m[1]);
    expect(types).toEqual(file.shapes.map((shape) => shape.type));
    expect(first.svg).toContain('viewBox="-40 -40');
    expect(first.svg).toContain("font-family=\"'Atkinson Hyperlegible'");
  });

  it('notes: coloured rounded rects, wrapped text within the padding, shrink to fit', () => {
    const { file, ids } = temiscouata();
    const { svg } = renderSvg(file, { fonts });
    expect(svg).toContain('fill="#f8bbd0"'); // pink
    expect(svg).toContain('rx="3"');
    const long = file.shapes.find((shape) => shape.id === ids['long']) as NoteShape;
    const size = noteFontSize({ fonts, family: '', images: {}, imageHref: () => null }, long);
    expect(size).toBeLessThan(36);
    expect(size).toBeGreaterThanOrEqual(8);
    const lines = [
      ...svg.matchAll(
        new RegExp(`font-size="${size}" text-anchor="middle" fill="#2b2b2b">([^<]*)<`, 'g'),
      ),
    ].map((m) => m[1] ?? '');
    expect(lines.length).toBeGreaterThan(3);
    const unescape = (s: string) =>
      s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const line of lines) {
      expect(measure(fonts.regular, unescape(line), size)).toBeLessThanOrEqual(
        long.w - NOTE_PADDING * 2,
      );
    }
    // Escaped, and French punctuation held by a no-break space.
    expect(svg).toContain('&amp; tous &lt;vraiment&gt;');
    expect(svg).not.toMatch(/>[:!]/);
  });

  it('stamps are vector paths, images are data URLs or placeholders, strokes are outlines', () => {
    const { svg } = renderSvg(temiscouata().file, { fonts });
    expect(svg).toMatch(/data-kind="heart"><g transform="[^"]+"><path d="M50 88C/);
    expect(svg).toContain(`href="data:image/png;base64,${PNG_1x1}"`);
    expect(svg).toMatch(/<rect data-type="image" x="1400"[^>]+fill="#d8d2c4"/);
    expect(svg).toMatch(/<path data-type="stroke" d="M[^"]+Z" fill="#1d1d1f"/);
    const linked = renderSvg(temiscouata().file, {
      fonts,
      imageHref: (id) => `blob:${id.slice(0, 4)}`,
    });
    expect(linked.svg).toMatch(/<image data-type="image" x="1400"[^>]+href="blob:cccc"/);
  });

  it('a carton scope draws the carton and its contents only; a selection likewise', () => {
    const { file, ids } = temiscouata();
    const carton = renderSvg(file, { fonts, scope: { kind: 'carton', id: ids['carton'] ?? '' } });
    expect(carton.count).toBe(4);
    expect(carton.svg).toContain('>Témiscouata</text>');
    expect(carton.svg).not.toContain('Hors carton');
    expect(carton.box).toEqual({ x: -40, y: -40, w: 988, h: 688 });
    const selection = renderSvg(file, {
      fonts,
      scope: { kind: 'selection', ids: [ids['outside'] ?? ''] },
    });
    expect(selection.count).toBe(1);
    expect(renderSvg(file, { fonts, scope: { kind: 'carton', id: 'shape:none' } }).count).toBe(0);
  });

  it('scale sets the pixel size, background can be transparent', () => {
    const { file } = temiscouata();
    const big = renderSvg(file, { fonts, scale: 2, background: null });
    const normal = renderSvg(file, { fonts });
    expect(big.width).toBe(normal.width * 2);
    expect(big.svg).not.toContain('fill="#f4f1ea"');
    expect(normal.svg).toContain('fill="#f4f1ea"');
  });
});

describe('renderSvg: arrows between notes', () => {
  function joinedNotes() {
    const doc = importBoard({
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
      shapes: [],
    });
    const ids = new Board(doc).run((tx) => {
      const from = tx.create('note', { x: 0, y: 0, w: 200, h: 200, text: 'Accompagnement' });
      const to = tx.create('note', {
        x: 400,
        y: 0,
        w: 200,
        h: 200,
        text: 'Les incontournables',
        color: 'blue',
      });
      // Released in the middle of both notes, across their text.
      const arrow = tx.create('arrow', {
        x: 0,
        y: 0,
        startBinding: { shapeId: from, anchor: { x: 0.5, y: 0.5 } },
        endBinding: { shapeId: to, anchor: { x: 0.5, y: 0.5 } },
        width: 4,
      });
      return { from, to, arrow };
    }, localOrigin('test'));
    return { file: exportBoard(doc), ids };
  }

  /** The arrow's shaft start and head tip, as drawn. */
  function arrowEnds(svg: string) {
    const line = /data-type="arrow"[^>]*><line x1="([\d.-]+)" y1="([\d.-]+)"/.exec(svg);
    const tip = /<path d="M([\d.-]+) ([\d.-]+)L/.exec(svg.slice(svg.indexOf('data-type="arrow"')));
    return { x1: Number(line?.[1]), y1: Number(line?.[2]), tipX: Number(tip?.[1]) };
  }

  it('starts and ends at the notes’ outlines, a small gap away, not at their centres', () => {
    const { file } = joinedNotes();
    const ends = arrowEnds(renderSvg(file, { fonts }).svg);
    expect(ends).toEqual({ x1: 209, y1: 100, tipX: 393 });
  });

  it('an arrow exported without its notes still stops at their outlines', () => {
    const { file, ids } = joinedNotes();
    const { svg } = renderSvg(file, { fonts, scope: { kind: 'selection', ids: [ids.arrow] } });
    expect(svg).not.toContain('data-type="note"');
    expect(arrowEnds(svg)).toEqual({ x1: 209, y1: 100, tipX: 393 });
  });
});
