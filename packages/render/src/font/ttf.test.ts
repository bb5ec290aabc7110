import { describe, expect, it } from 'vitest';
import { loadBundledFonts } from '../node.ts';
import { measure } from './fonts.ts';
import { FontParseError, parseFontMetrics } from './ttf.ts';

describe('bundled font metrics', () => {
  it('reads Atkinson Hyperlegible: family, units, French characters', () => {
    const fonts = loadBundledFonts();
    expect(fonts.regular.family).toBe('Atkinson Hyperlegible');
    expect(fonts.bold.family).toBe('Atkinson Hyperlegible');
    expect(fonts.regular.unitsPerEm).toBeGreaterThan(0);
    for (const ch of 'éèàçÉÀœ«»’') expect(fonts.regular.has(ch.codePointAt(0) ?? 0)).toBe(true);
    const regular = measure(fonts.regular, 'Conditions présentes', 36);
    const bold = measure(fonts.bold, 'Conditions présentes', 36);
    expect(regular).toBeGreaterThan(250);
    expect(regular).toBeLessThan(450);
    expect(bold).toBeGreaterThan(regular);
    // Widths scale with the size and add up.
    expect(measure(fonts.regular, 'ab', 72)).toBeCloseTo(
      2 * (measure(fonts.regular, 'a', 36) + measure(fonts.regular, 'b', 36)),
    );
  });

  it('refuses bytes that are not a font', () => {
    expect(() => parseFontMetrics(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toThrow(
      FontParseError,
    );
  });
});
