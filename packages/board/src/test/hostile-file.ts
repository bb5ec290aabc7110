import type { Rng } from './prng.ts';

/**
 * Hostile variants of a valid board file's JSON, for the property « every file is imported
 * whole or refused with a code, never a crash, never half »: a value replaced by one of the
 * wrong type, a huge or non-finite number, a deep nest; a key dropped or added; a shape
 * duplicated; an arrow bound or a shape parented to nothing; an invalid fractional index.
 */

export interface HostileFile {
  /** What was done, for the failure message. */
  readonly what: string;
  /** The file as text (truncations and NaN are only expressible as text). */
  readonly text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function paths(value: Json, at: Path, out: Path[]): void {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  }
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let node: Json = root;
  for (const step of path.slice(0, -1))
    node = (node as Record<string | number, Json>)[step] as Json;
  return { parent: node, key: path[path.length - 1] as string | number };
}

const DEEP_MARK = 'hostile-file:deep-nest';

const INVALID_INDICES = [
  '',
  'a',
  'a00',
  'a0 ',
  ' a0',
  'zz',
  '0',
  'A',
  `a${'0'.repeat(300)}1`,
  'a\u00e9',
  'Zz0',
];
const WRONG_VALUES: Json[] = [
  null,
  true,
  'texte',
  '',
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 2,
  [],
  {},
  [1, 2, 3],
  { x: 1 },
];

export function hostileFile(rng: Rng, validText: string): HostileFile {
  const file = JSON.parse(validText) as Json;
  const shapes = ((file as { shapes?: Json[] }).shapes ?? []) as Record<string, Json>[];
  const roll = rng.int(0, 14);
  const anyShape = () => (shapes.length > 0 ? rng.pick(shapes) : null);
  const text = () => JSON.stringify(file);
  switch (roll) {
    case 0: {
      const at = rng.int(0, validText.length);
      return { what: `truncated at ${at}`, text: validText.slice(0, at) };
    }
    case 1:
    case 2:
    case 3: {
      const all: Path[] = [];
      paths(file, [], all);
      const path = rng.pick(all.slice(1));
      const place = parentOf(file, path);
      if (place === null) break;
      if (roll === 3) {
        // Written as text: JSON.stringify itself recurses. Half in a newer type's record, the
        // one place a file may hold JSON of any shape (M17).
        const depth = rng.pick([50, 3_000, 100_000]);
        if (rng.chance(0.5)) {
          shapes.push({
            id: 'shape:unknownunknownunknown2',
            type: 'sticker',
            index: 'a0',
            v: DEEP_MARK,
          });
        } else {
          (place.parent as Record<string | number, Json>)[place.key] = DEEP_MARK;
        }
        const nest = rng.chance(0.5)
          ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        return {
          what: `${path.join('.')} nested ${depth} deep`,
          text: text().replace(`"${DEEP_MARK}"`, nest),
        };
      }
      const replacement = rng.pick(WRONG_VALUES);
      (place.parent as Record<string | number, Json>)[place.key] = replacement;
      return { what: `${path.join('.')} = ${JSON.stringify(replacement)}`, text: text() };
    }
    case 4: {
      // NaN and Infinity, which JSON cannot hold: written as bare words, or as 1e999.
      const shape = anyShape();
      if (shape === null) break;
      shape['x'] = 0;
      const word = rng.pick(['NaN', 'Infinity', '-Infinity', '1e999', '-1e999']);
      return { what: `x = ${word}`, text: text().replace('"x":0', `"x":${word}`) };
    }
    case 5: {
      const shape = anyShape();
      if (shape === null) break;
      shapes.push({ ...shape, x: 12 });
      return { what: `duplicate ${String(shape['id'])}`, text: text() };
    }
    case 6: {
      const arrow = shapes.find((shape) => shape['type'] === 'arrow');
      if (arrow === undefined) break;
      arrow['endBinding'] = { shapeId: 'shape:missingmissingmissing1', anchor: { x: 0.5, y: 0.5 } };
      return { what: `arrow ${String(arrow['id'])} bound to a missing shape`, text: text() };
    }
    case 7: {
      const shape = anyShape();
      if (shape === null) break;
      shape['parentId'] = rng.chance(0.5) ? (shape['id'] ?? null) : 'shape:missingmissingmissing2';
      return { what: `parent of ${String(shape['id'])}`, text: text() };
    }
    case 8: {
      const shape = anyShape();
      if (shape === null) break;
      shape['index'] = rng.pick(INVALID_INDICES);
      return { what: `index ${JSON.stringify(shape['index'])}`, text: text() };
    }
    case 9: {
      const shape = anyShape();
      if (shape === null) break;
      const keys = Object.keys(shape);
      const key = rng.chance(0.5) ? rng.pick(keys) : null;
      if (key !== null) delete shape[key];
      else shape[rng.pick(['extra', '__proto__', 'constructor'])] = { polluted: true };
      return { what: key !== null ? `dropped ${key}` : 'added a key', text: text() };
    }
    case 10: {
      const where = rng.pick(['version', 'format', 'meta.schemaVersion', 'meta.kind']);
      const value = rng.pick<Json>([99, 3, 2, 0, 1.5, 'carton-board', 'excalidraw', null, -1]);
      const meta = (file as { meta?: Json }).meta;
      // Not every JSON holds a meta (a forum archive's manifest): the key goes on the root then.
      if (where.startsWith('meta.') && typeof meta === 'object' && meta !== null) {
        (meta as Record<string, Json>)[where.slice(5)] = value;
      } else (file as Record<string, Json>)[where.replace('meta.', '')] = value;
      return { what: `${where} = ${JSON.stringify(value)}`, text: text() };
    }
    case 11: {
      // A record of a type this Carton does not know, holding a nested reserved key.
      const value = `{"id":"shape:unknownunknownunknown1","type":"sticker","index":"a0","v":{"__proto__":{"x":1}}}`;
      const joined = shapes.length > 0 ? `${value},` : value;
      return {
        what: 'nested __proto__',
        text: text().replace('"shapes":[', `"shapes":[${joined}`),
      };
    }
    case 12: {
      // Half an emoji: a lone surrogate, which only a JSON escape can write.
      const half = rng.pick(['\\ud83d', '\\ude00', '\\uDBFF']);
      const field = rng.pick(['"text":"', '"title":"', '"createdBy":"']);
      return { what: `${field}${half}`, text: text().replace(field, `${field}${half}`) };
    }
    default:
      break;
  }
  // Nothing to mutate in this file (no shape): a wrong root.
  return { what: 'root is an array', text: rng.pick(['[]', '"carton"', 'null', '{}', '']) };
}
