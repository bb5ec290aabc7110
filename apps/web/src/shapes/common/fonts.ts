// One font stack for the canvas and the text editor overlay, so measured text matches.
import { loadFontsFor } from './loadFonts';

export const FONT_FAMILY =
  '"Atkinson Hyperlegible", "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif';

let context: CanvasRenderingContext2D | null = null;

/** Measures text width with a canvas (cached context). */
export function measureText(text: string, fontSize: number, weight = 'normal'): number {
  if (!context) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontSize * 0.55;
  // Text beyond latin asks for its faces (measured again when they come: fontsArrived.ts).
  void loadFontsFor(text);
  context.font = `${weight} ${fontSize}px ${FONT_FAMILY}`;
  return context.measureText(text).width;
}
