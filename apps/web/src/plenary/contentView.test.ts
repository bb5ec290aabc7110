import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Board, initBoardDoc, localOrigin } from '@carton/board';
import { renderSvg, type RenderFonts } from '@carton/render';
import { loadBundledFonts } from '@carton/render/node';
import { CONTENT_MARGIN, contentView, framedSvg } from './contentView';

let fonts: RenderFonts;
beforeAll(async () => {
  fonts = await loadBundledFonts();
});

/**
 * A territory's carton as the forum's template makes it (1,600 × 1,000, its heading and the
 * divider down the middle locked), with `rows` rows of notes.
 */
function carton(rows: number) {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Témiscouata', kind: 'territory' });
  const board = new Board(doc);
  board.run((tx) => {
    const id = tx.create('carton', { x: 0, y: 0, w: 1600, h: 1000, title: 'Conditions' });
    const layout = { parentId: id, locked: true };
    tx.create('text', { x: 120, y: 84, w: 620, h: 53, text: 'Conditions présentes', ...layout });
    tx.create('rect', { x: 796, y: 70, w: 8, h: 890, color: 'grey', fill: 'solid', ...layout });
    for (let row = 0; row < rows; row++)
      tx.create('note', {
        x: 60,
        y: 190 + row * 250,
        w: 220,
        h: 220,
        text: 'Travail de rue',
        parentId: id,
      });
  }, localOrigin('user:table'));
  const shapes = board.listShapes();
  const drawn = renderSvg(shapes, { fonts, padding: 24 });
  board.destroy();
  return { shapes, drawn };
}

describe('a territory shown large frames what the table wrote', () => {
  it('leaves off the carton’s empty bottom, same width and top', () => {
    const { shapes, drawn } = carton(2);
    const view = contentView(shapes, drawn.box)!;
    expect(view).not.toBeNull();
    expect(view.x).toBe(drawn.box.x);
    expect(view.y).toBe(drawn.box.y);
    expect(view.w).toBe(drawn.box.w);
    // The second row's bottom (190 + 250 + 220, its shadow) and the margin.
    expect(view.h).toBe(Math.ceil(660 + CONTENT_MARGIN - drawn.box.y));
    // Framed on the wide TV, the carton's width sets the scale: a quarter larger than whole.
    const scale = (box: { w: number; h: number }) => Math.min(1888 / box.w, 988 / box.h);
    expect(scale(view) / scale(drawn.box)).toBeGreaterThan(1.2);
  });

  it('keeps the whole drawing when the notes reach its bottom, or nothing is placed', () => {
    const full = carton(4);
    expect(contentView(full.shapes, full.drawn.box)).toBeNull();
    const empty = carton(0);
    expect(contentView(empty.shapes, empty.drawn.box)).toBeNull();
    expect(contentView([], { x: 0, y: 0, w: 10, h: 10 })).toBeNull();
  });

  it('never frames above the carton’s title band', () => {
    const { shapes } = carton(0);
    // Nothing placed but the template's locked layout: the whole carton.
    expect(contentView(shapes, { x: -24, y: -24, w: 1656, h: 1056 })).toBeNull();
    const stamp = { ...shapes[0]!, id: 'shape:s', type: 'stamp', x: 20, y: 10, size: 20 };
    const view = contentView([...shapes, stamp as never], { x: -24, y: -24, w: 1656, h: 1056 });
    expect(view!.h).toBe(24 + 72 + CONTENT_MARGIN);
  });

  it('rewrites the SVG’s frame, drawn at the top of its element', () => {
    const { shapes, drawn } = carton(1);
    const framed = framedSvg(drawn.svg, contentView(shapes, drawn.box));
    expect(framed).toMatch(
      /^<svg [^>]*width="1656" height="482" viewBox="-24 -24 1656 482" preserveAspectRatio="xMidYMin meet"/,
    );
    // The rest of the drawing is untouched.
    expect(framed.slice(framed.indexOf('>'))).toBe(drawn.svg.slice(drawn.svg.indexOf('>')));
    expect(framedSvg(drawn.svg, null)).toBe(drawn.svg);
  });
});
