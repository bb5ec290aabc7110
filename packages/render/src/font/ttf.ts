// The least of TrueType needed for deterministic text layout: advance widths per character
// (cmap → glyph → hmtx) and vertical metrics (head, hhea, OS/2). No kerning, no shaping: the
// editor's canvas measureText applies kerning, so widths may differ by a pixel or two on a line.

export interface FontMetrics {
  /** Family name from the font's name table (what an SVG's font-family must say). */
  readonly family: string;
  readonly unitsPerEm: number;
  /** Above the baseline, in font units (positive). */
  readonly ascender: number;
  /** Below the baseline, in font units (positive). */
  readonly descender: number;
  /** Advance width of one character, in font units (the .notdef glyph's when missing). */
  advance(codePoint: number): number;
  /** Whether the font has a glyph for the character. */
  has(codePoint: number): boolean;
}

export class FontParseError extends Error {
  override readonly name = 'FontParseError';
}

interface Tables {
  readonly view: DataView;
  readonly offsets: Map<string, number>;
}

function tables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new FontParseError('not a TrueType font');
  const tag = view.getUint32(0);
  if (tag !== 0x00010000 && tag !== 0x74727565 && tag !== 0x4f54544f) {
    throw new FontParseError('not a TrueType font');
  }
  const count = view.getUint16(4);
  const offsets = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(
      bytes[at] ?? 0,
      bytes[at + 1] ?? 0,
      bytes[at + 2] ?? 0,
      bytes[at + 3] ?? 0,
    );
    offsets.set(name, view.getUint32(at + 8));
  }
  return { view, offsets };
}

function required(t: Tables, name: string): number {
  const offset = t.offsets.get(name);
  if (offset === undefined) throw new FontParseError(`the font has no ${name} table`);
  return offset;
}

/** Character → glyph, from a format 4 (BMP) or 12 (full Unicode) Unicode subtable. */
function readCmap(t: Tables): Map<number, number> {
  const { view } = t;
  const base = required(t, 'cmap');
  const count = view.getUint16(base + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(base + 4 + i * 8);
    const encoding = view.getUint16(base + 6 + i * 8);
    const offset = base + view.getUint32(base + 8 + i * 8);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (best === null || format > best.format) best = { offset, format };
  }
  if (best === null) throw new FontParseError('the font has no Unicode cmap');
  const map = new Map<number, number>();
  const at = best.offset;
  if (best.format === 12) {
    const groups = view.getUint32(at + 12);
    for (let g = 0; g < groups; g++) {
      const start = view.getUint32(at + 16 + g * 12);
      const end = view.getUint32(at + 20 + g * 12);
      const glyph = view.getUint32(at + 24 + g * 12);
      for (let c = start; c <= end && c - start < 0x10000; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const range = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeAt + range + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readFamily(t: Tables): string {
  const { view } = t;
  const base = t.offsets.get('name');
  if (base === undefined) return 'sans-serif';
  const count = view.getUint16(base + 2);
  const strings = base + view.getUint16(base + 4);
  let found: string | null = null;
  for (let i = 0; i < count; i++) {
    const at = base + 6 + i * 12;
    const platform = view.getUint16(at);
    const nameId = view.getUint16(at + 6);
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    if (nameId !== 1 || platform !== 3) continue;
    let text = '';
    for (let j = 0; j + 1 < length; j += 2) text += String.fromCharCode(view.getUint16(offset + j));
    found = text;
    break;
  }
  return found ?? 'sans-serif';
}

/** Parses a TTF file's metrics. Throws FontParseError on anything that is not one. */
export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const t = tables(bytes);
  const { view } = t;
  try {
    const head = required(t, 'head');
    const hhea = required(t, 'hhea');
    const hmtx = required(t, 'hmtx');
    const unitsPerEm = view.getUint16(head + 18);
    const ascender = view.getInt16(hhea + 4);
    const descender = -view.getInt16(hhea + 6);
    const metrics = view.getUint16(hhea + 34);
    const cmap = readCmap(t);
    const widths = new Map<number, number>();
    const glyphAdvance = (glyph: number): number =>
      view.getUint16(hmtx + Math.min(glyph, metrics - 1) * 4);
    const notdef = glyphAdvance(0);
    return {
      family: readFamily(t),
      unitsPerEm,
      ascender,
      descender,
      has: (codePoint) => cmap.has(codePoint),
      advance(codePoint) {
        let width = widths.get(codePoint);
        if (width === undefined) {
          const glyph = cmap.get(codePoint);
          width = glyph === undefined ? notdef : glyphAdvance(glyph);
          widths.set(codePoint, width);
        }
        return width;
      },
    };
  } catch (error) {
    if (error instanceof FontParseError) throw error;
    throw new FontParseError(`damaged font: ${(error as Error).message}`);
  }
}
