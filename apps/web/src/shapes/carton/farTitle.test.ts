import { describe, expect, it } from 'vitest';
import { farTitleLayout } from './CartonFarTitle';

describe('carton title far out', () => {
  it('a territory title is big enough to read at 20 %, and leaves the notes visible', () => {
    const layout = farTitleLayout({ w: 1600, h: 1000, title: 'Conditions de succès — La Mitis' });
    expect(layout.lines).toBe(1);
    // At 20 % zoom, at least 16 screen pixels (the normal title would be 8).
    expect(layout.size * 0.2).toBeGreaterThanOrEqual(16);
    // The band stays above the template's notes (which start 190 units down).
    expect(layout.size * 1.15 * layout.lines + layout.pad * 2).toBeLessThan(190);
  });

  it('a tall narrow carton wraps its title on two lines', () => {
    const layout = farTitleLayout({ w: 600, h: 1600, title: 'Conditions de succès — La Mitis' });
    expect(layout.lines).toBe(2);
  });

  it('a short title on a small carton stays inside it', () => {
    const layout = farTitleLayout({ w: 400, h: 300, title: 'Pour' });
    expect(layout.lines).toBe(1);
    expect(layout.size * 0.6 * 4).toBeLessThanOrEqual(400);
    expect(layout.size * 1.15).toBeLessThanOrEqual(300);
  });
});
