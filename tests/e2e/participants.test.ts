// A participant on a board, one server for all (each was its own file): the name asked once and
// remembered, French by default and English on request; a view link shown at once without a
// name, read-only whatever is typed or dragged there; the status when the server is gone, and
// the page reconnecting by itself (coming back online: back-online.test.ts); never losing a note
// offline, even through a reload (the app shell from the service worker, the board from
// IndexedDB, the role from the last visit); two notes connected by an arrow without drawing it
// (WCAG 2.1.1; also easier with a finger): from
// the keyboard, the arrow tool's Enter on one note then Enter on another; on a phone, a tap on
// one then a tap on the other; with two notes chosen, « Relier » in their panel — the arrow bound
// to both, for the other participant too; once the start is chosen, a dashed mark around it and
// a caption say so (a finger that tapped a note otherwise saw nothing happen), and Escape,
// another tool or a tap on the background drop it; and a facilitator's board that exports with
// the wifi gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import { newParticipant, type Participant } from '../support/browser';
import {
  addNote,
  boardSuite,
  createForum,
  createTerritoryBoard,
  newPhone,
  openBoard,
  shapes,
  territoryBoard,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';

const SHOTS = 'test-results/screenshots';

async function statusOf(page: Page): Promise<{ status: string; text: string; pending: number }> {
  const badge = page.locator('[data-testid="status"]');
  return {
    status: (await badge.getAttribute('data-status')) ?? '',
    text: (await badge.textContent()) ?? '',
    pending: Number(await badge.getAttribute('data-pending')),
  };
}

/** Starts recording every status the badge shows (read back with `recordedStatuses`). */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const badge = document.querySelector('[data-testid="status"]');
    const seen: string[] = [badge?.getAttribute('data-status') ?? ''];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const now = document.querySelector('[data-testid="status"]')?.getAttribute('data-status');
      if (now && now !== seen.at(-1)) seen.push(now);
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
}

function recordedStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __statuses: string[] }).__statuses]);
}

/** The texts of the notes written (the board's template has empty ones). */
const notes = (list: Shape[]) =>
  list
    .map((s) => (s.type === 'note' ? s.text : ''))
    .filter((text) => text !== '')
    .sort();

// Connecting notes: the arrow's start, its marks and caption, the selection's handles.
function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

/** The arrow bound from `from` to `to`, as `page` sees the board. */
function boundArrow(from: string, to: string): string {
  return `(s) => s.some((x) => x.type === "arrow" && x.startBinding?.shapeId === "${from}" && x.endBinding?.shapeId === "${to}")`;
}

interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The arrow start's marks drawn on the canvas (shown ones only), in the page's pixels. */
function startMarks(page: Page): Promise<ScreenRect[]> {
  return page.evaluate(() => {
    interface MarkNode {
      isVisible(): boolean;
      getClientRect(): ScreenRect;
    }
    interface StageNode {
      find(selector: string): MarkNode[];
      container(): HTMLElement;
    }
    const konva = (window as unknown as { Konva: { stages: StageNode[] } }).Konva;
    return konva.stages.flatMap((stage) => {
      // The stage overhangs the canvas (a margin for panning): its pixels start off-screen.
      const page = stage.container().getBoundingClientRect();
      return stage
        .find('.arrow-start-mark')
        .filter((node) => node.isVisible())
        .map((node) => {
          const r = node.getClientRect();
          return { ...r, x: r.x + page.left, y: r.y + page.top };
        });
    });
  });
}

/** One mark is drawn, around the screen point `p` (a note's centre). */
async function expectMarkAround(page: Page, p: { x: number; y: number }): Promise<void> {
  await expect.poll(() => startMarks(page).then((marks) => marks.length)).toBe(1);
  const [mark] = await startMarks(page);
  expect(mark!.x).toBeLessThan(p.x);
  expect(mark!.y).toBeLessThan(p.y);
  expect(mark!.x + mark!.width).toBeGreaterThan(p.x);
  expect(mark!.y + mark!.height).toBeGreaterThan(p.y);
}

