// Shared steps of the end-to-end tests: a real server, a forum, participants on a board.
import './hook';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer, type StartOptions } from '../support/server';

export interface BoardLinks {
  id: string;
  title: string;
  edit: { token: string; url: string };
  view: { token: string; url: string };
}

/** What POST /api/forums answers that these tests read. */
export interface CreatedForum {
  forum: { id: string };
  facilitator: { token: string };
  boards: (BoardLinks & { kind: string })[];
}

export interface ForumOptions {
  territories: string[];
  /** Boards from the seed's templates (the server's default) or blank (`false`). */
  templates?: boolean;
}

/** Creates a forum of the alliance through the HTTP API, as a facilitator's page would. */
export async function createForum(
  server: CartonServer,
  { territories, templates }: ForumOptions,
): Promise<CreatedForum> {
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Forum de l’Alliance pour la solidarité BSL',
      territories,
      templates,
    }),
  });
  if (response.status !== 201) throw new Error(`POST /api/forums → ${response.status}`);
  return (await response.json()) as CreatedForum;
}

export interface ForumRequest {
  /** Default `POST`. */
  method?: string;
  /** Sent as JSON; none if undefined. */
  body?: unknown;
  /** Default the forum's facilitator token. */
  token?: string;
}

/**
 * The plenary's projector as its facilitator opens it (1280 × 720, fr-CA, the facilitator's
 * link), the page's clock installed before it loads with `clock`; its context closed after `use`.
 */
