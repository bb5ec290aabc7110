// What a board of the forum is to the facilitator. A board of kind `territory` without a
// territory is « Autre tableau »: a board file imported beside its territory's own board (R54),
// or one whose file names no territory. It is not a territory: not in the plenary's mosaic, nor
// ticked by default for a vote or « Les incontournables », where its copy of a territory's ideas
// would count them twice (the server's defaultCompilationBoards says the same).
import type { ForumBoard } from './api';

export type BoardKindLabel = 'plenary' | 'territory' | 'postcards' | 'other';

/** A territory group's board: in the mosaic, voted on and compiled by default. */
export const isTerritoryBoard = (board: Pick<ForumBoard, 'kind' | 'territory'>): boolean =>
  board.kind === 'territory' && board.territory !== null;

/** The kind the page names (`home.kind.<label>`). */
export const boardKindLabel = (board: Pick<ForumBoard, 'kind' | 'territory'>): BoardKindLabel =>
  board.kind === 'territory' && board.territory === null ? 'other' : board.kind;
