import { MAX_BOARD_SHAPES, splitNoteKey } from '@carton/board';
import { AREA_ID_PREFIX, LIST_NOTE_ID_PREFIX } from '../facilitation/placed-record.ts';
import { ArchiveError } from './errors.ts';
import type { FacilitationLeftOut } from './fit-facilitation.ts';
import { ARCHIVE_SIZES, type ArchiveManifest } from './manifest.ts';

/**
 * What a forum day's votes may hold in an archive. An archive is uploaded without a token and
 * each dot becomes a row (V2), so totals are bounded well above a real forum (200 people × 20
 * dots) and far below what would fill the disk or hold the event loop.
 */
export const FACILITATION_LIMITS = {
  /** Dots on one note of one vote. */
  maxDotsPerNote: 10_000,
  /** Dots in the whole archive, every vote together. */
  maxDots: 100_000,
  /** Notes with dots, per vote. */
  maxNotesPerVote: 5_000,
  /** The compilation's merges (the PUT route takes keys of at most 500 characters). */
  maxMerges: 5_000,
  /** The compilation's ideas set aside (C7). */
  maxSetAside: 5_000,
  /** The facilitator's words for ideas (C8). */
  maxWordings: 5_000,
  /** Pairs of ideas said different (C9). */
  maxDistinct: 5_000,
} as const;

function refuse(message: string, where: string): never {
  throw new ArchiveError('invalid_manifest', message, `manifest.json: facilitation.${where}`);
}

type ArchivedVote = NonNullable<ArchiveManifest['facilitation']>['votes'][number];

/**
 * A vote's voters (aliases and their dots): aliases unique, at most the vote's dots per voter,
 * every dot on a note the totals count — the voters' dots on a note never exceed its total
 * (the rest are dots of nobody known).
 */
function checkVoters(vote: ArchivedVote, where: string): void {
  const aliases = new Set<string>();
  const tally = new Map<string, number>();
  for (const [i, voter] of (vote.voters ?? []).entries()) {
    if (aliases.has(voter.id)) refuse(`Voter ${voter.id} is listed twice.`, `${where}.${i}.id`);
    aliases.add(voter.id);
    if (voter.dots.length > vote.dotsPerParticipant) {
      refuse(`A voter has at most ${vote.dotsPerParticipant} dots.`, `${where}.${i}.dots`);
    }
    for (const key of voter.dots) {
      const n = (tally.get(key) ?? 0) + 1;
      if (n > (vote.counts[key] ?? 0)) {
        refuse(`Note ${key} has more voters' dots than its total.`, `${where}.${i}.dots`);
      }
      tally.set(key, n);
    }
  }
}

/**
 * Checks the manifest's votes and compilation against its own boards, before anything is
 * written: every board named must be a board of the archive (and a count's board one of its
 * vote's), ids are unique, counts are whole numbers within FACILITATION_LIMITS. The
 * compilation's merges, ideas set aside, wordings and pairs past their most are cut to the
 * first ones in `manifest` (returned: how many were left out).
 */
export function checkFacilitation(manifest: ArchiveManifest): FacilitationLeftOut {
  const leftOut: FacilitationLeftOut = {};
  const boardIds = new Set(manifest.boards.map((board) => board.id));
  if (boardIds.size !== manifest.boards.length) {
    throw new ArchiveError(
      'invalid_manifest',
      'Two boards have the same id.',
      'manifest.json: boards',
    );
  }
  const facilitation = manifest.facilitation;
  if (!facilitation) return leftOut;
  const voteIds = new Set<string>();
  let total = 0;
  for (const [v, vote] of facilitation.votes.entries()) {
    if (voteIds.has(vote.id)) refuse(`Vote ${vote.id} is listed twice.`, `votes.${v}.id`);
    voteIds.add(vote.id);
    if (new Set(vote.boardIds).size !== vote.boardIds.length) {
      refuse('A board is listed twice.', `votes.${v}.boardIds`);
    }
    for (const id of vote.boardIds) {
      if (!boardIds.has(id))
        refuse(`Board ${id} is not a board of the archive.`, `votes.${v}.boardIds`);
    }
    const counts = Object.entries(vote.counts);
    if (counts.length > FACILITATION_LIMITS.maxNotesPerVote) {
      refuse(
        `A vote has at most ${FACILITATION_LIMITS.maxNotesPerVote} notes.`,
        `votes.${v}.counts`,
      );
    }
    for (const [key, count] of counts) {
      const { boardId, shapeId } = splitNoteKey(key) ?? { boardId: '', shapeId: '' };
      if (
        !vote.boardIds.includes(boardId) ||
        shapeId.length === 0 ||
        shapeId.length > ARCHIVE_SIZES.shapeId
      ) {
        refuse(`Note ${key} is not <board of the vote>/<note>.`, `votes.${v}.counts`);
      }
      if (count > FACILITATION_LIMITS.maxDotsPerNote) {
        refuse(
          `A note has at most ${FACILITATION_LIMITS.maxDotsPerNote} dots.`,
          `votes.${v}.counts`,
        );
      }
      total += count;
    }
    if (total > FACILITATION_LIMITS.maxDots) {
      refuse(`An archive holds at most ${FACILITATION_LIMITS.maxDots} dots.`, `votes.${v}.counts`);
    }
    checkVoters(vote, `votes.${v}.voters`);
  }
  const list = facilitation.plenaryList;
  if (list) {
    const board = manifest.boards.find((entry) => entry.id === list.boardId);
    if (board?.kind !== 'plenary') {
      refuse(`Board ${list.boardId} is not the archive's plenary.`, 'plenaryList.boardId');
    }
    if (!list.areaId.startsWith(AREA_ID_PREFIX)) {
      refuse("The list's area is no area the server places.", 'plenaryList.areaId');
    }
    const ids = Object.keys(list.placed);
    if (ids.length > MAX_BOARD_SHAPES || ids.some((id) => !id.startsWith(LIST_NOTE_ID_PREFIX))) {
      refuse("The list's notes are not notes the server places.", 'plenaryList.placed');
    }
  }
  const compilation = facilitation.compilation;
  if (!compilation) return leftOut;
  for (const id of compilation.boardIds) {
    if (!boardIds.has(id))
      refuse(`Board ${id} is not a board of the archive.`, 'compilation.boardIds');
  }
  // An older Carton wrote the forum doc's compilation as it was, past these counts (a
  // facilitator's socket, F2): the first ones are kept and the rest counted, never the whole
  // forum refused; the restored doc holds no more than a refusal would have let in.
  const first = <T>(entries: T[], max: number, field: keyof FacilitationLeftOut): T[] => {
    if (entries.length <= max) return entries;
    leftOut[field] = entries.length - max;
    return entries.slice(0, max);
  };
  compilation.merges = Object.fromEntries(
    first(Object.entries(compilation.merges), FACILITATION_LIMITS.maxMerges, 'merges'),
  );
  if (compilation.setAside) {
    compilation.setAside = first(compilation.setAside, FACILITATION_LIMITS.maxSetAside, 'setAside');
  }
  if (compilation.wordings) {
    compilation.wordings = Object.fromEntries(
      first(Object.entries(compilation.wordings), FACILITATION_LIMITS.maxWordings, 'wordings'),
    );
  }
  if (compilation.distinct) {
    compilation.distinct = first(compilation.distinct, FACILITATION_LIMITS.maxDistinct, 'distinct');
  }
  return leftOut;
}
