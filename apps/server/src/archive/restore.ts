import {
  Board,
  BOARD_FILE_FORMAT,
  BOARD_FILE_VERSION,
  closeVote,
  forumRoomName,
  importBoard,
  initForumDoc,
  noteKey,
  openVote,
  SERVER_ORIGIN,
  setVoteCounts,
  splitNoteKey,
  updateCompilation,
} from '@carton/board';
import type { ParsedBoardFile } from '@carton/board';
import * as Y from 'yjs';
import type { BlobStore } from '../blobs/blob-store.ts';
import { markRecordKept, writeRecord, type PlacedRecord } from '../facilitation/placed-record.ts';
import { recordFromListArea } from '../facilitation/plenary-list.ts';
import { ARCHIVE_VOTER } from '../facilitation/vote-store.ts';
import type { RestoredDots, VoteStore } from '../facilitation/vote-store.ts';
import { forumLinks, issueForumTokens, type CreatedForum } from '../forums/create-forum.ts';
import type { BoardRecord, ForumStore } from '../forums/forum-store.ts';
import { generateId } from '../forums/tokens.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { ArchiveError } from './errors.ts';
import type { FacilitationLeftOut } from './fit-facilitation.ts';
import type { ArchiveFacilitation } from './manifest.ts';
import type { ValidatedArchive } from './read.ts';
import { loadBoardFile, loadImages } from './read.ts';
import { breathe } from './zip-entries.ts';

/**
 * The new forum's links; `leftOut` says what of the day's votes and compilation its archive
 * could not bring (counts: left out by the export, or past what the import keeps), if any.
 */
export type RestoredForum = CreatedForum & { leftOut?: FacilitationLeftOut };

export interface RestoreDeps {
  forums: ForumStore;
  boards: BoardStorage;
  blobs: BlobStore;
  /** Base of page links, without trailing slash. */
  baseUrl: string;
  /** The forum image quota (R35); the archive's images must fit. */
  maxForumImageBytes: number;
  /** Where the restored votes' dots go (V2), so their results read as before. */
  votes: Pick<VoteStore, 'restoreDots'>;
}

/**
 * A board file's document as one Yjs update (same shapes, same ids); `read` sees the document
 * first.
 */
