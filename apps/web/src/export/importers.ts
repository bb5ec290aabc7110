// Imports into the open board: a Carton board file, sticky notes from a CSV, an Excalidraw
// drawing. Each is checked completely (and its images uploaded) before anything is written,
// then written in ONE undo step with my own origin, centred on the view: a bad file changes
// nothing, and Ctrl+Z takes a whole import back.
// Importing « into a new board » is NewBoardImport.tsx (facilitator, POST /api/forums/:id/boards).
import {
  MAX_CSV_BYTES,
  MAX_EXCALIDRAW_BYTES,
  localOrigin,
  parseBoardFileText,
  planFromExcalidraw,
  planNotesFromCsv,
  applyPlan,
  InteropError,
  type ImportPlan,
  type StoredBlobRef,
} from '@carton/board';
import { fromBase64 } from 'lib0/buffer';
import { ApiError, uploadImage } from '../board/api';
import { MAX_IMAGE_BYTES } from '../board/images';
import { importedPhoto } from '../board/shrinkPhoto';
import type { BoardSession } from '../board/session';
import { boardPictures } from '../shapes/image/pictureCache';
import { openBoardFileJobs } from './boardFileJobs';
import type { Bounds } from './boardFileWork';
import { topIndex, writeInSteps } from './writeInSteps';

/** The server accepts board files up to 32 MiB (POST /api/boards/:id/import); so do we. */
export const MAX_BOARD_FILE_BYTES = 32 * 1024 * 1024;

export type ImportStep =
  | { readonly step: 'reading' | 'adding' }
  | { readonly step: 'uploading'; readonly done: number; readonly total: number };
export type ImportReporter = (step: ImportStep) => void;

export interface ImportResult {
  readonly created: number;
  readonly warnings: number;
}

function grow(b: Bounds, x: number, y: number, w: number, h: number): void {
  b.x0 = Math.min(b.x0, x);
  b.y0 = Math.min(b.y0, y);
  b.x1 = Math.max(b.x1, x + w);
  b.y1 = Math.max(b.y1, y + h);
}

const size = (props: Readonly<Record<string, unknown>>, key: string) =>
  typeof props[key] === 'number' ? props[key] : 0;

/** Offset that puts the centre of what is imported at the centre of the view (whole units). */
function offsetToViewCentre(session: BoardSession, b: Bounds): { x: number; y: number } {
  if (!Number.isFinite(b.x0)) return { x: 0, y: 0 };
  const { viewport } = session.store.getState();
  const centre = session.toWorld({ x: viewport.width / 2, y: viewport.height / 2 });
  return {
    x: Math.round(centre.x - (b.x0 + b.x1) / 2),
    y: Math.round(centre.y - (b.y0 + b.y1) / 2),
  };
}

function planBounds(plan: ImportPlan): Bounds {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const s of plan.shapes) {
    grow(
      b,
      s.props.x,
      s.props.y,
      size(s.props, 'w') || size(s.props, 'size'),
      size(s.props, 'h') || size(s.props, 'size'),
    );
  }
  return b;
}

/** A view link never imports: the menu offers no import there; this is the backstop. */
function refuseViewLink(session: BoardSession): void {
  if (session.readOnly) throw new ApiError(403, 'board_read_only', 'view link');
}

/**
 * The start every import shares: a view link is refused, progress says « reading », and a file
 * past `maxBytes` is refused by its size before its bytes are read into memory (the planners
 * say the same for bytes in hand). `refuseTooLarge` throws the format's own error.
 */
async function readImportFile(
  session: BoardSession,
  file: Blob,
  report: ImportReporter,
  maxBytes: number,
  refuseTooLarge: () => void = () => {
    throw new InteropError('too_large', `the file is larger than ${maxBytes} bytes`);
  },
): Promise<Uint8Array> {
  refuseViewLink(session);
  report({ step: 'reading' });
  if (file.size > maxBytes) refuseTooLarge();
  return new Uint8Array(await file.arrayBuffer());
}

/** One undo step: close whatever is open, write, close again. */
function asOneStep<T>(session: BoardSession, write: () => T): T {
  session.shell.flush();
  session.undo.stopCapturing();
  try {
    return write();
  } finally {
    session.undo.stopCapturing();
  }
}

