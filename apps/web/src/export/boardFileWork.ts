// The heavy part of importing a Carton board file, kept off the page's main thread: read and
// check the file (JSON, every record's validator), place its shapes on the board (new ids,
// parents and bindings following them, z-order above the board's top, centred by `offset`), and
// merge the document updates the import wrote into the one update the others receive. The
// functions are pure; boardFile.worker.ts runs them in a Web Worker, and boardFileJobs.ts runs
// them here when no worker can start (unit tests in Node).
import * as Y from 'yjs';
import {
  Board,
  initBoardDoc,
  insertBoardFile,
  isShapeType,
  localOrigin,
  parseBoardFile,
  parseBoardFileText,
  type BoardFileImage,
  type ParsedBoardFile,
  type Shape,
  type ShapeType,
  type StoredBlobRef,
} from '@carton/board';

export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What the page needs of a checked file before placing it: its pictures and where it lies. */
export interface ReadBoardFile {
  /** Embedded images some image shape uses, by the file's blob id. */
  readonly images: Readonly<Record<string, BoardFileImage>>;
  /** Around every shape (Infinity when none has a place). */
  readonly bounds: Bounds;
}

export interface PlaceRequest {
  /** The file's blob id → the picture stored for this board. */
  readonly stored: ReadonlyMap<string, StoredBlobRef>;
  readonly offset: { readonly x: number; readonly y: number };
  /** The highest index on the board now (null for none): the file goes above it. */
  readonly top: string | null;
  readonly userId: string;
}

/** The file's shapes as the board will hold them, in the order they can be created. */
export interface PlacedBoardFile {
  readonly records: readonly Shape[];
  /** Records of types this Carton does not know (not written). */
  readonly skipped: number;
}

const size = (props: Readonly<Record<string, unknown>>, key: string): number =>
  typeof props[key] === 'number' ? props[key] : 0;

function boundsOf(file: ParsedBoardFile): Bounds {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const s of file.shapes) {
    const props = s as unknown as Record<string, unknown>;
    const x = size(props, 'x');
    const y = size(props, 'y');
    b.x0 = Math.min(b.x0, x);
    b.y0 = Math.min(b.y0, y);
    b.x1 = Math.max(b.x1, x + (size(props, 'w') || size(props, 'size')));
    b.y1 = Math.max(b.y1, y + (size(props, 'h') || size(props, 'size')));
  }
  return b;
}

/** Checks a board file (BoardFileError if it is not one this Carton takes). */
export function readBoardFile(
  bytes: Uint8Array,
  maxBytes: number,
): { file: ParsedBoardFile; read: ReadBoardFile } {
  const file = parseBoardFile(parseBoardFileText(bytes, { maxBytes }));
  const used = new Set(
    file.shapes.flatMap((s) => (s.type === 'image' && 'blobId' in s ? [String(s.blobId)] : [])),
  );
  const images: Record<string, BoardFileImage> = {};
  for (const [blobId, image] of Object.entries(file.images)) {
    if (used.has(blobId)) images[blobId] = image;
  }
  return { file, read: { images, bounds: boundsOf(file) } };
}

/** Cartons first (children name them), arrows last (they bind to the others), as M31 writes. */
const CREATE_RANK = (type: ShapeType): number => (type === 'carton' ? 0 : type === 'arrow' ? 2 : 1);

/**
 * Places the file's shapes with the model's own insertBoardFile (M31) on a scratch board whose
 * top index is the live board's: the records come out with their new ids, indices, parents,
 * bindings and stored pictures, each checked by the commands, ready to be created as they are.
 */
export function placeBoardFile(file: ParsedBoardFile, request: PlaceRequest): PlacedBoardFile {
  const remapped: ParsedBoardFile = {
    ...file,
    shapes: file.shapes.map((s) => {
      if (s.type !== 'image' || !('blobId' in s)) return s;
      const blob = request.stored.get(String(s.blobId));
      // The stored photo's own size: a photo stood upright on the way has its sides swapped.
      return blob
        ? {
            ...s,
            blobId: blob.blobId,
            naturalWidth: blob.naturalWidth,
            naturalHeight: blob.naturalHeight,
          }
        : s;
    }),
  };
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'import', kind: 'territory' });
  const board = new Board(doc);
  const origin = localOrigin(request.userId);
  // The live board's top, so insertBoardFile's indices land above everything there.
  if (request.top !== null) {
    board.run((tx) => tx.create('note', { x: 0, y: 0, index: request.top! }), origin);
  }
  const summary = insertBoardFile(board, remapped, origin, { offset: request.offset });
  const records: Shape[] = [];
  for (const shape of remapped.shapes) {
    if (!isShapeType(shape.type)) continue;
    const id = summary.ids.get(shape.id);
    const placed = id === undefined ? undefined : board.getShape(id);
    if (placed) records.push(placed);
  }
  records.sort((a, b) => CREATE_RANK(a.type) - CREATE_RANK(b.type));
  board.destroy();
  doc.destroy();
  return { records, skipped: summary.skipped };
}

/** The updates an import wrote, as one (what the others and the device's copy receive). */
export function mergeImportUpdates(updates: readonly Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates([...updates]);
}
