import { generateNKeysBetween } from 'fractional-indexing';
import type { BoardFile, BoardFileShape } from '../codec/file.ts';
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION } from '../codec/file.ts';
import type { BoardKind } from '../doc/layout.ts';
import { BOARD_KINDS, BOARD_SCHEMA_VERSION } from '../doc/layout.ts';
import { INK_COLORS, NOTE_COLORS } from '../shapes/common/palette.ts';
import { FILLS } from '../shapes/common/outline.ts';
import { IMAGE_MIME_TYPES } from '../shapes/image/image.ts';
import type { ImageMimeType } from '../shapes/image/image.ts';
import { STAMP_KINDS } from '../shapes/stamp/stamp.ts';
import { TEXT_ALIGNS } from '../shapes/text/text.ts';
import { keyBetween } from '../zorder/zorder.ts';
import { CONDITIONS_PRESENTES, CONDITIONS_SOUHAITEES, TERRITORIES } from './fixtures.ts';
import type { Rng } from './prng.ts';
import { seededIds } from './prng.ts';

/**
 * Random but valid board files, for round-trip properties (M16, M31, the forum archive): every
 * shape type, text as people write it (lines, emoji, right-to-left scripts, French spacing,
 * notes at the length limit), strokes of thousands of points, arrows bound to shapes, children of
 * cartons, locks, tied and long fractional indices, records of a newer client's types (M17).
 */

/** A photo the generated image shapes may show (its blob id is the caller's: a SHA-256 on a server). */
export interface GeneratedPhoto {
  readonly blobId: string;
  readonly mime: ImageMimeType;
  readonly width: number;
  readonly height: number;
}

export interface GeneratedFileOptions {
  /** At most this many shapes (default 60). */
  readonly maxShapes?: number;
  /** Photos image shapes show; without, they name made-up blob ids. */
  readonly photos?: readonly GeneratedPhoto[];
  /** Records of types this Carton does not know (M17); default true. */
  readonly unknownTypes?: boolean;
  readonly kind?: BoardKind;
}

const LINES = [
  ...CONDITIONS_PRESENTES,
  ...CONDITIONS_SOUHAITEES,
  'Conditions présentes\nConditions souhaitées',
  'Ligne 1\r\nLigne 2\r\n\r\nLigne 4\tavec tabulation',
  '« Revenu de base\u00a0» : pour toutes\u202f!',
  'Est-ce possible\u202f? Oui\u202f; ensemble.',
  '👩🏽‍🌾 🇨🇦 ❤️ 🏳️‍🌈 👨‍👩‍👧‍👦 ✊🏿',
  'مرحبا بكم في المنتدى',
  'שלום לכולם 123 — mixed עברית and français',
  'الشروط: ١٢٣ (Kamouraska) ✓',
  'e\u0301te\u0301 — cafe\u0301 combiné',
  '\u200b\u200d\u2060 invisibles',
  'Nul\u0000 et contrôle\u0007',
  '\u202eRLO override\u202c fin',
  '',
  ' ',
];

function pickLines(rng: Rng): string {
  const count = rng.int(1, 5);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(LINES));
  return out.join(rng.pick(['\n', ' ', '\r\n', '']));
}

/** Text of at most `max` UTF-16 units (the schemas' count), cut between whole code points. */
function text(rng: Rng, max: number): string {
  if (!rng.chance(0.08)) return cut(pickLines(rng), max);
  // A long note, up to the limit: repeated lines, emoji included.
  const target = rng.chance(0.5) ? max : rng.int(1, max + 1);
  let out = '';
  while (out.length < target) out += `${pickLines(rng)}\n`;
  return cut(out, target);
}

function cut(value: string, max: number): string {
  const out = value.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? out.slice(0, -1) : out;
}

function coordinate(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.05) return rng.pick([1e7, -1e7, 0, 1e-9, -1e-9, 0.1 + 0.2]);
  if (roll < 0.5) return rng.int(-5000, 5000);
  return (rng.next() - 0.5) * 2e4;
}