async function uploadAll(
  session: BoardSession,
  blobs: readonly { key: string; mime: string; bytes: Uint8Array }[],
  report: ImportReporter,
): Promise<Map<string, StoredBlobRef>> {
  const stored = new Map<string, StoredBlobRef>();
  let done = 0;
  report({ step: 'uploading', done, total: blobs.length });
  // One at a time: the server's upload budget is per board, and order keeps progress honest.
  for (const blob of blobs) {
    const photo = await importedPhoto(
      new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: blob.mime }),
      MAX_IMAGE_BYTES,
    );
    const uploaded = await uploadImage(session.boardId, session.token, photo);
    // This page draws it from the bytes it sent, not from a copy fetched back (pictureCopies.ts).
    boardPictures(session.boardId, session.token).keepLocal(uploaded.blobId, photo);
    stored.set(blob.key, {
      blobId: uploaded.blobId,
      naturalWidth: uploaded.width,
      naturalHeight: uploaded.height,
    });
    report({ step: 'uploading', done: ++done, total: blobs.length });
  }
  return stored;
}

/**
 * A Carton board file (.json) into the open board. Read, checked and placed in a worker
 * (boardFileJobs.ts), then written a part at a time (writeInSteps.ts): the page stays live
 * meanwhile, and the others still get it whole, as one undo step here.
 */
export async function importBoardFile(
  session: BoardSession,
  file: Blob,
  report: ImportReporter,
): Promise<ImportResult> {
  // Too large is refused with the board file's own error (BoardFileError, code too_large).
  const bytes = await readImportFile(session, file, report, MAX_BOARD_FILE_BYTES, () =>
    parseBoardFileText(new Uint8Array(0), { maxBytes: -1 }),
  );
  const jobs = openBoardFileJobs();
  try {
    const read = await jobs.read(bytes, MAX_BOARD_FILE_BYTES);
    // Embedded images are stored for this board first; shapes then name the stored blobs.
    const pending = Object.entries(read.images).map(([blobId, image]) => ({
      key: blobId,
      mime: image.mime,
      bytes: fromBase64(image.data),
    }));
    const stored = await uploadAll(session, pending, report);
    report({ step: 'adding' });
    refuseViewLink(session);
    const placed = await jobs.place({
      stored,
      offset: offsetToViewCentre(session, read.bounds),
      top: topIndex(session.board),
      userId: session.identity.userId,
    });
    await writeInSteps(session, placed.records, (updates) => jobs.merge(updates));
    return { created: placed.records.length, warnings: placed.skipped };
  } finally {
    jobs.close();
  }
}

async function applyImportPlan(
  session: BoardSession,
  plan: ImportPlan,
  report: ImportReporter,
): Promise<ImportResult> {
  const blobs = await uploadAll(session, plan.pendingBlobs, report);
  // Notes planned into a carton already on the board keep their place in it; the rest is
  // moved, as one block, to the centre of the view.
  const placed: ImportPlan = { ...plan, shapes: plan.shapes.filter((s) => s.parentId) };
  const moved: ImportPlan = { ...plan, shapes: plan.shapes.filter((s) => !s.parentId) };
  const offset = offsetToViewCentre(session, planBounds(moved));
  report({ step: 'adding' });
  const created = asOneStep(session, () =>
    session.board.run((tx) => {
      tx.ensureRoom(plan.shapes.length); // M37: both parts fit, or nothing is written
      const inCartons = applyPlan(tx, placed, { blobs });
      const loose = applyPlan(tx, moved, { offset, blobs });
      return inCartons.size + loose.size;
    }, localOrigin(session.identity.userId)),
  );
  return { created, warnings: plan.warnings.length };
}

/** Sticky notes from a CSV (UTF-8 or Windows-1252; comma, semicolon or tab). */
export async function importCsvNotes(
  session: BoardSession,
  file: Blob,
  report: ImportReporter,
): Promise<ImportResult> {
  const bytes = await readImportFile(session, file, report, MAX_CSV_BYTES);
  const cartons = session.board
    .listShapes()
    .flatMap((s) => (s.type === 'carton' ? [{ id: s.id, title: s.title, x: s.x, y: s.y }] : []));
  const plan = planNotesFromCsv(bytes, { cartons });
  return applyImportPlan(session, plan, report);
}

/** An Excalidraw drawing (.excalidraw): shapes, arrows, text and pictures. */
export async function importExcalidraw(
  session: BoardSession,
  file: Blob,
  report: ImportReporter,
): Promise<ImportResult> {
  const bytes = await readImportFile(session, file, report, MAX_EXCALIDRAW_BYTES);
  const plan = planFromExcalidraw(bytes);
  return applyImportPlan(session, plan, report);
}
