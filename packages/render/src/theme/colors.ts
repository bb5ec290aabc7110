// The editor's theme (apps/web/src/theme/colors.ts): the model stores colour names, drawings
// map them to these. Keep the two in step (a later change can make the web import this one).
export const NOTE_FILL: Readonly<Record<string, string>> = {
  yellow: '#fff176',
  pink: '#f8bbd0',
  blue: '#b3e5fc',
  green: '#c5e1a5',
  orange: '#ffcc80',
  violet: '#d1c4e9',
  white: '#ffffff',
};

export const INK: Readonly<Record<string, string>> = {
  black: '#1d1d1f',
  grey: '#7a7a7a',
  red: '#d32f2f',
  orange: '#ef6c00',
  yellow: '#f9a825',
  green: '#2e7d32',
  blue: '#1565c0',
  violet: '#6a1b9a',
  pink: '#d81b60',
  white: '#ffffff',
};

export const noteFill = (name: string): string => NOTE_FILL[name] ?? '#fff176';
export const ink = (name: string): string => INK[name] ?? '#1d1d1f';

export const CANVAS_BACKGROUND = '#f4f1ea';
export const CARTON_FILL = '#fbf8f1';
export const CARTON_BORDER = '#c8b99a';
export const CARTON_TITLE_INK = '#4a3b22';
export const NOTE_INK = '#2b2b2b';
export const IMAGE_PLACEHOLDER = '#d8d2c4';
