// How much of « Contenu » is drawn. A territory's board (tens of lines) is drawn whole; on a
// 10,000-shape board, drawing 6,000 lines took Ctrl+F ~600 ms and each keystroke as long. The
// list is drawn a page of lines at a time, the next page when its end comes near (or « Afficher
// la suite »), and always far enough to hold the line Enter went to.
import { pageWindow, type PageWindow } from '../ui/pageWindow';
import type { OutlineGroup } from './outline';

/** Lines drawn at first, and added each time the end of the list comes near. */
export const PAGE_LINES = 150;

/** Lines a group takes: its carton (or « Hors des cartons »), its entries, its counts. */
function linesOf(group: OutlineGroup): number {
  return 1 + group.entries.length + (group.counts.length > 0 ? 1 : 0);
}

export type WindowedOutline = PageWindow<OutlineGroup>;

/** The first `limit` lines of `groups` (a group cut short loses its counts line). */
export function windowGroups(groups: readonly OutlineGroup[], limit: number): WindowedOutline {
  return pageWindow(groups, limit, linesOf, (group, room) => ({
    ...group,
    entries: group.entries.slice(0, room - 1),
    counts: [],
  }));
}

/** The line (0-based, counted as windowGroups counts) that shows entry `id`, or -1. */
export function lineOf(groups: readonly OutlineGroup[], id: string): number {
  let line = 0;
  for (const group of groups) {
    if (group.carton?.id === id) return line;
    const at = group.entries.findIndex((e) => e.id === id);
    if (at >= 0) return line + 1 + at;
    line += linesOf(group);
  }
  return -1;
}

/** The window's size to draw line `line` with some of what follows it in sight. */
export function limitFor(limit: number, line: number): number {
  return line < limit ? limit : line + Math.ceil(PAGE_LINES / 3);
}
