import type { InkColor, NoteColor } from '../shapes/common/palette.ts';
import { INK_COLOR_HEX, NOTE_COLOR_HEX } from '../shapes/common/palette.ts';

/** Colour words in French and English (accents and case ignored) → note colours. */
const NOTE_WORDS: Record<string, NoteColor> = {
  yellow: 'yellow',
  jaune: 'yellow',
  light_yellow: 'yellow',
  pink: 'pink',
  rose: 'pink',
  red: 'pink',
  rouge: 'pink',
  blue: 'blue',
  bleu: 'blue',
  light_blue: 'blue',
  cyan: 'blue',
  green: 'green',
  vert: 'green',
  light_green: 'green',
  orange: 'orange',
  violet: 'violet',
  purple: 'violet',
  mauve: 'violet',
  white: 'white',
  blanc: 'white',
  gray: 'white',
  grey: 'white',
  gris: 'white',
};

export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function rgb(hex: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  let digits = match[1] ?? '';
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

function nearest<T extends string>(hex: string, table: Record<T, string>): T | null {
  const target = rgb(hex);
  if (target === null) return null;
  let best: T | null = null;
  let distance = Infinity;
  for (const [name, value] of Object.entries(table) as [T, string][]) {
    const [r, g, b] = rgb(value) ?? [0, 0, 0];
    const d = (r - target[0]) ** 2 + (g - target[1]) ** 2 + (b - target[2]) ** 2;
    if (d < distance) {
      distance = d;
      best = name;
    }
  }
  return best;
}

/** A note colour from a word (fr/en) or a hex colour; null if neither. */
export function noteColorOf(text: string): NoteColor | null {
  return NOTE_WORDS[normalizeWord(text)] ?? nearest(text, NOTE_COLOR_HEX);
}

/** The nearest ink colour to a hex colour; black if it is not one. */
export function inkColorOf(hex: string): InkColor {
  return nearest(hex, INK_COLOR_HEX) ?? 'black';
}
