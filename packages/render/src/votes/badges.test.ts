// A closed vote's badges, in board units, placed as the board places its own (badgePlace): the
// projector's slides, the archive's PNGs and the board's exports all draw these.
import type { Shape } from '@carton/board';
import { Board, importBoard, localOrigin } from '@carton/board';
import { describe, expect, it } from 'vitest';
import { badgePlace, voteBadges, voteBadgesSvg, withBadges } from './badges.ts';

/** Kamouraska's carton: two notes side by side, a heart stamped in the first one's corner. */
function kamouraska(): { shapes: Shape[]; ids: Record<string, string> } {
  const board = new Board(
    importBoard({
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Conditions de succès — Kamouraska', kind: 'territory' },
      shapes: [],
    }),
  );
  const ids = board.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 900, h: 600, title: 'Kamouraska' });
    const stamped = tx.create('note', {
      x: 100,
      y: 100,
      w: 200,
      h: 200,
      text: 'Participation citoyenne',
      parentId: carton,
    });
    const plain = tx.create('note', {
      x: 400,
      y: 100,
      w: 200,
      h: 200,
      text: 'Bon leadership',
      parentId: carton,
    });
    // A heart in the stamped note's top-right corner, where the badge always sat.
    tx.create('stamp', { x: 230, y: 110, size: 64, kind: 'heart', parentId: carton });
    return { carton, stamped, plain };
  }, localOrigin('user:test'));
  return { shapes: board.listShapes(), ids };
}

describe('a closed vote’s badges on a drawing', () => {
  it('straddles the top-right corner as the board’s badge does, in proportion', () => {
    // The board's 28 px badge: 18 px in from the side, 14 above (web badgePlace.test).
    expect(
      badgePlace({ x: 300, y: 200, width: 200, height: 200 }, [], { width: 28, height: 28 }),
    ).toEqual({ x: 482, y: 186 });
    const { shapes, ids } = kamouraska();
    const [badge] = voteBadges(shapes, new Map([[ids['plain']!, 3]]));
    // 48 high: its centre on the note's top edge, 4/28 of its height in from the right side.
    expect(badge).toMatchObject({
      shapeId: ids['plain'],
      count: 3,
      text: '3',
      width: 48,
      height: 48,
    });
    expect(badge!.y).toBe(100 - 24);
    expect(badge!.x + badge!.width / 2).toBeCloseTo(600 - (48 * 4) / 28);
  });

  it('leaves a heart stamped in the corner uncovered: the next free corner', () => {
    const { shapes, ids } = kamouraska();
    const badges = voteBadges(
      shapes,
      new Map([
        [ids['stamped']!, 12],
        [ids['plain']!, 1],
      ]),
    );
    const stamped = badges.find((b) => b.shapeId === ids['stamped'])!;
    // The top-left corner, not over the heart (230…294 × 110…174); wider for two digits.
    expect(stamped.width).toBe(56);
    expect(stamped.x + stamped.width).toBeCloseTo(100 + (48 * 18) / 28);
    expect(stamped.y).toBe(76);
    const heart = { x: 230, y: 110, width: 64, height: 64 };
    expect(stamped.x < heart.x + heart.width && heart.x < stamped.x + stamped.width).toBe(false);
    // The carton under the notes moves nothing: the other note keeps its corner.
    expect(badges.find((b) => b.shapeId === ids['plain'])!.x).toBeGreaterThan(550);
  });

  it('draws the badges as SVG, last, for counted notes only', () => {
    const { shapes, ids } = kamouraska();
    const svg = voteBadgesSvg(shapes, new Map([[ids['plain']!, 3]]));
    const attribute = (id: string) => `data-shape-id="${id.replace(/[^A-Za-z0-9_-]/g, '')}"`;
    expect(svg).toContain(attribute(ids['plain']!));
    expect(svg).not.toContain(attribute(ids['stamped']!));
    expect(svg).toContain('fill="#1d2b3a"');
    expect(svg).toContain('y="76"');
    expect(voteBadgesSvg(shapes, new Map([[ids['stamped']!, 0]]))).toBe('');
    expect(withBadges('<svg><g/></svg>', svg)).toBe(`<svg><g/>${svg}</svg>`);
  });
});