/** The selection's resize and rotate handles shown on the canvas. */
function handleCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    interface StageNode {
      find(selector: string): { isVisible(): boolean }[];
    }
    const konva = (window as unknown as { Konva: { stages: StageNode[] } }).Konva;
    return konva.stages.flatMap((stage) =>
      stage.find('.selection-handle').filter((node) => node.isVisible()),
    ).length;
  });
}

function waitingCaption(page: Page) {
  return page.locator('[data-testid="waiting-caption"]');
}

async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const shape = (await shapes(page)).find((s: Shape) => s.id === id);
  if (shape?.type !== 'note') throw new Error(`no note ${id}`);
  return toScreen(page, shape.x + shape.w / 2, shape.y + shape.h / 2);
}

// Émilie edits and Pierre watches the suite's blank board; a visitor at the door (a tablet, no
// name given) opens its view link below.
const suite = boardSuite({
  territory: 'Kamouraska',
  participants: { a: 'Émilie', b: 'Pierre' },
});

describe('name and language', () => {
  it('asks the name once, remembers it, and switches to English and back', async () => {
    const { page, context } = await newParticipant(suite.browser, null);
    try {
      await page.goto(suite.board.edit.url);
      const dialog = page.getByRole('heading', {
        name: /Comment voulez-vous qu’on vous appelle/u,
      });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('\u202F?');
      // Where the QR code led, said before anything is asked.
      const joining = await page.getByTestId('name-prompt-board').textContent();
      expect(joining).toMatch(/^Vous rejoignez le tableau «\u00A0.*Kamouraska\u00A0»\.$/u);
      await page.getByLabel('Votre nom').fill('Nathalie');
      await page.getByRole('button', { name: 'Entrer' }).click();
      await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      await page.getByText('Nathalie (vous)').waitFor();

      await openBoard(page, suite.board.edit.url);
      await page.reload();
      await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
        timeout: 15_000,
      });
      expect(await page.getByRole('heading', { name: /Comment voulez-vous/u }).count()).toBe(0);
      expect(await page.locator('[data-testid="status"]').textContent()).toContain('connecté');

      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('[data-testid="status"]', { hasText: 'connected' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByText('Nathalie (you)').count()).toBe(1);
      await page.getByRole('button', { name: 'Français' }).click();
      await page.locator('[data-testid="status"]', { hasText: 'connecté' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('view link', () => {
  /** The tablet by the door: no name given on this device. */
  let door: Participant | undefined;
  afterAll(async () => {
    await door?.context.close();
  });

  it('shows the board without tools and ignores typing and dragging', async () => {
    const editor = suite.a.page;
    await editor.bringToFront();
    await editor.keyboard.press('n');
    await editor.mouse.click(400, 300);
    await waitForShapes(editor, '(s) => s.length === 1');

    door = await newParticipant(suite.browser, null, {
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    const viewer = door.page;
    await openBoard(viewer, suite.board.view.url);
    expect(await viewer.evaluate(() => window.__carton!.role())).toBe('view');
    const seen = await waitForShapes(viewer, '(s) => s.length === 1');
    expect(seen[0]?.type).toBe('note');
    expect(await viewer.locator('.toolbar').count()).toBe(0);
    expect(await viewer.getByText('Lecture seule').count()).toBe(1);
    const before = JSON.stringify(await shapes(editor));

    // Everything an editor would do: shortcuts, a click to place, a drag, typing, delete, undo.
    await viewer.bringToFront();
    const note = seen[0]!;
    const centre = await toScreen(viewer, note.x + 100, note.y + 100);
    await viewer.keyboard.press('n');
    await viewer.mouse.click(700, 500);
    await viewer.mouse.dblclick(centre.x, centre.y);
    await viewer.keyboard.type('Vandalisme');
    await viewer.mouse.move(centre.x, centre.y);
    await viewer.mouse.down();
    for (let i = 1; i <= 10; i++) await viewer.mouse.move(centre.x + i * 20, centre.y + i * 10);
    await viewer.mouse.up();
    await viewer.keyboard.press('Delete');
    await viewer.keyboard.press('Control+z');
    await viewer.keyboard.press('Control+d');
    expect(await viewer.locator('textarea').count()).toBe(0);

    // A barrier: a later edit reaches the viewer, so anything the viewer sent earlier has been
    // through the server by now.
    await editor.bringToFront();
    await editor.keyboard.press('n');
    await editor.mouse.click(900, 300);
    await waitForShapes(viewer, '(s) => s.length === 2');
    const after = await shapes(editor);
    expect(JSON.stringify(after.filter((s) => s.id === note.id))).toBe(
      JSON.stringify(JSON.parse(before)),
    );
    expect(after).toHaveLength(2);
    expect((await shapes(viewer)).find((s) => s.id === note.id)).toEqual(note);
  });

  it('shows a view link at once, without asking a name (a tablet by the door)', async () => {
    // The tablet above opened the view link with no name on the device.
    const page = door!.page;
    expect(await page.evaluate(() => window.__carton!.role())).toBe('view');
    expect(await page.getByRole('heading', { name: /Comment voulez-vous/u }).count()).toBe(0);
    // Others see it under the default name; nothing is remembered for a later edit link. (A view
    // link's people list starts folded: open it to read the name.)
    await page.locator('.people-toggle').click();
    await page.getByText('Personne invitée (vous)').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('carton.name'))).toBeNull();
  });
});

describe('connection status and reconnection', () => {
  it('shows « hors ligne », reconnects, and syncs a note made offline', async () => {
    // The board holds the view link's two notes: one more is expected.
    const before = new Set((await shapes(suite.a.page)).map((s) => s.id));
    await suite.server.kill('SIGTERM');
    await suite.a.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    expect(await suite.a.page.locator('[data-testid="status"]').textContent()).toContain(
      'hors ligne',
    );

    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('n');
    await suite.a.page.mouse.click(650, 560);
    const made = (await waitForShapes(suite.a.page, `(s) => s.length === ${before.size + 1}`)).find(
      (s) => !before.has(s.id),
    )!;

    await suite.server.restart();
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await suite.b.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    const seen = await waitForShapes(
      suite.b.page,
      `(s) => s.length === ${before.size + 1}`,
      20_000,
    );
    expect(seen.find((s) => s.id === made.id)?.type).toBe('note');
  });
});

describe('offline first', () => {
  // A blank board of its own, where Émilie and Pierre go next: only the notes written here.
  let board: BoardLinks;
  beforeAll(async () => {
    board = await createTerritoryBoard(suite.server, 'Les Basques');
    await openBoard(suite.a.page, board.edit.url);
    // The app shell is on the device once the service worker says so.
    await suite.a.page
      .locator('html[data-offline-ready="true"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await openBoard(suite.b.page, board.edit.url);
  });

  it('edits offline, reloads offline, and another participant sees every edit once online', async () => {
    await suite.a.page.bringToFront();
    await addNote(suite.a.page, 400, 300, 'Transport collectif');
    // The server confirms it (the count of unconfirmed changes drops to zero).
    await suite.a.page
      .locator('[data-testid="status"][data-pending="0"]')
      .waitFor({ timeout: 10_000 });
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Transport collectif')`,
    );

    await suite.a.context.setOffline(true);
    await suite.a.page.locator('[data-testid="status"][data-status="offline"]').waitFor();
    expect((await statusOf(suite.a.page)).text).toContain('hors ligne');
    expect((await statusOf(suite.a.page)).text).toContain('modifications gardées sur cet appareil');
    expect((await statusOf(suite.a.page)).pending).toBe(0);

    // Offline: a new note, and the first note's text changed.
    await addNote(suite.a.page, 700, 300, 'Logement abordable');
    const first = (await shapes(suite.a.page)).find(
      (s) => s.type === 'note' && s.text === 'Transport collectif',
    )!;
    const centre = await toScreen(suite.a.page, first.x + 100, first.y + 100);
    await suite.a.page.mouse.dblclick(centre.x, centre.y);
    await suite.a.page.locator('textarea.text-editor').waitFor();
    await suite.a.page.keyboard.press('End');
    await suite.a.page.keyboard.type(' en région');
    await suite.a.page.keyboard.press('Escape');
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Transport collectif en région')`,
    );
    const offline = await statusOf(suite.a.page);
    expect(offline.status).toBe('offline');
    expect(offline.pending).toBeGreaterThan(0);
    expect(offline.text).toMatch(/\d+\s+modifications? gardées? sur cet appareil/);
    await suite.a.page.screenshot({ path: `${SHOTS}/offline-editing.png` });
    const expected = notes(await shapes(suite.a.page));
    expect(expected).toEqual(['Logement abordable', 'Transport collectif en région']);

    // B has not seen any of it.
    expect(notes(await shapes(suite.b.page))).toEqual(['Transport collectif']);

    // Reload while still offline: the page, the role and the board come from this device.
    await suite.a.page.reload();
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'offline', null, {
      timeout: 15_000,
    });
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Logement abordable')`,
    );
    expect(notes(await shapes(suite.a.page))).toEqual(expected);
    expect(await suite.a.page.evaluate(() => window.__carton!.role())).toBe('edit');
    const reloaded = await statusOf(suite.a.page);
    expect(reloaded.pending).toBeGreaterThan(0);
    expect(reloaded.text).toContain('hors ligne');
    await suite.a.page.screenshot({ path: `${SHOTS}/offline-reloaded.png` });

    // Back online: everything goes out, the status says so, B sees every edit.
    await recordStatuses(suite.a.page);
    await suite.a.context.setOffline(false);
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    await suite.a.page
      .locator('[data-testid="status"][data-pending="0"]')
      .waitFor({ timeout: 10_000 });
    expect((await statusOf(suite.a.page)).text).toContain('connecté');
    // hors ligne → synchronisation en cours (until the server confirmed) → connecté.
    expect(await recordedStatuses(suite.a.page)).toEqual(['offline', 'syncing', 'connected']);
    const seen = await waitForShapes(
      suite.b.page,
      `(s) => ${JSON.stringify(expected)}.every((t) => s.some((x) => x.type === 'note' && x.text === t))`,
      20_000,
    );
    expect(notes(seen)).toEqual(expected);
    await suite.b.page.screenshot({ path: `${SHOTS}/offline-synced-other.png` });
  });
});

describe('two notes connected by an arrow without drawing it', () => {
  // A blank board of its own (the arrows choose notes in reading order: only these two), where
  // Émilie and Pierre go next.
  let board: BoardLinks;
  beforeAll(async () => {
    board = await createTerritoryBoard(suite.server, 'La Matapédia');
    await openBoard(suite.a.page, board.edit.url);
    await openBoard(suite.b.page, board.edit.url);
  });
  let logement = '';
  let transport = '';

  it('from the keyboard: the arrow tool, Enter on the start, Enter on the end', async () => {
    const { page } = suite.a;
    await page.bringToFront();
    logement = await addNote(page, 320, 320, 'Logement');
    transport = await addNote(page, 760, 320, 'Transport');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('arrow');
    // The arrows choose a note in reading order (left to right here).
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([logement]);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="announcer"]').innerText())
      .toMatch(/^Début de la flèche choisi/);
    // The start is marked on the board, and the caption says what comes next.
    await expectMarkAround(page, await centreOf(page, logement));
    expect(await waitingCaption(page).innerText()).toBe(
      'Départ choisi\u00a0: cliquez sur la forme à relier (Échap pour annuler)',
    );
    // Escape drops it: no mark, no caption, back to Select.
    await page.keyboard.press('Escape');
    await expect.poll(() => startMarks(page).then((marks) => marks.length)).toBe(0);
    expect(await waitingCaption(page).count()).toBe(0);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expectMarkAround(page, await centreOf(page, logement));
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([transport]);
    await page.keyboard.press('Enter');
    await waitForShapes(page, boundArrow(logement, transport));
    await waitForShapes(suite.b.page, boundArrow(logement, transport));
    // Drawn: the mark goes with the step it marked.
    expect(await startMarks(page)).toEqual([]);
    // One arrow, one undo step.
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => !s.some((x) => x.type === "arrow")');
  });

  it('with the mouse: two notes chosen, « Relier » draws it from the first to the second', async () => {
    const { page } = suite.a;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const a = await centreOf(page, transport);
    const b = await centreOf(page, logement);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    expect(await selection(page)).toEqual([transport, logement]);
    await page.getByRole('button', { name: 'Relier par une flèche' }).click();
    await waitForShapes(suite.b.page, boundArrow(transport, logement));
    // Only for two shapes: one chosen, no « Relier ».
    await page.mouse.click(a.x, a.y);
    expect(await page.getByRole('button', { name: 'Relier par une flèche' }).count()).toBe(0);
  });

  it('on a phone: the arrow tool, a tap on one note, a tap on the other', async () => {
    const { page, context } = await newPhone(suite.browser, 'Julie');
    await openBoard(page, board.edit.url);
    await page.locator('[data-tool="arrow"]').tap();
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('arrow');
    const from = await centreOf(page, logement);
    const to = await centreOf(page, transport);
    await page.touchscreen.tap(from.x, from.y);
    expect(await selection(page)).toEqual([logement]);
    await expectMarkAround(page, from);
    expect(await waitingCaption(page).innerText()).toBe(
      'Départ choisi\u00a0: touchez la forme à relier (touchez le fond pour annuler)',
    );
    // No handles on the start: the arrow tool does not resize, and a finger's big handles hid
    // a small note and its mark on a zoomed-out phone.
    expect(await handleCount(page)).toBe(0);
    // Another tool drops the start; back to the arrow, a first tap chooses it again.
    await page.locator('[data-tool="note"]').tap();
    expect(await startMarks(page)).toEqual([]);
    await page.locator('[data-tool="arrow"]').tap();
    await page.touchscreen.tap(from.x, from.y);
    await expectMarkAround(page, from);
    await page.touchscreen.tap(to.x, to.y);
    await waitForShapes(suite.a.page, boundArrow(logement, transport));
    // With Select in hand, a tapped note has its handles again.
    await page.locator('[data-tool="select"]').tap();
    await page.touchscreen.tap(from.x, from.y);
    await expect.poll(() => handleCount(page)).toBeGreaterThan(0);
    expect(await startMarks(page)).toEqual([]);
    expect(await waitingCaption(page).count()).toBe(0);
    await context.close();
  });
});

// A facilitator's laptop exports with the venue's wifi gone, though « Exporter / Importer » was
// never opened on it: its board fetched the export panel's chunk in the background once drawn
// (participants' phones do not). Before, the press offline said the panel could not be loaded.
describe('« Exporter » on a facilitator’s board once the wifi drops', () => {
  it('opens its dialog offline, never opened before on that device', async () => {
    const forum = await createForum(suite.server, { territories: ['La Matapédia'] });
    const board = territoryBoard(forum);
    const { context, page, errors } = await newParticipant(suite.browser, 'Geneviève Pelletier');
    try {
      await openBoard(page, `${suite.server.url}/b/${board.id}#token=${forum.facilitator.token}`);
      // The background fetch says when the chunk is on the device (a performance mark).
      await page.waitForFunction(
        () => performance.getEntriesByName('carton:prefetched:export').length > 0,
        null,
        { timeout: 30_000 },
      );
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Exporter / Importer' }).click();
      await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole('alert').filter({ hasText: 'pu être chargée' }).count()).toBe(0);
      expect(errors.filter((e) => /chunk|dynamically imported/iu.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
