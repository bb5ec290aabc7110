import { z } from 'zod';

// Named colours, not hex: the client maps names to its theme (and to print-friendly colours).
export const NOTE_COLORS = [
  'yellow',
  'pink',
  'blue',
  'green',
  'orange',
  'violet',
  'white',
] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const noteColorSchema = z.enum(NOTE_COLORS);

export const INK_COLORS = [
  'black',
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'blue',
  'violet',
  'pink',
  'white',
] as const;
export type InkColor = (typeof INK_COLORS)[number];
export const inkColorSchema = z.enum(INK_COLORS);

// Each name's reference colour: what the editor draws and what exports print. Drawings look
// colours up here; other tools' hex colours are mapped back to the nearest name.
export const NOTE_COLOR_HEX: Readonly<Record<NoteColor, string>> = {
  yellow: '#fff176',
  pink: '#f8bbd0',
  blue: '#b3e5fc',
  green: '#c5e1a5',
  orange: '#ffcc80',
  violet: '#d1c4e9',
  white: '#ffffff',
};

export const INK_COLOR_HEX: Readonly<Record<InkColor, string>> = {
  black: '#1d1d1f',
  grey: '#7a7a7a',
  red: '#d32f2f',
  orange: '#e65100',
  yellow: '#f9a825',
  green: '#2e7d32',
  blue: '#1565c0',
  violet: '#6a1b9a',
  pink: '#d81b60',
  white: '#ffffff',
};
