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
