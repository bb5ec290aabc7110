// A closed vote's ranking as the forum page and the projector show it: by idea (V1's `ideas`,
// the same idea on several notes added up, as « Les incontournables » rank it), ties given the
// same place, and a top that never leaves out an idea tied with its last one.
import type { VoteIdea, VoteResult } from './api';

/** One line of the ranking: an idea, or a note from a server that answers no `ideas`. */
export interface RankedLine {
  readonly key: string;
  /** null: the note was deleted since (a note-by-note answer only). */
  readonly text: string | null;
  readonly dots: number;
  /** Territories or board titles (« Cartes postales »), in the forum's order. */
  readonly places: readonly string[];
}

/** The lines of a vote's answer: its ideas, else its notes; null while it has no results. */
export function voteLines(answer: {
  results: readonly VoteResult[] | null;
  ideas?: readonly VoteIdea[] | null;
}): RankedLine[] | null {
  if (answer.ideas)
    return answer.ideas.map((idea) => ({
      key: idea.key,
      text: idea.text,
      dots: idea.votes,
      places: idea.sources,
    }));
  if (!answer.results) return null;
  return answer.results.map((r) => ({
    key: `${r.boardId}/${r.shapeId}`,
    text: r.text,
    dots: r.count,
    places: [r.territory ?? r.boardTitle],
  }));
}

/**
 * Lines (most dots first) with their place: lines with as many dots share it, the next one
 * takes its own count (1, 2, 2, 4). Only the first `shown`, and those tied with the last of
 * them: a 10th and an 11th with 3 points each are both read out, or neither would be fair.
 */
export function withPlaces<T extends { readonly dots: number }>(
  lines: readonly T[],
  shown = Number.POSITIVE_INFINITY,
): { line: T; place: number }[] {
  const out: { line: T; place: number }[] = [];
  let place = 0;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (!previous || previous.dots !== line.dots) place = index + 1;
    if (index < shown || line.dots === lines[shown - 1]?.dots) out.push({ line, place });
  });
  return out;
}

/**
 * The projector's top: `withPlaces(lines, shown)`, unless the ideas tied with the last one shown
 * would take it past `most` lines — thirty voters' 90 dots leave dozens of ideas at 1 point, and
 * the slide listed them all at 16 px. Then that tied group is said in one line instead
 * (`tied`: how many, and their dots), after the ideas above it (or after the first `shown` when
 * every idea is tied).
 */
export function topPlaces<T extends { readonly dots: number }>(
  lines: readonly T[],
  shown: number,
  most: number,
): { top: { line: T; place: number }[]; tied: { count: number; dots: number } | null } {
  const all = withPlaces(lines, shown);
  if (all.length <= most) return { top: all, tied: null };
  const last = all[all.length - 1]!;
  const start = all.findIndex((entry) => entry.line.dots === last.line.dots);
  const keep = start > 0 ? start : shown;
  return { top: all.slice(0, keep), tied: { count: all.length - keep, dots: last.line.dots } };
}
