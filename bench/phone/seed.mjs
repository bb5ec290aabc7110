// The board the phone benchmarks draw on (bench/phone/run.mjs, crowd.mjs through table.mjs): a
// forum with Témiscouata's template board, and a board file of their own shapes imported into it
// through the board import API.

async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A forum named `title` with Témiscouata; its territory board and what its export holds. */
export async function templateBoard(url, title) {
  const forum = await json(
    await fetch(`${url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, territories: ['Témiscouata'] }),
    }),
    'POST /api/forums',
  );
  const board = forum.boards.find((b) => b.kind === 'territory');
  const exported = await json(
    await fetch(`${url}/api/boards/${board.id}/export.json`, {
      headers: { Authorization: `Bearer ${board.edit.token}` },
    }),
    'export.json',
  );
  return { board, exported, carton: exported.shapes.find((s) => s.type === 'carton') };
}

/** Imports the board file `file` into `board`. */
export async function importInto(url, board, file) {
  await json(
    await fetch(`${url}/api/boards/${board.id}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.edit.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(file),
    }),
    'import',
  );
}

// Fractional indexes above the template's: « b » and two base-62 digits. The import API takes
// no parent outside its file: the shapes lie on the carton without belonging to it.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Gives each shape of a file its id (`kind` and `i`), place and next index, in file order. */
export function shapeBases() {
  let index = 0;
  return (kind, i, x, y) => {
    const n = index++;
    return {
      id: `shape:${kind}${String(i).padStart(26 - kind.length, '0')}`,
      x,
      y,
      rotation: 0,
      index: `b${DIGITS[Math.floor(n / 62)]}${DIGITS[n % 62]}`,
      parentId: null,
    };
  };
}

/** The i-th stamp, on `note`'s top right corner: a heart (even i) or a star (odd i). */
export function stampOn(base, i, note) {
  return {
    ...base('stamp', i, note.x + 90, note.y - 16),
    type: 'stamp',
    kind: i % 2 ? 'star' : 'heart',
    size: 40,
    color: i % 2 ? 'orange' : 'red',
  };
}

/** The i-th arrow, bound from the right side of the note `from` to the left side of `to`. */
export function arrowBetween(base, i, from, to) {
  return {
    ...base('arrow', i, from.x + 120, from.y + 60),
    type: 'arrow',
    start: { x: 0, y: 0 },
    end: { x: to.x - from.x - 120, y: 0 },
    startBinding: { shapeId: from.id, anchor: { x: 1, y: 0.5 } },
    endBinding: { shapeId: to.id, anchor: { x: 0, y: 0.5 } },
    color: 'black',
    width: 4,
  };
}

/** The board file of Témiscouata's territory board holding `shapes` and `images`. */
export function territoryFile(shapes, images) {
  return {
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Témiscouata', kind: 'territory' },
    shapes,
    images,
  };
}
