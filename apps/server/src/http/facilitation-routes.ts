import {
  applyTimer,
  ForumCommandError,
  MAX_WORDING_LENGTH,
  readCompilation,
  readSpotlight,
  SERVER_ORIGIN,
  setSpotlight,
  slugify,
  toCsv,
  toMarkdown,
  updateCompilation,
  type CompilationState,
} from '@carton/board';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { FACILITATION_LIMITS } from '../archive/facilitation.ts';
import { compilationTitle, compileForum, type DocReader } from '../facilitation/compile-forum.ts';
import { changeForumDoc } from '../facilitation/forum-doc.ts';
import type { AccessDenied } from '../forums/access.ts';
import { nameInput, plainTextInput } from '../forums/create-forum.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { parseBody } from './body.ts';
import { jsonError } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

const refuse = (c: Context, denied: AccessDenied) =>
  jsonError(c, denied.status, denied.code, denied.message);

const HOUR = 3_600_000;
const TimerInput = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('start'),
    durationMs: z
      .number()
      .int()
      .min(1_000)
      .max(24 * HOUR),
  }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({
    action: z.literal('add'),
    addMs: z
      .number()
      .int()
      .min(-4 * HOUR)
      .max(4 * HOUR),
  }),
  z.strictObject({ action: z.literal('stop') }),
]);
const SpotlightInput = z.strictObject({
  active: z.boolean(),
  boardId: z.string().max(64).nullable().optional(),
  // Who leads the spotlight, shown on every participant's screen: a name as in R24.
  by: nameInput(80).nullable().optional(),
});
const boardIdList = z.array(z.string().max(64)).max(100);
// C1's item keys are letters, digits and spaces: a key with a control character, a bidi control
// or a lone surrogate names no item, and would be kept in the forum document and its archive.
const itemKey = plainTextInput(500);
const CompilationInput = z.strictObject({
  boardIds: boardIdList.optional(),
  merges: z.record(itemKey, itemKey.nullable()).optional(),
  // C7: itemKey → true (set aside) or false (put back).
  setAside: z.record(itemKey, z.boolean()).optional(),
  // C8: itemKey → the facilitator's words, one line of plain visible text as a name (R24);
  // null gives the idea its notes' words back.
  wordings: z.record(itemKey, nameInput(MAX_WORDING_LENGTH).nullable()).optional(),
  // C9: pair key (two item keys joined by `|`) → said different (true) or not any more (false).
  distinct: z.record(plainTextInput(1001), z.boolean()).optional(),
});

/**
 * Why the compilation after `change` would hold more than the forum archive takes back
 * (FACILITATION_LIMITS), or null. Kept beyond them, the forum's archive was refused whole on
 * import: the forum day's backup lost for a 5,001st pair said different. Only a change that
 * adds is refused.
 */
function overArchiveLimits(
  current: CompilationState | null,
  change: {
    merges?: Record<string, string | null>;
    setAside?: Record<string, boolean>;
    wordings?: Record<string, string | null>;
    distinct?: Record<string, boolean>;
  },
): string | null {
  const after = (
    kept: Iterable<string>,
    changed: Record<string, unknown> | undefined,
    keep: (key: string, value: unknown) => boolean,
  ) => {
    const keys = new Set(kept);
    const before = keys.size;
    for (const [key, value] of Object.entries(changed ?? {})) {
      if (keep(key, value)) keys.add(key);
      else keys.delete(key);
    }
    // A compilation past the limit already (written before it) may still shrink.
    return keys.size > before ? keys.size : 0;
  };
  const counts = [
    [
      'merges',
      after(
        Object.keys(current?.merges ?? {}),
        change.merges,
        (key, to) => to !== null && to !== key,
      ),
      FACILITATION_LIMITS.maxMerges,
    ],
    [
      'setAside',
      after(current?.setAside ?? [], change.setAside, (_, on) => on === true),
      FACILITATION_LIMITS.maxSetAside,
    ],
    [
      'wordings',
      after(
        Object.keys(current?.wordings ?? {}),
        change.wordings,
        (_, words) => typeof words === 'string' && words.trim() !== '',
      ),
      FACILITATION_LIMITS.maxWordings,
    ],
    [
      'distinct',
      after(current?.distinct ?? [], change.distinct, (_, on) => on === true),
      FACILITATION_LIMITS.maxDistinct,
    ],
  ] as const;
  for (const [field, count, max] of counts) {
    if (count > max)
      return `${field}: a compilation keeps at most ${max} (the forum archive takes no more)`;
  }
  return null;
}

