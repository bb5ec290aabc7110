import type { NoteShape } from '@carton/board';
import { Board, exportBoard, importBoard, localOrigin } from '@carton/board';
import { describe, expect, it } from 'vitest';
import { loadBundledFonts } from '../node.ts';
import { renderSvg } from '../render.ts';
import { LINE_HEIGHT, linesThatFit } from '../text/wrap.ts';
import { NOTE_MIN_FONT, NOTE_PADDING, noteFontSize } from './boxes.ts';

const fonts = loadBundledFonts();

// The forum's list of « incontournables » (seed, Bas-Saint-Laurent 2023), far too long for a
// small note even at the minimum font size.
const INCONTOURNABLES = [
  'Les incontournables',
  '- Participation Citoyenne',
  '- Accompagnement',
  '- Budget pour des activités informelles dans le plaisir.',
  '- Bon leadership',
  "- Faire mieux connaître l'Alliance.",
  '- Processus légers et clairs',
  '- Bonne communication : franche, claire, respectueuse, écoute, langage universel communautaire',
  '- Compréhension commune des enjeux.',
  '- Accepter que les choses peuvent prendre du temps.',
  '- Rémunération pour les personnes citoyennes.',
  '- Implication citoyenne : 5 terrene, 3 ++',
  '↳ Plaisir !',
  '↳ Culture entraide et collaboration.',
].join('\n');

describe('linesThatFit (Konva Text with a fixed height)', () => {
  it('keeps whole lines while one more fits, and always the first', () => {
    expect(linesThatFit(['a', 'b', 'c', 'd'], 10, 35)).toEqual(['a', 'b', 'c']);
    expect(linesThatFit(['a', 'b', 'c'], 10, 30)).toEqual(['a', 'b', 'c']);
    expect(linesThatFit(['a', 'b'], 10, 5)).toEqual(['a']);
    expect(linesThatFit([], 10, 5)).toEqual([]);
  });
});

describe('noteSvg: text that overflows at the minimum font size', () => {
  it('draws only the lines the canvas shows, every one inside the note', () => {
    const doc = importBoard({
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Forum Alliance BSL 2023', kind: 'territory' },
      shapes: [],
    });
    const id = new Board(doc).run(
      (tx) => tx.create('note', { x: 100, y: 50, w: 160, h: 120, text: INCONTOURNABLES }),
      localOrigin('test'),
    );
    const file = exportBoard(doc);
    const note = file.shapes.find((shape) => shape.id === id) as NoteShape;
    const ctx = { fonts, family: '', images: {}, imageHref: () => null };
    expect(noteFontSize(ctx, note)).toBe(NOTE_MIN_FONT);
    const { svg } = renderSvg(file, { fonts });
    const baselines = [
      ...svg.matchAll(/<text x="[\d.-]+" y="([\d.-]+)" font-size="8" text-anchor="middle"/g),
    ].map((m) => Number(m[1]));
    const lineBox = NOTE_MIN_FONT * LINE_HEIGHT;
    // Konva keeps floor(inner height / line box) lines: (120 − 28) / 9.6 → 9.
    expect(baselines).toHaveLength(Math.floor((note.h - NOTE_PADDING * 2) / lineBox));
    for (const y of baselines) {
      expect(y - NOTE_MIN_FONT).toBeGreaterThanOrEqual(note.y + NOTE_PADDING);
      expect(y).toBeLessThanOrEqual(note.y + note.h - NOTE_PADDING);
    }
  });
});
