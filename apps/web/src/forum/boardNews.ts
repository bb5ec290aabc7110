// « Tableau « … » ajouté… » is true until the board list changes otherwise: once the board it
// names is renamed or removed, or another board is added, renamed, removed or brought back, it
// named a title gone (« … — Haute-Gaspésie » after a rename to Côte-de-Gaspé) or sat beside the
// next action's own message as if it were the latest.
import type { ForumBoard } from './api';

export interface BoardNews {
  boardId: string;
  title: string;
  /** The other boards as listed when the news was told (ids and names). */
  others: string;
}

const othersKey = (boards: readonly ForumBoard[], boardId: string): string =>
  boards
    .filter((board) => board.id !== boardId)
    .map((board) => [board.id, board.title, board.territory ?? ''].join('\u0000'))
    .join('\u0001');

/** The news that `title` (board `boardId`) was just made, told while `boards` are listed. */
export function boardNews(
  boardId: string,
  title: string,
  boards: readonly ForumBoard[],
): BoardNews {
  return { boardId, title, others: othersKey(boards, boardId) };
}

/** Whether `news` still describes `boards`: its board listed under its title, the others alike. */
export function newsStillTrue(news: BoardNews, boards: readonly ForumBoard[]): boolean {
  const board = boards.find((b) => b.id === news.boardId);
  return (
    board !== undefined &&
    board.title === news.title &&
    othersKey(boards, news.boardId) === news.others
  );
}
