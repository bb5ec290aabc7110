import { describe, expect, it } from 'vitest';
import { overflowEdges, scrollStep } from './panelOverflow';

// A phone held sideways (844 × 390) with a note chosen: the panel is 828 px wide and its row
// « Jaune … Blanc, Dupliquer … Supprimer, Agrandir, Réduire, Déplacer, padlock, Aligner » 1134.
const row = { scrollWidth: 1134, clientWidth: 828 };

describe('overflowEdges: what hides past the sideways panel’s edges', () => {
  it('at the start, « Réduire … Aligner » hide past the right edge only', () => {
    expect(overflowEdges({ ...row, scrollLeft: 0 }, true)).toEqual({ start: false, end: true });
  });

  it('scrolled part way, both edges hide something', () => {
    expect(overflowEdges({ ...row, scrollLeft: 150 }, true)).toEqual({ start: true, end: true });
  });

  it('scrolled to the end (a fraction of a pixel short), only the start hides', () => {
    expect(overflowEdges({ ...row, scrollLeft: 305.6 }, true)).toEqual({
      start: true,
      end: false,
    });
  });

  it('a row that fits, or a panel that wraps (upright phones), hides nothing', () => {
    expect(overflowEdges({ scrollLeft: 0, scrollWidth: 829, clientWidth: 828 }, true)).toEqual({
      start: false,
      end: false,
    });
    expect(overflowEdges({ ...row, scrollLeft: 0 }, false)).toEqual({ start: false, end: false });
  });
});

describe('scrollStep: a tap on an edge’s arrow', () => {
  it('scrolls most of the panel’s width, toward the arrow', () => {
    expect(scrollStep({ ...row, scrollLeft: 0 }, 'end', 44)).toBe(740);
    expect(scrollStep({ ...row, scrollLeft: 306 }, 'start', 44)).toBe(-740);
  });

  it('at least half the width on a narrow panel', () => {
    expect(scrollStep({ scrollLeft: 0, scrollWidth: 400, clientWidth: 120 }, 'end', 44)).toBe(60);
  });
});
