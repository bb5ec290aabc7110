import {
  closeVote,
  ForumCommandError,
  noteKey,
  openVote,
  readCompilation,
  readShape,
  readVote,
  reopenVote,
  SERVER_ORIGIN,
  setVoteCounts,
  shapesMapOf,
  type VoteState,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  boardsInOrder,
  readSources,
  voteIdeas,
  type DocReader,
  type VoteIdea,
} from '../facilitation/compile-forum.ts';
import { changeForumDoc, readForumDoc } from '../facilitation/forum-doc.ts';
import { shownKey, shownText } from '../facilitation/shown-text.ts';
import { voterHash, type Dot, type VoteStore } from '../facilitation/vote-store.ts';
import type { AccessDenied } from '../forums/access.ts';
import { nameInput } from '../forums/create-forum.ts';
import { generateId } from '../forums/tokens.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { parseBody } from './body.ts';
import { jsonError } from './errors.ts';
import { unavailable } from './facilitation-routes.ts';

type Checks = ReturnType<typeof createAccessChecks>;

const refuse = (c: Context, denied: AccessDenied) =>
  jsonError(c, denied.status, denied.code, denied.message);

const OpenInput = z.strictObject({
  // Plain visible text, as every name (R24): the forum's archive keeps the vote's title and
  // refuses anything else on import, so a line break here made the forum day unrestorable.
  title: nameInput(200),
  boardIds: z.array(z.string().max(64)).min(1, 'must list at least one board').max(50),
  dotsPerParticipant: z.number().int().min(1).max(20),
});
/** A random id the device keeps (localStorage), never a name (V2). */
const voterIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8–128 url-safe characters');
const DotInput = z.strictObject({
  boardId: z.string().max(64),
  shapeId: z.string().max(100),
  voterId: voterIdSchema,
});

export interface RankedNote {
  boardId: string;
  shapeId: string;
  count: number;
  text: string | null;
  territory: string | null;
  boardTitle: string;
}

/** V1's results of a vote: note by note, and the same dots by idea. */
interface Ranking {
  results: RankedNote[];
  ideas: VoteIdea[];
}

/** How long a closed vote's rankings are reused (rankedOnce). */
const RANKING_REUSE_MS = 10_000;

