// « Les incontournables » on the projector: the compiled list as the room reads it — the
// facilitator's words (C8), merged ideas as one, ideas set aside left out, ranked by the latest
// closed vote's dots by idea, those on the list's notes on the plenary included (the server's
// compilation does all of it, C6) — else in the list's own order (C4), in pages the facilitator
// goes through like slides.
import type { Compilation, CompilationItem } from '../forum/api';
import { ideaPlaces } from '../forum/compilationItem';
import { withPlaces } from '../forum/voteRanking';

/** Ideas on one page: the first page is the vote's top 10, as « Résultats du vote ». */
export const LIST_PAGE = 10;

/** One idea of the projected list. */
export interface ListLine {
  readonly key: string;
  readonly text: string;
  /** Notes saying it (« 9 fois »). */
  readonly count: number;
  /** Where it was written: territories, « Cartes postales »… */
  readonly places: readonly string[];
  /** Its dots in the vote the list is ranked by; null when no vote ranks it. */
  readonly dots: number | null;
}

export interface ProjectedList {
  /**
   * Every idea with its place (ties share one, as the results slide: 1, 2, 2, 4). Once ranked,
   * an idea the vote gave no dot has none (null: « sans point », after the others, as the
   * Markdown says it), rather than all of them sharing the last place.
   */
  readonly lines: readonly { line: ListLine; place: number | null }[];
  /** Whether a vote's dots rank the list (else its own order, numbered 1, 2, 3…). */
  readonly ranked: boolean;
}

/**
 * The list as projected. `dotsByIdea`: the ranking vote's dots per idea key (the compilation's
 * items' `votes`), or null without a closed vote. Ideas with as many dots keep the list's order
 * between them; ideas without a dot follow without a place; when the vote gave none of the
 * list's ideas a dot (it was over other boards), the list keeps its own order.
 */
export function projectedList(
  items: readonly CompilationItem[],
  dotsByIdea: ReadonlyMap<string, number> | null,
): ProjectedList {
  const lines = items.map((item) => ({
    key: item.key,
    text: item.text,
    count: item.count,
    places: ideaPlaces(item),
    dots: dotsByIdea ? (dotsByIdea.get(item.key) ?? 0) : null,
  }));
  const ranked = lines.some((line) => (line.dots ?? 0) > 0);
  if (!ranked)
    return {
      lines: lines.map((line, n) => ({ line: { ...line, dots: null }, place: n + 1 })),
      ranked: false,
    };
  // Array.prototype.sort is stable: equal dots keep the list's order (C4: count, then first seen).
  const byDots = [...lines].sort((a, b) => (b.dots ?? 0) - (a.dots ?? 0));
  const dotted = byDots.filter((line) => (line.dots ?? 0) > 0);
  const undotted = byDots.filter((line) => (line.dots ?? 0) === 0);
  return {
    lines: [
      ...withPlaces(dotted.map((line) => ({ ...line, dots: line.dots ?? 0 }))),
      ...undotted.map((line) => ({ line: { ...line, dots: 0 }, place: null })),
    ],
    ranked,
  };
}

/** How many pages the list takes (none for an empty list). */
export function listPageCount(ideas: number, perPage = LIST_PAGE): number {
  return Math.ceil(ideas / perPage);
}

/**
 * The line under a page (« Et 5 autres idées à la page suivante »): its plural follows the
 * ideas, its « page suivante » / « pages suivantes » the pages still to come.
 */
export function afterKey(page: number, pages: number): 'afterNext' | 'afterLater' {
  return pages - page - 1 > 1 ? 'afterLater' : 'afterNext';
}

/** The list to project, and whether it fell back to its own order (the server did not rank it). */
export type ListToProject = ProjectedList & { readonly unranked: boolean };

/**
 * The list as the projector shows it: ranked by the vote closed last (`voteId`) when the server
 * ranked it so (`rankedBy`). Read before that vote closed, null: not shown in its own order
 * first, then reordered. But a server that does not rank it (an older one, no `rankedBy` at
 * all, or the list read after the close still not ranked by it, `readAfterClose`) gets the list
 * in its own order, `unranked` — never no list at all, with « I » and « Projeter la liste »
 * leading nowhere.
 */
export function listToProject(
  compiled: Compilation | null,
  voteId: string | null,
  readAfterClose: boolean,
): ListToProject | null {
  if (!compiled) return null;
  const rankedBy = compiled.rankedBy ?? null;
  if (voteId === null || rankedBy?.voteId === voteId) {
    const dots = rankedBy ? new Map(compiled.items.map((item) => [item.key, item.votes])) : null;
    return { ...projectedList(compiled.items, dots), unranked: false };
  }
  if (compiled.rankedBy !== undefined && !readAfterClose) return null;
  return { ...projectedList(compiled.items, null), unranked: true };
}

/** One page of the list, and how many ideas come after it (« Et 38 autres idées »). */
export function listPage<T>(
  lines: readonly T[],
  page: number,
  perPage = LIST_PAGE,
): { shown: T[]; after: number } {
  const start = page * perPage;
  const shown = lines.slice(start, start + perPage);
  return { shown, after: Math.max(0, lines.length - start - shown.length) };
}

/** I goes to the list's first page (from anywhere), as M goes to the mosaic; null if none. */
export function listKey(key: string, slides: readonly { kind: string }[]): number | null {
  if (key !== 'i' && key !== 'I') return null;
  const at = slides.findIndex((s) => s.kind === 'list');
  return at < 0 ? null : at;
}
