// Named colours of the model mapped to the screen theme (the model stores names, never hex).
export const NOTE_FILL: Record<string, string> = {
  yellow: '#fff176',
  pink: '#f8bbd0',
  blue: '#b3e5fc',
  green: '#c5e1a5',
  orange: '#ffcc80',
  violet: '#d1c4e9',
  white: '#ffffff',
};

export const INK: Record<string, string> = {
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

export function noteFill(name: string): string {
  return NOTE_FILL[name] ?? NOTE_FILL.yellow ?? '#fff176';
}

export function ink(name: string): string {
  return INK[name] ?? INK.black ?? '#1d1d1f';
}

export const SELECTION_COLOR = '#1e88e5';
export const CANVAS_BACKGROUND = '#f4f1ea';
export const CARTON_FILL = '#fbf8f1';
export const CARTON_BORDER = '#c8b99a';