export const unavailable = (c: Context) =>
  jsonError(c, 503, 'forum_unavailable', 'The forum document could not be loaded; try again.');

/** F3: timer and spotlight; C6: compilation. Facilitator token only (403 otherwise). */
export function registerFacilitationRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  const readDoc: DocReader = (roomId, read) => deps.relay.withBoardDoc(roomId, read);

  app.post('/api/forums/:id/timer', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const input = await parseBody(c, TimerInput);
    if (!input.ok) return input.response;
    try {
      const done = await changeForumDoc(deps.relay, access.forum.id, (doc) =>
        applyTimer(doc, input.data, Date.now(), SERVER_ORIGIN),
      );
      if (!done) return unavailable(c);
      return c.json({ timer: done.value, now: Date.now() });
    } catch (error) {
      if (error instanceof ForumCommandError) return jsonError(c, 409, error.code, error.message);
      throw error;
    }
  });

  app.post('/api/forums/:id/spotlight', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const input = await parseBody(c, SpotlightInput);
    if (!input.ok) return input.response;
    const boardId = input.data.boardId ?? null;
    if (input.data.active) {
      const board = boardId ? await deps.forums.getBoard(boardId) : null;
      if (!board || board.forumId !== access.forum.id) {
        return jsonError(c, 400, 'invalid_request', 'boardId: must be a board of this forum');
      }
    }
    const done = await changeForumDoc(deps.relay, access.forum.id, (doc) => {
      setSpotlight(
        doc,
        { active: input.data.active, boardId, by: input.data.by ?? null },
        SERVER_ORIGIN,
      );
      return readSpotlight(doc);
    });
    if (!done) return unavailable(c);
    return c.json({ spotlight: done.value });
  });

  const chosenBoards = (c: Context): string[] | undefined => {
    const raw = c.req.query('boards');
    return raw === undefined || raw === '' ? undefined : raw.split(',').slice(0, 100);
  };
  const compile = async (c: Context, forumId: string) =>
    compileForum(forumId, await deps.forums.listBoards(forumId), readDoc, chosenBoards(c));

  app.get('/api/forums/:id/compilation', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    return c.json(await compile(c, access.forum.id));
  });

  app.put('/api/forums/:id/compilation', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    const input = await parseBody(c, CompilationInput);
    if (!input.ok) return input.response;
    const forumId = access.forum.id;
    const own = new Set((await deps.forums.listBoards(forumId)).map((board) => board.id));
    const boardIds = input.data.boardIds?.filter((id) => own.has(id));
    const change = {
      boardIds,
      merges: input.data.merges,
      setAside: input.data.setAside,
      wordings: input.data.wordings,
      distinct: input.data.distinct,
    };
    // Alone among the processes (R63): each checked its own doc, and two could pass at once.
    const done = await changeForumDoc(
      deps.relay,
      forumId,
      (doc) => {
        const over = overArchiveLimits(readCompilation(doc), change);
        if (over) return over;
        // Each change a newer updatedAt (C6), even within one millisecond or on a slower clock:
        // a page holding one version reads the next.
        const before = readCompilation(doc)?.updatedAt ?? 0;
        updateCompilation(doc, change, Math.max(Date.now(), before + 1), SERVER_ORIGIN);
        return null;
      },
      { alone: true },
    );
    if (!done) return unavailable(c);
    if (done.value) return jsonError(c, 400, 'invalid_request', done.value);
    return c.json(await compileForum(forumId, await deps.forums.listBoards(forumId), readDoc));
  });

  for (const format of ['md', 'csv'] as const) {
    app.get(`/api/forums/:id/compilation.${format}`, async (c) => {
      const access = await checks.forum(c);
      if (!access.ok) return refuse(c, access);
      const { items } = await compile(c, access.forum.id);
      // ?lang=en: written in English for a facilitator page shown in English.
      const language = c.req.query('lang') === 'en' ? 'en' : 'fr-CA';
      const stem = language === 'en' ? 'must-haves' : 'incontournables';
      const name = `${stem}-${slugify(access.forum.title, 'forum')}.${format}`;
      c.header(
        'Content-Disposition',
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      c.header('Cache-Control', 'no-store');
      if (format === 'md') {
        c.header('Content-Type', 'text/markdown; charset=utf-8');
        return c.body(toMarkdown(items, compilationTitle(access.forum.title, language), language));
      }
      c.header('Content-Type', 'text/csv; charset=utf-8');
      // A BOM, so spreadsheet software reads the accents as UTF-8.
      return c.body('\uFEFF' + toCsv(items, language));
    });
  }
}
