// Connecting two notes with an arrow without drawing it (WCAG 2.1.1; also easier with a finger):
// from the keyboard, the arrow tool's Enter on one note then Enter on another; on a phone, a tap
// on one then a tap on the other; with two notes chosen, « Relier » in their panel. The arrow is
// bound to both, for the other participant too. Once the start is chosen, a dashed mark around it
// and a caption say so (a finger that tapped a note otherwise saw nothing happen); Escape, another
// tool or a tap on the background drop it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import {
  addNote,
  boardSuite,
  newPhone,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';

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

describe('two notes connected by an arrow without drawing it', () => {
  const suite = boardSuite({
    territory: 'La Matapédia',
    participants: { a: 'Émilie', b: 'Marc' },
  });
  let logement = '';
  let transport = '';

  it('from the keyboard: the arrow tool, Enter on the start, Enter on the end', async () => {
    const { page } = suite.a;
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
    await openBoard(page, suite.board.edit.url);
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