/** V1–V5: dot voting, enforced by the server; counts written to the forum doc (server origin). */
export function registerVoteRoutes(
  app: Hono,
  deps: AppDeps,
  checks: Checks,
  votes: VoteStore,
): void {
  const vote = (forumId: string, voteId: string) =>
    readForumDoc(deps.relay, forumId, (doc) => readVote(doc, voteId));

  const readDoc: DocReader = (roomId, read) => deps.relay.withBoardDoc(roomId, read);
  /**
   * V1's results, note by note, and the same dots by idea. Each board's doc is read once: read
   * for each dotted note, a closed vote's 400 dots on two unloaded boards of 2,000 notes rebuilt
   * their docs 400 times, the event loop (every board's sync) held 22 s by one GET that any
   * link of the forum may send.
   */
  const ranked = async (forumId: string, current: VoteState): Promise<Ranking> => {
    const counts = await votes.counts(current.id);
    const listed = await deps.forums.listBoards(forumId);
    const boards = new Map(listed.map((board) => [board.id, board]));
    // The vote's boards, and any other of the forum a dot is on (dots go on the vote's boards).
    const read = await readSources(
      boardsInOrder(listed, [...current.boardIds, ...counts.map((dot) => dot.boardId)]),
      readDoc,
    );
    const texts = new Map<string, string>();
    for (const source of read) {
      for (const shape of source.shapes) {
        if (shape.type === 'note') texts.set(noteKey(source.boardId, shape.id), shape.text);
      }
    }
    // R56: a removed board's notes leave the results (its dots stay stored, unreachable).
    const rows = counts.flatMap((dot) => {
      const board = boards.get(dot.boardId);
      if (!board) return [];
      const text = texts.get(noteKey(dot.boardId, dot.shapeId)) ?? null;
      return [{ ...dot, text, territory: board.territory, boardTitle: board.title }];
    });
    // Ranked on the whole words, answered with what a reader shows of them (shownText).
    const results = rows
      .sort((a, b) => b.count - a.count || (a.text ?? '').localeCompare(b.text ?? ''))
      .map((row) => (row.text === null ? row : { ...row, text: shownText(row.text) }));
    const inVote = new Set(current.boardIds);
    const sources = read.filter((source) => inVote.has(source.boardId));
    const ideas = (
      await voteIdeas(forumId, readDoc, sources, counts, { boards: listed, vote: current })
    ).map((idea) => ({
      ...idea,
      key: shownKey(idea.key),
      text: shownText(idea.text),
    }));
    return { results, ideas };
  };

  /**
   * A closed vote's rankings, computed once for RANKING_REUSE_MS while the facilitator's merges,
   * ideas set aside and words stay as they were (its dots cannot change while it is closed). Every
   * link of the forum may read them, as often as it likes, and one reading costs every note of
   * the vote's boards: ~1.2 s of the event loop for 10 boards of 10,000 notes, ~4 s when nobody
   * has them open. A merge or a board removed is seen at once; a note edited after the close,
   * within that time.
   */
  const closedRankings = new Map<
    string,
    { key: string; until: number; ranking: Promise<Ranking> }
  >();
  const rankedOnce = async (forumId: string, current: VoteState): Promise<Ranking> => {
    if (current.state !== 'closed') return ranked(forumId, current);
    const compilation = await readForumDoc(deps.relay, forumId, (doc) => readCompilation(doc));
    // R56: a board taken out of the forum leaves the results at once.
    const boards = (await deps.forums.listBoards(forumId)).map((board) => board.id);
    const key = JSON.stringify([
      current.closedAt,
      current.boardIds,
      boards,
      compilation?.merges,
      compilation?.setAside,
      compilation?.wordings,
      // C10: a dot on the list's notes reads its idea's notes on the compilation's boards.
      compilation?.boardIds,
    ]);
    const now = performance.now();
    for (const [voteId, kept] of closedRankings) {
      if (kept.until <= now) closedRankings.delete(voteId);
    }
    const kept = closedRankings.get(current.id);
    if (kept?.key === key) return kept.ranking;
    const ranking = ranked(forumId, current);
    closedRankings.set(current.id, { key, until: now + RANKING_REUSE_MS, ranking });
    ranking.catch(() => {
      if (closedRankings.get(current.id)?.ranking === ranking) closedRankings.delete(current.id);
    });
    return ranking;
  };

  app.post('/api/forums/:id/votes', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const input = await parseBody(c, OpenInput);
    if (!input.ok) return input.response;
    const forumId = access.forum.id;
    const boardIds = [...new Set(input.data.boardIds)];
    for (const boardId of boardIds) {
      if ((await deps.forums.getBoard(boardId))?.forumId !== forumId) {
        return jsonError(
          c,
          400,
          'invalid_request',
          `boardIds: ${boardId} is not a board of this forum`,
        );
      }
    }
    const opened = {
      id: generateId(),
      title: input.data.title,
      boardIds,
      dotsPerParticipant: input.data.dotsPerParticipant,
      openedAt: Date.now(),
    };
    const done = await changeForumDoc(deps.relay, forumId, (doc) => {
      openVote(doc, opened, SERVER_ORIGIN);
      return readVote(doc, opened.id);
    });
    if (!done) return unavailable(c);
    return c.json({ vote: done.value }, 201);
  });

  app.post('/api/forums/:id/votes/:voteId/close', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const forumId = access.forum.id;
    const voteId = c.req.param('voteId');
    try {
      const done = await changeForumDoc(deps.relay, forumId, (doc) => {
        closeVote(doc, voteId, Date.now(), SERVER_ORIGIN);
        return readVote(doc, voteId);
      });
      if (!done) return unavailable(c);
      if (!done.value) return jsonError(c, 404, 'vote_not_found', 'No such vote.');
      return c.json({ vote: done.value, ...(await rankedOnce(forumId, done.value)) });
    } catch (error) {
      if (error instanceof ForumCommandError)
        return jsonError(c, 404, 'vote_not_found', 'No such vote.');
      throw error;
    }
  });

  // V5: a closed vote opens again with its dots (each voter's remaining budget is what their
  // stored dots leave). Read and write are one change of the forum doc: two reopens at once
  // cannot both succeed, and a vote open already is refused rather than moved to the top.
  app.post('/api/forums/:id/votes/:voteId/reopen', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const voteId = c.req.param('voteId');
    const done = await changeForumDoc(deps.relay, access.forum.id, (doc) => {
      const current = readVote(doc, voteId);
      if (!current) return 'vote_not_found' as const;
      if (current.state === 'open') return 'vote_open' as const;
      reopenVote(doc, voteId, Date.now(), SERVER_ORIGIN);
      return readVote(doc, voteId);
    });
    if (!done) return unavailable(c);
    if (done.value === 'vote_not_found' || !done.value)
      return jsonError(c, 404, 'vote_not_found', 'No such vote.');
    if (done.value === 'vote_open')
      return jsonError(c, 409, 'vote_open', 'This vote is open already.');
    return c.json({ vote: done.value });
  });

  // Results: any token of the forum once closed; the facilitator's at any time.
  app.get('/api/forums/:id/votes/:voteId', async (c) => {
    const access = await checks.member(c);
    if (!access.ok) return refuse(c, access);
    const current = await vote(access.forum.id, c.req.param('voteId'));
    if (!current) return jsonError(c, 404, 'vote_not_found', 'No such vote.');
    const show = current.state === 'closed' || access.grant.role === 'facilitator';
    return c.json({
      vote: current,
      ...(show ? await rankedOnce(access.forum.id, current) : { results: null, ideas: null }),
    });
  });

  /** The checks shared by placing and removing a dot (V3). */
  const dotRequest = async (
    c: Context,
  ): Promise<
    | { ok: true; forumId: string; current: VoteState; dot: Dot; voter: string }
    | { ok: false; response: Response }
  > => {
    const access = await checks.member(c);
    if (!access.ok) return { ok: false, response: refuse(c, access) };
    if (access.grant.role === 'view') {
      return { ok: false, response: jsonError(c, 403, 'forbidden', 'A view link cannot vote.') };
    }
    const input = await parseBody(c, DotInput);
    if (!input.ok) return input;
    const forumId = access.forum.id;
    const current = await vote(forumId, c.req.param('voteId') ?? '');
    if (!current)
      return { ok: false, response: jsonError(c, 404, 'vote_not_found', 'No such vote.') };
    if (current.state !== 'open') {
      return { ok: false, response: jsonError(c, 409, 'vote_closed', 'This vote is closed.') };
    }
    const { boardId, shapeId, voterId } = input.data;
    // R56: a board taken out of the forum stays in the vote's list but takes no more dots.
    if (
      !current.boardIds.includes(boardId) ||
      (await deps.forums.getBoard(boardId))?.forumId !== forumId
    ) {
      return {
        ok: false,
        response: jsonError(c, 400, 'board_not_in_vote', 'This board is not in the vote.'),
      };
    }
    return {
      ok: true,
      forumId,
      current,
      dot: { boardId, shapeId },
      voter: voterHash(forumId, current.id, voterId),
    };
  };

  // V3: a note's count is read, then written to the forum doc. With an async store two dots at
  // once could read their counts in one order and write them in the other, leaving a stale
  // count on screen: one publish at a time per vote (in this process), each reading after the
  // previous one wrote, so the last count written is the latest.
  const publishing = new Map<string, Promise<void>>();
  const publish = (forumId: string, voteId: string, dot: Dot): Promise<void> => {
    const next = (publishing.get(voteId) ?? Promise.resolve()).then(async () => {
      const count = await votes.countOf(voteId, dot);
      await changeForumDoc(deps.relay, forumId, (doc) =>
        setVoteCounts(doc, voteId, { [noteKey(dot.boardId, dot.shapeId)]: count }, SERVER_ORIGIN),
      );
    });
    const done = next.catch(() => {}); // a failed publish is its request's error, not the next's
    publishing.set(voteId, done);
    void done.then(() => {
      if (publishing.get(voteId) === done) publishing.delete(voteId);
    });
    return next;
  };
  const mine = async (request: { current: VoteState; voter: string }) => {
    const dots = await votes.dotsOf(request.current.id, request.voter);
    return { dots, remaining: Math.max(0, request.current.dotsPerParticipant - dots.length) };
  };

  app.post('/api/forums/:id/votes/:voteId/dots', async (c) => {
    const request = await dotRequest(c);
    if (!request.ok) return request.response;
    const { dot, current } = request;
    const note = await deps.relay.withBoardDoc(dot.boardId, (doc) => {
      const shapes = shapesMapOf(doc);
      const shape = shapes ? readShape(shapes, dot.shapeId) : undefined;
      return shape?.type === 'note' ? { empty: shape.text.trim() === '' } : null;
    });
    if (!note)
      return jsonError(c, 400, 'not_a_note', 'Dots go on notes of the boards in the vote.');
    // V3: each carton starts with blank « Écrivez ici… » notes, which a phone's tap hits as
    // easily as an idea; a dot there ranked « (papillon sans texte) » first. The web client
    // refuses it too; this holds for every client. A dot placed before the note was emptied
    // stays (and may be taken back): the text may come back, and the voter chose it.
    if (note.empty)
      return jsonError(c, 409, 'empty_note', 'This note has no text: dots go on written ideas.');
    // V3: the count and the insert are one transaction in the store (VoteStore.add).
    const added = await votes.add(
      request.forumId,
      current.id,
      request.voter,
      dot,
      current.dotsPerParticipant,
    );
    if (!added) {
      return jsonError(
        c,
        409,
        'no_dots_left',
        `At most ${current.dotsPerParticipant} dots per person.`,
      );
    }
    await publish(request.forumId, current.id, dot);
    return c.json(await mine(request), 201);
  });

  app.delete('/api/forums/:id/votes/:voteId/dots', async (c) => {
    const request = await dotRequest(c);
    if (!request.ok) return request.response;
    if (!(await votes.remove(request.current.id, request.voter, request.dot))) {
      return jsonError(c, 404, 'dot_not_found', 'You have no dot on this note.');
    }
    await publish(request.forumId, request.current.id, request.dot);
    return c.json(await mine(request));
  });

  app.get('/api/forums/:id/votes/:voteId/mine', async (c) => {
    const access = await checks.member(c);
    if (!access.ok) return refuse(c, access);
    const voterId = voterIdSchema.safeParse(c.req.query('voterId'));
    if (!voterId.success)
      return jsonError(c, 400, 'invalid_request', 'voterId: must be 8–128 url-safe characters');
    const current = await vote(access.forum.id, c.req.param('voteId'));
    if (!current) return jsonError(c, 404, 'vote_not_found', 'No such vote.');
    return c.json(
      await mine({
        current,
        voter: voterHash(access.forum.id, current.id, voterId.data),
      }),
    );
  });
}