function stateOf(file: ParsedBoardFile, read?: (doc: Y.Doc) => void): Uint8Array {
  const doc = importBoard(
    {
      format: BOARD_FILE_FORMAT,
      version: BOARD_FILE_VERSION,
      meta: file.meta,
      shapes: file.shapes,
    },
    SERVER_ORIGIN,
  );
  try {
    read?.(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** C10: an older archive's list, read from its plenary's shapes (recordFromListArea). */
function listOnPlenaryFile(doc: Y.Doc): PlacedRecord | null {
  const board = new Board(doc);
  try {
    return recordFromListArea(board.listShapes());
  } finally {
    board.destroy();
  }
}

/**
 * The forum document of the restored forum (F1): its votes, with new ids (dots are stored per
 * vote id), totals, and every vote closed — a forum restored later is not a live session: a
 * vote still open in the archive is closed at the archive's date. Each board id is mapped to
 * the new forum's. Returns the dots to store per new vote id: each named voter's under their
 * alias (`archive:v3`, matching no device), the rest of a note's total under `archive`.
 */
function restoredForumDoc(
  facilitation: ArchiveFacilitation | undefined,
  boardIds: ReadonlyMap<string, string>,
  exportedAt: number,
  olderList: { readonly plenaryId: string; readonly record: PlacedRecord | null } | null,
): { doc: Y.Doc; dots: RestoredDots[] } {
  const doc = new Y.Doc();
  const dots: RestoredDots[] = [];
  initForumDoc(doc, SERVER_ORIGIN);
  const mapped = (ids: readonly string[]) => ids.flatMap((id) => boardIds.get(id) ?? []);
  for (const vote of facilitation?.votes ?? []) {
    const id = generateId();
    openVote(
      doc,
      {
        id,
        title: vote.title,
        boardIds: mapped(vote.boardIds),
        dotsPerParticipant: vote.dotsPerParticipant,
        openedAt: vote.openedAt,
      },
      SERVER_ORIGIN,
    );
    // Dots per (voter, note); what the voters do not account for has no known voter.
    const unattributed = new Map(Object.entries(vote.counts));
    const byVoter = new Map<string, { voter: string; key: string; count: number }>();
    for (const voter of vote.voters ?? []) {
      for (const key of voter.dots) {
        const at = `${voter.id}\n${key}`;
        const entry = byVoter.get(at) ?? { voter: `archive:${voter.id}`, key, count: 0 };
        entry.count++;
        byVoter.set(at, entry);
        unattributed.set(key, (unattributed.get(key) ?? 0) - 1);
      }
    }
    const groups = [
      ...byVoter.values(),
      ...[...unattributed].map(([key, count]) => ({ voter: ARCHIVE_VOTER, key, count })),
    ];
    const counts: Record<string, number> = {};
    for (const group of groups) {
      const note = splitNoteKey(group.key);
      const boardId = note && boardIds.get(note.boardId);
      if (!note || !boardId || group.count <= 0) continue;
      const key = noteKey(boardId, note.shapeId);
      counts[key] = (counts[key] ?? 0) + group.count;
      dots.push({
        voteId: id,
        boardId,
        shapeId: note.shapeId,
        count: group.count,
        voter: group.voter,
      });
    }
    setVoteCounts(doc, id, counts, SERVER_ORIGIN);
    const closedAt =
      vote.state === 'closed'
        ? (vote.closedAt ?? vote.openedAt)
        : Math.max(vote.openedAt, exportedAt);
    closeVote(doc, id, closedAt, SERVER_ORIGIN);
  }
  // C10: what the server placed on the plenary, kept in the new forum's doc (note and area ids
  // are the plenary file's shape ids). An older archive has none: its list is read once from
  // its plenary's shapes (`olderList`), and the forum marked, so that nothing reads the new
  // plenary's root maps (which its participants write) for it.
  const plenaryList = facilitation?.plenaryList;
  doc.transact(() => {
    markRecordKept(doc);
    if (plenaryList === undefined) {
      if (olderList?.record) writeRecord(doc, olderList.plenaryId, olderList.record);
      return;
    }
    const plenaryId = plenaryList && boardIds.get(plenaryList.boardId);
    if (plenaryList && plenaryId) {
      const { boardId: _archived, ...record } = plenaryList;
      writeRecord(doc, plenaryId, record);
    }
  }, SERVER_ORIGIN);
  const compilation = facilitation?.compilation;
  if (compilation) {
    updateCompilation(
      doc,
      {
        boardIds: mapped(compilation.boardIds),
        merges: compilation.merges,
        // Item keys are ideas' words, not board ids: they need no mapping (C7).
        setAside: Object.fromEntries((compilation.setAside ?? []).map((key) => [key, true])),
        // C8: words made plain on reading; empty ones leave the idea its notes' words.
        wordings: compilation.wordings ?? {},
        // C9: pair keys are ideas' words too.
        distinct: Object.fromEntries((compilation.distinct ?? []).map((pair) => [pair, true])),
      },
      Date.now(),
      SERVER_ORIGIN,
    );
  }
  return { doc, dots };
}

/**
 * The images a failed import inserted (marked `putBy`) and no other put named since
 * (`BlobStore.remove`, R54's mark), so nothing unreachable counts in the forum's quota (R35).
 * Best effort: the import's own error is what the client gets.
 */
export async function removeImportedImages(
  blobs: BlobStore,
  forumId: string,
  blobIds: readonly string[],
  putBy: string,
): Promise<void> {
  if (blobIds.length === 0) return;
  try {
    await blobs.remove(forumId, blobIds, putBy);
  } catch {
    // What stays is what a crash at that moment leaves: unreachable, never wrong.
  }
}

/** A forum import that storage refused part-way (answered 503 `storage_unavailable`). */
export class ImportNotStoredError extends Error {
  override readonly name = 'ImportNotStoredError';
}

/** A store call whose failure is storage's, not the archive's. */
async function stored<T>(write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new ImportNotStoredError('storage refused the import', { cause: error });
  }
}

/**
 * A forum import failing part-way leaves nothing of itself: its images first (only those it
 * inserted and nobody put since, R54's mark), then its rows and documents
 * (ForumStore.discardForum) — nobody was given its links. Nothing that existed before is
 * touched: every id here is this import's. Best effort: the import's own error is what the
 * client gets; what a failure here leaves is what a crash leaves, unreachable.
 */
async function discardImport(
  deps: RestoreDeps,
  forumId: string,
  documentIds: readonly string[],
  putIds: readonly string[],
  putBy: string,
): Promise<void> {
  await removeImportedImages(deps.blobs, forumId, putIds, putBy);
  if (documentIds.length === 0) return;
  try {
    await deps.forums.discardForum(forumId, documentIds);
  } catch {
    // Left unreachable, as a crash at that moment would leave it.
  }
}

/**
 * Recreates an archived forum as a NEW forum with new ids and new links, exactly like
 * POST /api/forums answers (R23): every board's document rebuilt from its file (same shapes,
 * same ids), its images stored for the new forum. Board documents are written before the
 * forum rows, so a crash in between leaves nothing reachable (as createForum does); a failure
 * part-way (a later board, a storage failure, the votes' dots) erases what it wrote
 * (discardImport) and throws — an ImportNotStoredError when storage refused.
 */
export async function restoreForumArchive(
  archive: ValidatedArchive,
  deps: RestoreDeps,
): Promise<RestoredForum> {
  if (archive.imageBytes > deps.maxForumImageBytes) {
    throw new ArchiveError(
      'image_quota_exceeded',
      `The archive's images take ${archive.imageBytes} bytes; a forum may hold ${deps.maxForumImageBytes}.`,
    );
  }
  const forumId = generateId();
  const title = archive.manifest.forum.title;
  const date = archive.manifest.forum.date ?? null;
  const ordered = [...archive.boards].sort((a, b) => a.entry.position - b.entry.position);
  const boards: BoardRecord[] = ordered.map(({ entry }, position) => ({
    id: generateId(),
    forumId,
    position,
    kind: entry.kind,
    title: entry.title,
    territory: entry.territory,
  }));
  // What this import wrote, so that a failure part-way erases it all (discardImport): the
  // documents' ids (each before its first write), then the images it put.
  const documentIds: string[] = [];
  const putBy = `import:${forumId}`;
  const putIds: string[] = [];
  try {
    // One file at a time, read again from the archive: an import never holds every board.
    // C10: an older archive's list on the plenary, read as the plenary's file is (no record).
    const readsList = archive.manifest.facilitation?.plenaryList === undefined;
    let olderList: { plenaryId: string; record: PlacedRecord | null } | null = null;
    for (const [i, board] of ordered.entries()) {
      const boardId = boards[i]!.id;
      const plenary = readsList && board.entry.kind === 'plenary' && olderList === null;
      const state = stateOf(
        await loadBoardFile(archive, board, board.entry.json),
        plenary
          ? (doc) => (olderList = { plenaryId: boardId, record: listOnPlenaryFile(doc) })
          : undefined,
      );
      documentIds.push(boardId);
      await stored(() => deps.boards.compact(boardId, state, 0));
      // Saved versions, in their order, with their names, kinds and dates (R37, R38).
      for (const entry of board.versions) {
        await breathe();
        const version = stateOf(await loadBoardFile(archive, board, entry.json));
        await stored(() =>
          deps.boards.saveSnapshot(boardId, version, {
            kind: entry.kind,
            ...(entry.name === null ? {} : { name: entry.name }),
            createdAt: entry.createdAt,
          }),
        );
      }
      await breathe();
    }
    // F1: the forum document, with the day's votes and compilation choices (C6 reads them).
    const newIds = new Map(ordered.map(({ entry }, i) => [entry.id, boards[i]!.id] as const));
    const exportedAt = Date.parse(archive.manifest.exportedAt);
    const forumDoc = restoredForumDoc(
      archive.manifest.facilitation,
      newIds,
      Number.isFinite(exportedAt) ? exportedAt : Date.now(),
      olderList,
    );
    const dots = forumDoc.dots;
    try {
      const state = Y.encodeStateAsUpdate(forumDoc.doc);
      documentIds.push(forumRoomName(forumId));
      await stored(() => deps.boards.compact(forumRoomName(forumId), state, 0));
    } finally {
      forumDoc.doc.destroy();
    }
    // New links, sealed for the new facilitator like a new forum's (L1): its page lists them.
    const { grants, facilitatorToken, issued } = issueForumTokens(forumId, boards);
    await stored(() =>
      deps.forums.createForum({ id: forumId, title, createdAt: Date.now(), date }, boards, grants),
    );
    // Blobs reference the forum row (foreign key): stored right after it, a batch at a time.
    // The quota was checked above against the archive's total; a new forum holds nothing else.
    // Each put is marked with this import (R54's `put_by`), so that a failure after the first
    // batch removes what it inserted rather than leave it counting in R35's quota.
    for await (const batch of loadImages(archive)) {
      putIds.push(...batch.map((image) => image.info.blobId));
      const put = await stored(() =>
        deps.blobs.put(forumId, batch, deps.maxForumImageBytes, putBy),
      );
      if (put === null) {
        throw new ArchiveError(
          'image_quota_exceeded',
          `The archive's images take ${archive.imageBytes} bytes; a forum may hold ${deps.maxForumImageBytes}.`,
        );
      }
    }
    await stored(() => deps.votes.restoreDots(forumId, dots));
    return {
      forum: { id: forumId, title, date },
      ...forumLinks(deps.baseUrl, forumId, facilitatorToken, issued),
      ...(Object.keys(archive.leftOut).length > 0 ? { leftOut: archive.leftOut } : {}),
    };
  } catch (error) {
    await discardImport(deps, forumId, documentIds, putIds, putBy);
    throw error;
  }
}
