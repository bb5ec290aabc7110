import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, fitFontSize, wrapText } from './wrap.ts';

// A monospace font: each character is 0.5 em wide.
const mono = (text: string, size: number) => text.length * size * 0.5;

describe('wrapText', () => {
  it('wraps on words and keeps explicit line breaks', () => {
    expect(wrapText('Balises claires financement récurrent', 100, 10, mono)).toEqual([
      'Balises claires',
      'financement',
      'récurrent',
    ]);
    expect(wrapText('a\nb', 100, 10, mono)).toEqual(['a', 'b']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghij', 30, 10, mono)).toEqual(['abcdef', 'ghij']);
  });
});

describe('fitFontSize', () => {
  it('keeps the largest size for short text', () => {
    expect(fitFontSize('Oui', 200, 200, mono)).toBe(36);
  });
  it('shrinks long text until it fits the note, and stops at the largest that fits', () => {
    const text =
      'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité';
    const size = fitFontSize(text, 180, 180, mono);
    expect(size).toBeLessThan(36);
    expect(wrapText(text, 180, size, mono).length * size * LINE_HEIGHT).toBeLessThanOrEqual(180);
    expect(wrapText(text, 180, size + 1, mono).length * (size + 1) * LINE_HEIGHT).toBeGreaterThan(
      180,
    );
  });
  it('shrinks rather than break a long word', () => {
    // "Financement" is 11 characters: at 36 px it would need 198 px.
    const size = fitFontSize('Financement systémique', 180, 180, mono);
    expect(11 * size * 0.5).toBeLessThanOrEqual(180);
    expect(size).toBe(32);
  });
  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('Photomaton\u00a0: oui', 70, 10, mono)).toEqual(['Photomaton\u00a0:', 'oui']);
  });
  it('never goes below the minimum', () => {
    expect(fitFontSize('x'.repeat(5000), 100, 100, mono)).toBe(8);
  });
});
