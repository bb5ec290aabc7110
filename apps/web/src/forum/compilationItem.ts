// How « Les incontournables » names an idea and where it was written, on the facilitator page.
import type { Compilation, CompilationItem } from './api';
import { withPlaces } from './voteRanking';

/**
 * Where an idea was written: every board it was found on (the downloaded Markdown's and CSV's
 * « sources »), so an idea from the postcards says « Cartes postales » as the files do, instead
 * of nothing beside its count because no territory wrote it.
 */
export function ideaPlaces(item: Pick<CompilationItem, 'territories' | 'sources'>): string[] {
  return item.sources.length > 0 ? item.sources : item.territories;
}

/**
 * An idea's words in a « Fusionner avec… » list: whole when short, else cut between two words
 * and ended with « … », so a cut idea reads as cut (« … moments positifs ? » lost its « ? »
 * and looked like a different idea).
 */
export function ideaLabel(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What PUT /compilation changes: merges (see mergeDrag) and ideas set aside. */
export interface CompilationChange {
  merges?: Record<string, string | null>;
  setAside?: Record<string, boolean>;
  /** C8: the facilitator's words for an idea; null gives it its notes' words back. */
  wordings?: Record<string, string | null>;
  /** C9: two ideas said different (« Non, elles sont différentes »), by their pair key. */
  distinct?: Record<string, boolean>;
}

/**
 * « Écarter » an idea (`aside`) or « Remettre » it: by its key, as merges are (C7), so it stays
 * set aside when the list is compiled again; its notes stay on the boards.
 */
export function setAsideChange(item: Pick<CompilationItem, 'key'>, aside: boolean) {
  return { setAside: { [item.key]: aside } } satisfies CompilationChange;
}

/**
 * The ideas in « Écartées »: none from a server that answers without them (one not yet
 * updated), rather than a panel that breaks.
 */
export function setAsideItems(
  compilation: { setAside?: readonly CompilationItem[] } | null,
): readonly CompilationItem[] {
  return compilation?.setAside ?? [];
}

/** « Les incontournables » as a vote placed them (listPlacing). */
export interface PlacedList {
  /** The ideas the vote gave dots, with their places: as many dots share one (1, 2, 2, 4). */
  readonly placed: readonly { item: CompilationItem; place: number }[];
  /** The ideas it gave none, after them, with no place (« sans point »). */
  readonly undotted: readonly CompilationItem[];
}

/**
 * The list's places once the vote that ranks it (C6 `rankedBy`) has given some of its ideas
 * dots, as the Markdown (C5) and the projector's list slide number them: ideas without a dot
 * take none — numbered, they read 4, 5, 6… as if the vote had placed them. Null while no vote
 * ranks the list (or it gave none of its ideas a dot): the list's own order, 1, 2, 3…
 */
export function listPlacing(
  compilation: Pick<Compilation, 'items' | 'rankedBy'> | null,
): PlacedList | null {
  if (!compilation?.rankedBy) return null;
  const { items } = compilation;
  if (!items.some((item) => item.votes > 0)) return null;
  // The server's order is C4's, most dots first: the dotted ideas come first.
  const dotted = items.filter((item) => item.votes > 0).map((item) => ({ item, dots: item.votes }));
  return {
    placed: withPlaces(dotted).map(({ line, place }) => ({ item: line.item, place })),
    undotted: items.filter((item) => item.votes === 0),
  };
}