function size(rng: Rng): number {
  if (rng.chance(0.05)) return rng.pick([1, 1e6, 1.5]);
  return rng.chance(0.5) ? rng.int(1, 2000) : 1 + rng.next() * 1500;
}

const unit = (rng: Rng) => (rng.chance(0.1) ? rng.pick([0, 1]) : rng.next());

/** Fractional indices in z-order: mostly spread, some long (many inserts between two), some tied. */
function indices(rng: Rng, count: number): string[] {
  const keys = generateNKeysBetween(null, null, count);
  for (let i = 1; i < keys.length; i++) {
    if (rng.chance(0.1)) {
      // Someone kept inserting between two neighbours: a long key.
      let low = keys[i - 1] as string;
      const high = keys[i] as string;
      const steps = rng.int(1, 40);
      for (let s = 0; s < steps; s++) low = keyBetween(low, high);
      keys[i] = low;
    } else if (rng.chance(0.05)) {
      keys[i] = keys[i - 1] as string; // two peers picked the same key (M26)
    }
  }
  return keys;
}

function jsonValue(rng: Rng, depth: number): unknown {
  const roll = rng.int(0, depth > 3 ? 4 : 6);
  switch (roll) {
    case 0:
      return rng.pick([null, true, false]);
    case 1:
      return rng.pick([0, -1, 2 ** 31, 2 ** 53 - 1, 1.25, -3.5e-8, 1e300]);
    case 2:
    case 3:
      return text(rng, 40);
    case 4:
      return Array.from({ length: rng.int(0, 4) }, () => jsonValue(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i--)
        out[`k${rng.int(0, 100)}`] = jsonValue(rng, depth + 1);
      return out;
    }
  }
}

function strokePoints(rng: Rng): number[] {
  const count = rng.chance(0.1) ? rng.int(1000, 5001) : rng.int(1, 200);
  const points: number[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < count; i++) {
    x += (rng.next() - 0.5) * 20;
    y += (rng.next() - 0.5) * 20;
    points.push(
      rng.chance(0.5) ? Math.round(x) : x,
      rng.chance(0.5) ? Math.round(y) : y,
      unit(rng),
    );
  }
  return points;
}

type Kind = 'note' | 'text' | 'stroke' | 'rect' | 'ellipse' | 'image' | 'stamp' | 'arrow';
const KINDS: readonly Kind[] = ['note', 'text', 'stroke', 'rect', 'ellipse', 'image', 'stamp'];

