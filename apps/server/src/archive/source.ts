import type { BoardFile } from '@carton/board';
import {
  exportBoard,
  forumRoomName,
  readCompilation,
  readVotes,
  splitNoteKey,
} from '@carton/board';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { BoardRecord, ForumRecord, ForumStore } from '../forums/forum-store.ts';
import type { Relay } from '../relay/relay.ts';
import * as Y from 'yjs';
import type { BoardStorage, SnapshotInfo } from '../storage/board-storage.ts';
import { withStoredDoc } from '../storage/stored-doc.ts';
import { compilationFiles, type DocReader } from '../facilitation/compile-forum.ts';
import {
  readLegacyRecord,
  readRecordSource,
  type RecordSource,
} from '../facilitation/placed-record.ts';
import type { VoteStore } from '../facilitation/vote-store.ts';
import { archivedVoters, tallyOf } from './ballots.ts';
import { fitFacilitation } from './fit-facilitation.ts';
import type { ArchiveFacilitation } from './manifest.ts';

type BallotReader = Pick<VoteStore, 'ballots'>;

/** The compiled « incontournables » of a forum (C6). */
export interface ForumCompilation {
  readonly markdown: string;
  readonly csv: string;
}

/** Where an archive's content comes from: the running server, or the data directory (CLI). */
export interface ArchiveSource {
  forum(forumId: string): Promise<ForumRecord | null>;
  boards(forumId: string): Promise<BoardRecord[]>;
  /** The board's file, with its images not yet embedded. */
  boardFile(boardId: string): Promise<BoardFile>;
  blobs: Pick<BlobStore, 'get' | 'info'>;
  /**
   * The hook for compilation: archives hold `incontournables.md` and `.csv` when it answers
   * something (null for an unknown forum).
   */
  compilation(forumId: string): Promise<ForumCompilation | null>;
  /** Votes and compilation choices of the forum document; null when there are none. */
  facilitation(forumId: string): Promise<ArchiveFacilitation | null>;
  /** The board's saved versions (R37, R38), oldest first. */
  versions(boardId: string): Promise<SnapshotInfo[]>;
  /** One version as a board file (images not embedded); null if gone or unreadable. */
  versionFile(boardId: string, versionId: number): Promise<BoardFile | null>;
}

type VersionStore = Pick<BoardStorage, 'listSnapshots' | 'getSnapshot'>;

/** Version history read from storage, the same for the running server and the CLI. */
function versionsOf(storage: VersionStore): Pick<ArchiveSource, 'versions' | 'versionFile'> {
  return {
    versions: async (boardId) =>
      [...(await storage.listSnapshots(boardId))].sort((a, b) => a.id - b.id),
    versionFile: async (boardId, versionId) => {
      const state = await storage.getSnapshot(boardId, versionId);
      if (!state) return null;
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, state);
        return exportBoard(doc);
      } catch {
        // A version without readable meta cannot be a board file; the others still go out.
        return null;
      } finally {
        doc.destroy();
      }
    },
  };
}

/**
 * The forum document's votes and compilation, as the manifest keeps them, with each vote's
 * voters under per-archive aliases (`archivedVoters`) from the vote store.
 */
