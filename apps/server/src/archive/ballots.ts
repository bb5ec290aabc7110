import { randomInt } from 'node:crypto';
import { noteKey } from '@carton/board';
import { ARCHIVE_VOTER, type Ballot } from '../facilitation/vote-store.ts';

/** A voter of an archived vote: an alias drawn for this archive, and the notes of their dots. */
export interface ArchivedVoter {
  id: string;
  dots: string[];
}

/**
 * A vote's ballots as an archive keeps them. Stored voters are hashes of forum, vote and a
 * device's random id (V2); an archive names them `v1`, `v2`… in a fresh random order, so a
 * recount per voter is possible while no alias links to a device, to another vote or to the
 * same voter in another archive of the forum. Only dots on `boardIds` are kept; dots whose
 * voter is unknown (`archive`, from an archive of totals) and any beyond `dotsPerVoter` stay
 * in the totals only.
 */
export function archivedVoters(
  ballots: readonly Ballot[],
  boardIds: ReadonlySet<string>,
  dotsPerVoter: number,
): ArchivedVoter[] {
  const kept = ballots
    .filter((ballot) => ballot.voter !== ARCHIVE_VOTER)
    .map((ballot) =>
      ballot.dots
        .filter((dot) => boardIds.has(dot.boardId))
        .slice(0, dotsPerVoter)
        .map((dot) => noteKey(dot.boardId, dot.shapeId)),
    )
    .filter((dots) => dots.length > 0);
  // Fisher–Yates with the system's random source: the order of first dots is not kept.
  for (let i = kept.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [kept[i], kept[j]] = [kept[j]!, kept[i]!];
  }
  return kept.map((dots, i) => ({ id: `v${i + 1}`, dots }));
}

/** Dots per note key of some voters. */
export function tallyOf(voters: readonly ArchivedVoter[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const voter of voters) {
    for (const key of voter.dots) tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return tally;
}