export function generateBoardFile(rng: Rng, options: GeneratedFileOptions = {}): BoardFile {
  const newId = seededIds(rng, rng.int(0, 10));
  const maxShapes = options.maxShapes ?? 60;
  const count = rng.int(0, maxShapes + 1);
  const cartons = Math.min(count, rng.int(0, 4));
  const arrows = Math.min(count - cartons, rng.int(0, 6));
  const order = indices(rng, count);
  // The z-order position of each record, shuffled so cartons are not always below.
  const positions = order.map((_, i) => i).sort(() => rng.next() - 0.5);
  const shapes: BoardFileShape[] = [];
  const cartonIds: string[] = [];
  const bindable: string[] = [];
  const base = (type: string): Record<string, unknown> => {
    const id = newId();
    const record: Record<string, unknown> = {
      id,
      type,
      x: coordinate(rng),
      y: coordinate(rng),
      rotation: rng.chance(0.7) ? 0 : (rng.next() - 0.5) * 200,
      index: order[positions[shapes.length] as number],
      parentId:
        type !== 'carton' && cartonIds.length > 0 && rng.chance(0.5) ? rng.pick(cartonIds) : null,
    };
    if (rng.chance(0.3)) record['createdBy'] = text(rng, 200);
    if (rng.chance(0.15)) record['locked'] = true;
    return record;
  };
  for (let i = 0; i < cartons; i++) {
    const record: Record<string, unknown> = {
      ...base('carton'),
      title: text(rng, 500),
      w: size(rng),
      h: size(rng),
    };
    cartonIds.push(record['id'] as string);
    bindable.push(record['id'] as string);
    shapes.push(record as unknown as BoardFileShape);
  }
  const unknownTypes = options.unknownTypes ?? true;
  while (shapes.length < count - arrows) {
    if (unknownTypes && rng.chance(0.03)) {
      const record: Record<string, unknown> = {
        id: newId(),
        type: rng.pick(['sticker', 'poll', 'frame-v2']),
        index: order[positions[shapes.length] as number],
      };
      for (let k = rng.int(0, 4); k > 0; k--) record[`prop${k}`] = jsonValue(rng, 0);
      shapes.push(record as unknown as BoardFileShape);
      continue;
    }
    const kind = rng.pick(KINDS);
    const record = { ...base(kind), ...props(rng, kind, options.photos) };
    bindable.push(record['id'] as string);
    shapes.push(record as unknown as BoardFileShape);
  }
  while (shapes.length < count) {
    const binding = () =>
      bindable.length > 0 && rng.chance(0.7)
        ? { shapeId: rng.pick(bindable), anchor: { x: unit(rng), y: unit(rng) } }
        : null;
    const record = {
      ...base('arrow'),
      start: { x: coordinate(rng), y: coordinate(rng) },
      end: { x: coordinate(rng), y: coordinate(rng) },
      startBinding: binding(),
      endBinding: binding(),
      color: rng.pick(INK_COLORS),
      width: rng.pick([0.5, 2, 4, 200, 1 + rng.next() * 10]),
    };
    shapes.push(record as unknown as BoardFileShape);
  }
  const kind = options.kind ?? rng.pick(BOARD_KINDS);
  const territory = rng.pick(TERRITORIES);
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    meta: {
      schemaVersion: BOARD_SCHEMA_VERSION,
      title: rng.chance(0.5) ? `Conditions de succès — ${territory}` : text(rng, 500),
      kind,
      ...(kind === 'territory' && rng.chance(0.8) ? { territory } : {}),
    },
    shapes: shapes.sort((a, b) =>
      a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : 1,
    ),
  };
}

function props(
  rng: Rng,
  kind: Kind,
  photos: readonly GeneratedPhoto[] | undefined,
): Record<string, unknown> {
  switch (kind) {
    case 'note':
      return { text: text(rng, 10_000), color: rng.pick(NOTE_COLORS), w: size(rng), h: size(rng) };
    case 'text':
      // Headings (« Conditions présentes ») are large text.
      return {
        text: text(rng, 10_000),
        color: rng.pick(INK_COLORS),
        fontSize: rng.pick([4, 16, 32, 48, 96, 1000, 4 + rng.next() * 100]),
        align: rng.pick(TEXT_ALIGNS),
        w: size(rng),
        h: size(rng),
      };
    case 'stroke':
      return {
        points: strokePoints(rng),
        color: rng.pick(INK_COLORS),
        width: rng.pick([0.5, 2, 4, 200]),
      };
    case 'rect':
    case 'ellipse':
      return {
        w: size(rng),
        h: rng.chance(0.2) ? 1 : size(rng), // h 1: a divider
        color: rng.pick(INK_COLORS),
        fill: rng.pick(FILLS),
        strokeWidth: rng.pick([0.5, 4, 200]),
      };
    case 'image': {
      const photo =
        photos !== undefined && photos.length > 0
          ? rng.pick(photos)
          : {
              blobId: `blob-${rng.int(0, 1e9)}`,
              mime: rng.pick(IMAGE_MIME_TYPES),
              width: rng.int(1, 100_001),
              height: rng.int(1, 100_001),
            };
      return {
        blobId: photo.blobId,
        mime: photo.mime,
        naturalWidth: photo.width,
        naturalHeight: photo.height,
        w: size(rng),
        h: size(rng),
      };
    }
    case 'stamp':
      return {
        kind: rng.pick(STAMP_KINDS),
        size: rng.pick([4, 64, 2000, 4 + rng.next() * 100]),
        color: rng.pick(INK_COLORS),
      };
    default:
      return {};
  }
}
