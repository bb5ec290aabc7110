import {
  Board,
  exportBoard,
  importBoard,
  INK_COLOR_HEX,
  INK_COLORS,
  localOrigin,
} from '@carton/board';
import { describe, expect, it } from 'vitest';
import { loadBundledFonts } from '../node.ts';
import { renderSvg } from '../render.ts';
import { num } from '../svg/xml.ts';
import { TEXT_INK, TEXT_OUTLINE_INK, TEXT_OUTLINE_WIDTH } from './textInk.ts';

const fonts = loadBundledFonts();

/** A carton of headings, one per ink colour, each beside a star stamp of the same colour. */
function headingsInEveryInk() {
  const doc = importBoard({
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Les Basques', kind: 'territory' },
    shapes: [],
  });
  new Board(doc).run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 1200, title: 'Les Basques' });
    INK_COLORS.forEach((color, i) => {
      tx.create('stamp', { x: 20, y: 90 + i * 100, kind: 'star', color, parentId: carton });
      tx.create('text', {
        x: 100,
        y: 100 + i * 100,
        w: 700,
        h: 53,
        text: 'Conditions souhaitées',
        fontSize: 44,
        color,
        align: 'start',
        parentId: carton,
      });
    });
  }, localOrigin('test'));
  return exportBoard(doc);
}

describe('export: text in ink colours', () => {
  const { svg } = renderSvg(headingsInEveryInk(), { fonts });
  const texts = [...svg.matchAll(/<g data-type="text"[^>]*>(<text [^>]*>)/g)].map((m) => m[1]);
  const stamps = [...svg.matchAll(/<g data-type="stamp"[^>]*><g [^>]*><path [^>]*fill="([^"]+)"/g)];

  it('draws each heading in its ink’s text shade, stamps in the swatch colour', () => {
    expect(texts).toHaveLength(INK_COLORS.length);
    INK_COLORS.forEach((color, i) => {
      expect(texts[i]).toContain(`fill="${TEXT_INK[color]}"`);
      expect(stamps[i]?.[1]).toBe(INK_COLOR_HEX[color]);
    });
    // The bright yellow, orange and grey of the swatches no longer draw words.
    for (const color of ['yellow', 'orange', 'grey'] as const) {
      expect(svg).not.toMatch(new RegExp(`<text [^>]*fill="${INK_COLOR_HEX[color]}"`));
    }
  });

  it('outlines white letters under their fill, and no other colour', () => {
    const white = texts[INK_COLORS.indexOf('white')] ?? '';
    expect(white).toContain(`stroke="${TEXT_OUTLINE_INK}"`);
    expect(white).toContain(`stroke-width="${num(44 * TEXT_OUTLINE_WIDTH)}"`);
    expect(white).toContain('paint-order="stroke"');
    expect(texts.filter((text) => text?.includes('stroke='))).toHaveLength(1);
  });
});
