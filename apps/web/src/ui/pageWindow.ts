// Long lists drawn a page at a time (« Contenu », « Voter en liste »): the first `limit` units of
// a list of groups, in order, where a group takes some units (its lines, its notes).

export interface PageWindow<G> {
  readonly groups: readonly G[];
  /** Units left undrawn after the window (0: the list is whole). */
  readonly hidden: number;
}

/**
 * The groups that fit in `limit` units, in order: a group that fits is drawn whole (the same
 * object), the first one that does not is cut to the room left (`cut`), and those after it wait.
 */
export function pageWindow<G>(
  groups: readonly G[],
  limit: number,
  size: (group: G) => number,
  cut: (group: G, room: number) => G,
): PageWindow<G> {
  const shown: G[] = [];
  let used = 0;
  let total = 0;
  for (const group of groups) {
    const units = size(group);
    total += units;
    const room = limit - used;
    if (room <= 0) continue;
    shown.push(units <= room ? group : cut(group, room));
    used += Math.min(units, room);
  }
  return { groups: shown, hidden: total - used };
}