export async function onProjector(
  browser: Browser,
  server: CartonServer,
  forum: CreatedForum,
  { clock = false }: { clock?: boolean },
  use: (page: Page, plenary: CreatedForum['boards'][number]) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'fr-CA',
  });
  const page = await context.newPage();
  try {
    if (clock) await page.clock.install();
    const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
    await page.goto(`${server.url}/p/${plenary.id}#token=${forum.facilitator.token}`);
    await use(page, plenary);
  } finally {
    await context.close();
  }
}
/** A request to the forum's API (`/api/forums/:id` + `path`), as its facilitator by default. */
export function forumRequest(
  server: CartonServer,
  forum: CreatedForum,
  path: string,
  { method = 'POST', body, token = forum.facilitator.token }: ForumRequest = {},
): Promise<Response> {
  return fetch(`${server.url}/api/forums/${forum.forum.id}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The forum's (first) territory board. */
export function territoryBoard(forum: CreatedForum): BoardLinks {
  const board = forum.boards.find((b) => b.kind === 'territory');
  if (!board) throw new Error('no territory board in the forum');
  return board;
}

export async function createTerritoryBoard(
  server: CartonServer,
  territory = 'Témiscouata',
): Promise<BoardLinks> {
  // These tests count the shapes they draw: start from a blank board, not the seed template.
  return territoryBoard(await createForum(server, { territories: [territory], templates: false }));
}

/** Opens a board link and waits until the page says it is connected and synced. */
export async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
    timeout: 15_000,
  });
}

export function shapes(page: Page): Promise<Shape[]> {
  return page.evaluate(() => window.__carton?.shapes() ?? []);
}

/**
 * Waits until the page's board satisfies `predicate`, source text of a function of the shapes.
 * The function is built here in Node and handed to Playwright as a function (sent over the
 * DevTools protocol): the page itself never evaluates a string, as its CSP forbids eval.
 */
export async function waitForShapes(
  page: Page,
  predicate: string,
  timeout = 10_000,
): Promise<Shape[]> {
  const check = new Function(
    `return (${predicate})(window.__carton?.shapes() ?? []);`,
  ) as () => boolean;
  await page.waitForFunction(check, undefined, { timeout });
  return shapes(page);
}

/** Screen position of a world point on this page (its camera may differ from another page's). */
export function toScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([wx, wy]) => window.__carton!.worldToScreen(wx!, wy!), [x, y]);
}

/**
 * Adds a note at the screen point (x, y) with the note tool, writes `text` in it and waits until
 * the board holds it; resolves with its id. The caller brings the page to the front if needed.
 */
/**
 * Until the camera stands still (two reads 150 ms apart agree): a glide (a note opened for
 * writing on a phone, a phone turned) moves it over a few frames, longer on a busy machine, and
 * a position read meanwhile is neither where it was nor where it goes.
 */
export async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { x, y, zoom } = window.__carton!.camera();
      const key = `${x} ${y} ${zoom}`;
      const seen = window as unknown as { cartonCamera?: string };
      const same = seen.cartonCamera === key;
      seen.cartonCamera = key;
      return same;
    },
    null,
    { polling: 150, timeout: 5_000 },
  );
}

const ARROW_KEY_CODES = { ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40 } as const;
const MODIFIER_BITS: Record<string, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

/**
 * Presses arrows (`ArrowRight`, `Shift+ArrowDown`, `Alt+Shift+ArrowRight`…) as one quick burst,
 * as a person tapping a key does: every key event is handed to Chromium before the first is
 * answered, in order. One `keyboard.press` after another waits a round trip each, and on a
 * loaded machine those waits can pass the board's rest between bursts (BURST_REST_MS, 800 ms,
 * apps/web/src/board/keyboardMoves.ts), making two undo steps of what a person does as one.
 */
export async function pressArrowsAtOnce(page: Page, combos: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  for (const combo of combos) {
    const parts = combo.split('+');
    const key = parts.pop() as keyof typeof ARROW_KEY_CODES;
    const code = ARROW_KEY_CODES[key];
    if (code === undefined) throw new Error(`not an arrow: ${combo}`);
    const modifiers = parts.reduce((bits, name) => bits | (MODIFIER_BITS[name] ?? 0), 0);
    const event = { key, code: key, windowsVirtualKeyCode: code, modifiers };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }));
  }
  await Promise.all(sent);
  await cdp.detach();
}

export async function addNote(page: Page, x: number, y: number, text: string): Promise<string> {
  const before = new Set((await shapes(page)).map((s) => s.id));
  await page.keyboard.press('n');
  await page.mouse.click(x, y);
  const list = await waitForShapes(page, `(s) => s.length === ${before.size + 1}`);
  const note = list.find((s) => !before.has(s.id));
  if (note?.type !== 'note') throw new Error('no new note');
  const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
  await page.mouse.dblclick(centre.x, centre.y);
  await page.locator('textarea.text-editor').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await waitForShapes(
    page,
    `(s) => s.some((x) => x.id === ${JSON.stringify(note.id)} && x.text === ${JSON.stringify(text)})`,
  );
  return note.id;
}

/** What `newParticipant` takes besides the name: viewport, locale, touch. */
type ParticipantOptions = NonNullable<Parameters<typeof newParticipant>[2]>;

/** One participant of a suite: display name, browser options, and the link it opens. */
export interface SuiteParticipant extends ParticipantOptions {
  name: string;
  /** The board link opened in `beforeAll` (default `edit`); `false` leaves the page blank. */
  opens?: 'edit' | 'view' | false;
}

export interface BoardSuiteOptions<P extends string> {
  /** The territory board to create (default: createTerritoryBoard's); `null` for none. */
  territory?: string | null;
  /**
   * Participants by handle (`a`, `editor`…), a name or a SuiteParticipant. All are created in
   * this order, then each opens its link in the same order.
   */
  participants?: Record<P, string | SuiteParticipant>;
  server?: StartOptions;
}

/** What a suite's tests use; read it inside hooks and tests, once `beforeAll` has run. */
export type BoardSuite<P extends string> = {
  readonly server: CartonServer;
  readonly browser: Browser;
  readonly board: BoardLinks;
} & { readonly [K in P]: Participant };

/** The built server and Chromium of a suite; read them inside hooks and tests. */
export interface ServerAndBrowser {
  readonly server: CartonServer;
  readonly browser: Browser;
}

/**
 * Registers the `beforeAll`/`afterAll` every end-to-end suite shares: the built server started
 * and Chromium launched; Chromium closed, then the server. The suite's own `beforeAll` hooks,
 * registered after this call, run after it (and its `afterAll` hooks before the teardown).
 */
export function serverAndBrowser(options?: StartOptions): ServerAndBrowser {
  let server: CartonServer | undefined;
  let browser: Browser | undefined;

  // Both at once: neither needs the other until a page opens a link (each ~0.2–0.5 s, paid by
  // every file). Each is kept as soon as it is up, so a failed start still closes the other.
  beforeAll(async () => {
    await Promise.all([
      startServer(options).then((started) => (server = started)),
      launchBrowser().then((launched) => (browser = launched)),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  return {
    get server() {
      if (server === undefined) throw new Error('no server (read before beforeAll?)');
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error('no browser (read before beforeAll?)');
      return browser;
    },
  };
}

/**
 * Registers, on top of serverAndBrowser's hooks, what most end-to-end suites share: the server, Chromium,
 * a territory board, and participants opened on it. The suite's own `beforeAll` hooks,
 * registered after this call, run after it (and its `afterAll` hooks before the teardown).
 */
export function boardSuite<P extends string = never>(
  options: BoardSuiteOptions<P> = {},
): BoardSuite<P> {
  const base = serverAndBrowser(options.server);
  let board: BoardLinks | undefined;
  const participants = new Map<string, Participant>();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`boardSuite: no ${what} (read before beforeAll?)`);
    return value;
  };
  const specs = Object.entries<string | SuiteParticipant>(options.participants ?? {}).map(
    ([handle, spec]) => [handle, typeof spec === 'string' ? { name: spec } : spec] as const,
  );

  // Registered after serverAndBrowser's hooks: runs once both are up.
  beforeAll(async () => {
    if (options.territory !== null) {
      board = await createTerritoryBoard(base.server, options.territory);
    }
    for (const [handle, { name, opens: _opens, ...browserOptions }] of specs) {
      participants.set(handle, await newParticipant(base.browser, name, browserOptions));
    }
    for (const [handle, { opens = 'edit' }] of specs) {
      if (opens) await openBoard(participants.get(handle)!.page, ready(board, 'board')[opens].url);
    }
  });

  return suiteView<P>(
    base,
    specs.map(([handle]) => handle),
    () => ready(board, 'board'),
    (handle) => ready(participants.get(handle), handle),
  );
}

/**
 * What a suite's tests read: the server and Chromium of `base`, a board, and each participant by
 * handle, all read when used (once the suite's `beforeAll` has made them).
 */
export function suiteView<P extends string>(
  base: ServerAndBrowser,
  handles: readonly string[],
  board: () => BoardLinks,
  participant: (handle: string) => Participant,
): BoardSuite<P> {
  const suite = {
    get server() {
      return base.server;
    },
    get browser() {
      return base.browser;
    },
    get board() {
      return board();
    },
  };
  for (const handle of handles) {
    if (handle in suite) throw new Error(`"${handle}" is not a participant handle`);
    Object.defineProperty(suite, handle, { get: () => participant(handle) });
  }
  return suite as BoardSuite<P>;
}

export interface Point {
  x: number;
  y: number;
}

/*
 * A finger's drag sent through CDP (`Input.dispatchTouchEvent`: touchStart, quick touchMoves,
 * touchEnd), then at once a tap on the toolbar (`locator.tap()`, `page.touchscreen.tap`): the tap
 * sends pointerdown/pointerup/touchend but Chromium synthesizes no click, so the tool stays as it
 * was. It is Chromium's synthetic touch, not Carton (checked 27 Nov, Chromium of Debian 12):
 * - a page with no script at all (a `touch-action: none` div over the screen and a <button>)
 *   loses the same tap after the same drag; with `touch-action: auto` it does not;
 * - on Carton's board no handler calls preventDefault on the tap, nothing is left captured
 *   (lostpointercapture comes with the drag's pointerup), and the second tap is taken;
 * - the tap is taken if the finger lifts at rest (the last touchMoves repeat the end point over a
 *   couple of frames) or if two animation frames pass between the touchEnd and the tap; so the
 *   quick lift's speed likely starts a fling, and Chromium drops a tap that stops a fling.
 * So: end a synthetic drag at rest, or await two frames
 * (`page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))`)
 * before tapping a button; not a fixed sleep. Never checked on a real phone.
 */

/** Presses at `from`, moves to `to` in `steps` even steps, releases: a drag by mouse. */
export async function drag(page: Page, from: Point, to: Point, steps = 10): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      from.x + ((to.x - from.x) * i) / steps,
      from.y + ((to.y - from.y) * i) / steps,
    );
  }
  await page.mouse.up();
}

/**
 * A phone (390 × 844, touch, mobile) with a remembered name: newParticipant has no `isMobile`,
 * which the phone layout's tests need.
 */
export async function newPhone(
  browser: Browser,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'fr-CA',
    hasTouch: true,
    isMobile: true,
  });
  await context.addInitScript((n) => localStorage.setItem('carton.name', n), name);
  const page = await context.newPage();
  return { context, page };
}

/** A phone held sideways (844 × 390, touch, mobile): a SuiteParticipant's device. */
export const SIDEWAYS_PHONE = {
  viewport: { width: 844, height: 390 },
  hasTouch: true,
  isMobile: true,
} as const;

/** An upright phone's screen (390 × 844). */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A participant named `name` on an upright phone, on a new forum's `territory` board with its
 * template carton (fitted to the screen), and the screen point at `(fx, fy)` of that carton's box
 * (by default inside it, clear of its headings).
 */
export async function phoneOnCarton(
  suite: ServerAndBrowser,
  territory: string,
  name: string,
  { fx = 0.3, fy = 0.55 }: { fx?: number; fy?: number } = {},
): Promise<{ page: Page; at: Point }> {
  const board = territoryBoard(
    await createForum(suite.server, { territories: [territory], templates: true }),
  );
  const { page } = await newParticipant(suite.browser, name, {
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
  });
  await openBoard(page, board.edit.url);
  const carton = (await shapes(page)).find((s) => s.type === 'carton');
  if (carton?.type !== 'carton') throw new Error('the territory board has a carton');
  const at = await toScreen(page, carton.x + carton.w * fx, carton.y + carton.h * fy);
  return { page, at };
}

/**
 * A dot vote (« Les incontournables de l’Alliance au Témiscouata », 3 dots) opened on a new
 * forum's Témiscouata board, and `name`'s phone (newPhone) not yet on it; the test closes it.
 */
export async function phoneForVote(
  suite: ServerAndBrowser,
  name: string,
): Promise<{ board: BoardLinks; context: BrowserContext; page: Page }> {
  const forum = await createForum(suite.server, { territories: ['Témiscouata'] });
  const board = territoryBoard(forum);
  const opened = await forumRequest(suite.server, forum, '/votes', {
    body: {
      title: 'Les incontournables de l’Alliance au Témiscouata',
      boardIds: [board.id],
      dotsPerParticipant: 3,
    },
  });
  expect(opened.status).toBe(201);
  return { board, ...(await newPhone(suite.browser, name)) };
}

export interface DrawnJpeg {
  width: number;
  height: number;
  /** The whole picture's colour. */
  fill: string;
  /** A band down its left edge, `width` px of `fill`. */
  edge?: { width: number; fill: string };
  quality: number;
}

/**
 * A JPEG drawn by the page's own canvas (a real encoder), as a phone's camera would give it;
 * brought back as base64, so that a 12 MP photo's bytes are not a JSON array.
 */
export async function drawnJpeg(page: Page, jpeg: DrawnJpeg): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height, fill, edge, quality }) => {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, width, height);
    if (edge) {
      ctx.fillStyle = edge.fill;
      ctx.fillRect(0, 0, edge.width, height);
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, jpeg);
  return Buffer.from(base64, 'base64');
}

/** How many of the elements `selector` show at their centre (none: all covered or hidden). */
export function shownAtCentre(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll(
    (all) =>
      all.filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (e === hit || e.contains(hit));
      }).length,
  );
}
