import type { StampKind } from '@carton/board';

// Drawn in a 100 × 100 box, centred like the editor's glyph (90 % of the stamp's size).
function star(): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? 46 : 19;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(
      `${(50 + radius * Math.cos(angle)).toFixed(2)} ${(53 + radius * Math.sin(angle)).toFixed(2)}`,
    );
  }
  return `M${points.join('L')}Z`;
}

const HEART =
  'M50 88C30 73 8 56 8 33C8 19 19 9 32 9C40 9 46 13 50 20C54 13 60 9 68 9C81 9 92 19 92 33C92 56 70 73 50 88Z';
const STAR = star();
const CHECK = 'M10 52L25 37L41 53L76 16L91 31L41 83Z';
const BAR = 'M39 8H61L57 64H43Z';
const dot = (cy: number) => `M50 ${cy - 9}A9 9 0 1 1 50 ${cy + 9}A9 9 0 1 1 50 ${cy - 9}Z`;

/** The stamp's SVG elements in its 100 × 100 box. */
export function stampPath(kind: StampKind, color: string): string {
  switch (kind) {
    case 'heart':
      return `<path d="${HEART}" fill="${color}"/>`;
    case 'star':
      return `<path d="${STAR}" fill="${color}"/>`;
    case 'check':
      return `<path d="${CHECK}" fill="${color}"/>`;
    case 'exclamation':
      return `<path d="${BAR}${dot(80)}" fill="${color}"/>`;
    case 'question':
      return (
        `<path d="M29 34C29 18 40 10 51 10C63 10 72 18 72 30C72 44 52 46 52 62" fill="none" stroke="${color}" stroke-width="13" stroke-linecap="round" stroke-linejoin="round"/>` +
        `<path d="${dot(82)}" fill="${color}"/>`
      );
  }
}
