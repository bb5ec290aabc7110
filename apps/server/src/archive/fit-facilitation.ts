import { splitNoteKey } from '@carton/board';
import { plainName } from '../forums/create-forum.ts';
import { FACILITATION_LIMITS } from './facilitation.ts';
import { ARCHIVE_SIZES, type ArchiveFacilitation } from './manifest.ts';

/** What the export left out of the forum day's votes and compilation, counted (absent: none). */
export interface FacilitationLeftOut {
  votes?: number;
  /** Notes' totals left out (a key the import refuses, or past a vote's notes). */
  notes?: number;
  /** Dots left out: past a note's or the archive's most, or on a note left out. */
  dots?: number;
  merges?: number;
  setAside?: number;
  wordings?: number;
  distinct?: number;
}

/** At most `max` code points: a cut never splits a surrogate pair. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('').slice(0, max);
}

/**
 * The forum document's votes and compilation as the import takes them (ARCHIVE: what the live
 * doc holds past the import's limits is left out, counted, never the whole forum): a
 * facilitator's socket writes the forum doc without the HTTP routes' checks (F2), and an
 * archive the import refuses restores nothing at all. The first entries are kept (votes oldest
 * first, the notes with the most dots, keys in the document's order).
 */
export function fitFacilitation(facilitation: ArchiveFacilitation): {
  facilitation: ArchiveFacilitation;
  leftOut: FacilitationLeftOut;
} {
  const left: Required<FacilitationLeftOut> = {
    votes: 0,
    notes: 0,
    dots: 0,
    merges: 0,
    setAside: 0,
    wordings: 0,
    distinct: 0,
  };
  const votes: ArchiveFacilitation['votes'] = [];
  const ids = new Set<string>();
  let total = 0;
  for (const vote of facilitation.votes) {
    const dotsOf = Object.values(vote.counts).reduce((sum, n) => sum + n, 0);
    if (
      votes.length >= ARCHIVE_SIZES.votes ||
      vote.id.length > ARCHIVE_SIZES.voteId ||
      ids.has(vote.id)
    ) {
      left.votes++;
      left.dots += dotsOf;
      continue;
    }
    ids.add(vote.id);
    const dotsPerParticipant = Math.min(
      ARCHIVE_SIZES.dotsPerParticipant,
      Math.max(1, Math.floor(vote.dotsPerParticipant)),
    );
    // The notes with the most dots first: what is left out weighs least in the results.
    const notes = Object.entries(vote.counts).sort((a, b) => b[1] - a[1]);
    const counts: Record<string, number> = {};
    let kept = 0;
    for (const [key, count] of notes) {
      const note = splitNoteKey(key);
      const valid =
        key.length <= ARCHIVE_SIZES.noteKey &&
        note !== null &&
        vote.boardIds.includes(note.boardId) &&
        note.shapeId.length > 0 &&
        note.shapeId.length <= ARCHIVE_SIZES.shapeId;
      if (!valid || kept >= FACILITATION_LIMITS.maxNotesPerVote) {
        left.notes++;
        left.dots += count;
        continue;
      }
      const n = Math.min(
        count,
        FACILITATION_LIMITS.maxDotsPerNote,
        FACILITATION_LIMITS.maxDots - total,
      );
      left.dots += count - n;
      if (n <= 0) {
        left.notes++;
        continue;
      }
      counts[key] = n;
      total += n;
      kept++;
    }
    // A voter's dots on kept notes, within the vote's dots and each note's total (the rest are
    // in the totals only, as dots of nobody known).
    const tally = new Map<string, number>();
    const voters = (vote.voters ?? [])
      .map((voter) => ({
        id: voter.id,
        dots: voter.dots
          .filter((key) => {
            const n = (tally.get(key) ?? 0) + 1;
            if (n > (counts[key] ?? 0)) return false;
            tally.set(key, n);
            return true;
          })
          .slice(0, dotsPerParticipant),
      }))
      .filter((voter) => voter.dots.length > 0);
    votes.push({
      ...vote,
      title: cut(plainName(vote.title, 'Vote'), ARCHIVE_SIZES.voteTitle).trim() || 'Vote',
      dotsPerParticipant,
      openedAt: Math.max(0, Math.floor(vote.openedAt)),
      closedAt: vote.closedAt === null ? null : Math.max(0, Math.floor(vote.closedAt)),
      counts,
      ...(vote.voters ? { voters } : {}),
    });
  }
  const compilation = facilitation.compilation && fitCompilation(facilitation.compilation, left);
  const leftOut: FacilitationLeftOut = Object.fromEntries(
    Object.entries(left).filter(([, n]) => n > 0),
  );
  const plenaryList =
    facilitation.plenaryList === undefined ? {} : { plenaryList: facilitation.plenaryList };
  return { facilitation: { votes, compilation: compilation ?? null, ...plenaryList }, leftOut };
}

type ArchivedCompilation = NonNullable<ArchiveFacilitation['compilation']>;

/** The first `max` of `keys` no longer than `maxKey`; the others counted in `left[field]`. */
function firstKeys(
  keys: readonly string[],
  max: number,
  keep: (key: string) => boolean,
  left: Required<FacilitationLeftOut>,
  field: 'merges' | 'setAside' | 'wordings' | 'distinct',
): string[] {
  const kept = keys.filter(keep).slice(0, max);
  left[field] += keys.length - kept.length;
  return kept;
}

function fitCompilation(
  compilation: ArchivedCompilation,
  left: Required<FacilitationLeftOut>,
): ArchivedCompilation {
  const item = (key: string) => key.length <= ARCHIVE_SIZES.itemKey;
  const merges = firstKeys(
    Object.keys(compilation.merges),
    FACILITATION_LIMITS.maxMerges,
    (key) => item(key) && item(compilation.merges[key]!),
    left,
    'merges',
  );
  const setAside =
    compilation.setAside &&
    firstKeys(compilation.setAside, FACILITATION_LIMITS.maxSetAside, item, left, 'setAside');
  const wordings =
    compilation.wordings &&
    firstKeys(
      Object.keys(compilation.wordings),
      FACILITATION_LIMITS.maxWordings,
      item,
      left,
      'wordings',
    );
  const distinct =
    compilation.distinct &&
    firstKeys(
      compilation.distinct,
      FACILITATION_LIMITS.maxDistinct,
      (key) => key.length <= ARCHIVE_SIZES.pairKey,
      left,
      'distinct',
    );
  return {
    boardIds: compilation.boardIds,
    merges: Object.fromEntries(merges.map((key) => [key, compilation.merges[key]!])),
    ...(setAside ? { setAside } : {}),
    ...(wordings
      ? { wordings: Object.fromEntries(wordings.map((key) => [key, compilation.wordings![key]!])) }
      : {}),
    ...(distinct ? { distinct } : {}),
  };
}
