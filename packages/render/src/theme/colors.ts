import { INK_COLOR_HEX, NOTE_COLOR_HEX } from '@carton/board';

// The model stores colour names; drawings map them to the palette's reference colours. The
// editor (apps/web/src/theme/colors.ts) draws with these same values. Text's letters take a
// darker shade of their ink (textInk.ts).
export const NOTE_FILL: Readonly<Record<string, string>> = NOTE_COLOR_HEX;
export const INK: Readonly<Record<string, string>> = INK_COLOR_HEX;

export const noteFill = (name: string): string => NOTE_FILL[name] ?? '#fff176';
export const ink = (name: string): string => INK[name] ?? '#1d1d1f';

export const CANVAS_BACKGROUND = '#f4f1ea';
export const CARTON_FILL = '#fbf8f1';
export const CARTON_BORDER = '#c8b99a';
export const CARTON_TITLE_INK = '#4a3b22';
export const NOTE_INK = '#2b2b2b';
export const IMAGE_PLACEHOLDER = '#d8d2c4';