function facilitationOf(forums: ForumStore, readDoc: DocReader, votes: BallotReader) {
  return async (forumId: string): Promise<ArchiveFacilitation | null> => {
    // Only the forum's boards: a board taken out (R56) is not in the archive, and an import
    // refuses references to boards it does not hold.
    const boards = await forums.listBoards(forumId);
    const own = new Set(boards.map((board) => board.id));
    const plenary = boards.find((board) => board.kind === 'plenary');
    const read = await readDoc(forumRoomName(forumId), (doc) => ({
      votes: readVotes(doc),
      compilation: readCompilation(doc),
      record: plenary ? readRecordSource(doc, plenary.id) : null,
    }));
    const plenaryList = await archivedRecord(plenary?.id ?? null, read.record, readDoc);
    const archived: ArchiveFacilitation['votes'] = [];
    for (const vote of read.votes) {
      const boardIds = [...new Set(vote.boardIds)].filter((id) => own.has(id));
      const voters = archivedVoters(
        await votes.ballots(vote.id),
        new Set(boardIds),
        vote.dotsPerParticipant,
      );
      // The store is where dots live; the document mirrors their totals (never fewer).
      const counts = new Map(
        Object.entries(vote.counts).filter(([key]) =>
          boardIds.includes(splitNoteKey(key)?.boardId ?? ''),
        ),
      );
      for (const [key, n] of tallyOf(voters)) counts.set(key, Math.max(n, counts.get(key) ?? 0));
      archived.push({
        id: vote.id,
        title: vote.title,
        boardIds,
        dotsPerParticipant: vote.dotsPerParticipant,
        state: vote.state,
        openedAt: vote.openedAt,
        closedAt: vote.closedAt,
        counts: Object.fromEntries(counts),
        ...(voters.length > 0 ? { voters } : {}),
      });
    }
    const stored = read.compilation;
    const compilation =
      stored &&
      (stored.boardIds.length > 0 ||
        Object.keys(stored.merges).length > 0 ||
        stored.setAside.length > 0 ||
        Object.keys(stored.wordings).length > 0 ||
        stored.distinct.length > 0)
        ? {
            boardIds: stored.boardIds.filter((id) => own.has(id)),
            merges: { ...stored.merges },
            ...(stored.setAside.length > 0 ? { setAside: [...stored.setAside] } : {}),
            ...(Object.keys(stored.wordings).length > 0
              ? { wordings: { ...stored.wordings } }
              : {}),
            ...(stored.distinct.length > 0 ? { distinct: [...stored.distinct] } : {}),
          }
        : null;
    if (archived.length === 0 && compilation === null && plenaryList === undefined) return null;
    const fitted = fitFacilitation({
      votes: archived,
      compilation,
      ...(plenaryList === undefined ? {} : { plenaryList }),
    });
    return Object.keys(fitted.leftOut).length > 0
      ? { ...fitted.facilitation, leftOut: fitted.leftOut }
      : fitted.facilitation;
  };
}

/**
 * C10: the record of what the server placed on the plenary, for the manifest: null when the
 * forum keeps one and nothing was placed; an older forum's (kept on its plenary) if it has one,
 * else undefined (the import then reads the plenary's list area once: recordFromListArea).
 */
async function archivedRecord(
  plenaryId: string | null,
  source: RecordSource | null,
  readDoc: DocReader,
): Promise<ArchiveFacilitation['plenaryList']> {
  if (plenaryId === null || source === null) return undefined;
  const record =
    source.kept === 'forum' ? source.record : await readDoc(plenaryId, readLegacyRecord);
  if (record === null) return source.kept === 'forum' ? null : undefined;
  return { boardId: plenaryId, ...record, placed: { ...record.placed } };
}

/** C6: the forum's incontournables with the facilitator's choices, read through `readDoc`. */
function compilationOf(forums: ForumStore, readDoc: DocReader) {
  return async (forumId: string): Promise<ForumCompilation | null> => {
    const forum = await forums.getForum(forumId);
    if (!forum) return null;
    return compilationFiles(forum, await forums.listBoards(forumId), readDoc);
  };
}

/** The running server: live rooms' docs when loaded (R19), else storage. */
export function relaySource(deps: {
  forums: ForumStore;
  relay: Relay;
  blobs: BlobStore;
  boards: VersionStore;
  votes: BallotReader;
}): ArchiveSource {
  return {
    forum: async (id) => deps.forums.getForum(id),
    boards: async (id) => deps.forums.listBoards(id),
    boardFile: (boardId) => deps.relay.withBoardDoc(boardId, (doc) => exportBoard(doc)),
    blobs: deps.blobs,
    compilation: compilationOf(deps.forums, (roomId, read) =>
      deps.relay.withBoardDoc(roomId, read),
    ),
    facilitation: facilitationOf(
      deps.forums,
      (roomId, read) => deps.relay.withBoardDoc(roomId, read),
      deps.votes,
    ),
    ...versionsOf(deps.boards),
  };
}

/** Storage alone (the CLI; a running server appends every update before broadcasting it, R5). */
export function storageSource(deps: {
  forums: ForumStore;
  boards: BoardStorage;
  blobs: BlobStore;
  votes: BallotReader;
}): ArchiveSource {
  const readDoc: DocReader = (roomId, read) => withStoredDoc(deps.boards, roomId, read);
  return {
    forum: async (id) => deps.forums.getForum(id),
    boards: async (id) => deps.forums.listBoards(id),
    boardFile: (boardId) => readDoc(boardId, (doc) => exportBoard(doc)),
    blobs: deps.blobs,
    compilation: compilationOf(deps.forums, readDoc),
    facilitation: facilitationOf(deps.forums, readDoc, deps.votes),
    ...versionsOf(deps.boards),
  };
}
