// A forum during its plenary, as the phone tests open it: one board presented, voted on, and the
// forum's timer running if asked.
import { expect } from 'vitest';
import type { CartonServer } from '../support/server';
import { createForum, forumRequest, type CreatedForum } from './fixtures';

type Board = CreatedForum['boards'][number];

/**
 * A forum of Kamouraska and La Mitis whose `kind` board is presented by `presenter` and voted on
 * with `question` (3 dots), the forum's timer started for `timerMs` first when given.
 */
export async function votingForum(
  server: CartonServer,
  options: {
    readonly kind?: 'plenary' | 'territory';
    readonly presenter: string;
    readonly question: string;
    readonly timerMs?: number;
  },
): Promise<{ forum: CreatedForum; board: Board }> {
  const forum = await createForum(server, { territories: ['Kamouraska', 'La Mitis'] });
  const board = forum.boards.find((b) => b.kind === (options.kind ?? 'plenary'))!;
  if (options.timerMs !== undefined) {
    const timer = { action: 'start', durationMs: options.timerMs };
    expect((await forumRequest(server, forum, '/timer', { body: timer })).status).toBe(200);
  }
  const spotlight = { active: true, boardId: board.id, by: options.presenter };
  expect((await forumRequest(server, forum, '/spotlight', { body: spotlight })).status).toBe(200);
  const vote = { title: options.question, boardIds: [board.id], dotsPerParticipant: 3 };
  expect((await forumRequest(server, forum, '/votes', { body: vote })).status).toBe(201);
  return { forum, board };
}
