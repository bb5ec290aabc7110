// One participant's editing gestures in the real client: marquee, duplicate, delete, resize
// with aspect kept, cartons that carry what is dropped in them, arrows that follow, and
// copy/paste to another board through the clipboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Shape } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import {
  createTerritoryBoard,
  drag,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';

const byId = (list: Shape[], id: string) => list.find((s) => s.id === id);

describe('editing gestures', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let other: BoardLinks;
  let a: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = await createTerritoryBoard(server, 'Rimouski-Neigette');
    other = await createTerritoryBoard(server, 'La Matanie');
    a = await newParticipant(browser, 'Émilie');
    await openBoard(a.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('marquee selects, Ctrl+D duplicates, Delete removes', async () => {
    const page = a.page;
    await page.keyboard.press('n');
    await page.mouse.click(300, 300);
    await page.keyboard.press('n');
    await page.mouse.click(600, 300);
    await waitForShapes(page, '(s) => s.length === 2');
    await page.keyboard.press('Escape');
    await drag(page, { x: 120, y: 120 }, { x: 760, y: 460 }, 8);
    expect(await page.evaluate(() => window.__carton!.selection().length)).toBe(2);
    await page.keyboard.press('Control+d');
    const four = await waitForShapes(page, '(s) => s.length === 4');
    const copies = await page.evaluate(() => window.__carton!.selection());
    expect(copies).toHaveLength(2);
    expect(four.filter((s) => copies.includes(s.id)).every((s) => s.type === 'note')).toBe(true);
    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 2');
  });

  it('resizing a note by its corner keeps it square', async () => {
    const page = a.page;
    const [note] = (await shapes(page)).filter((s) => s.x < 400);
    expect(note?.type).toBe('note');
    if (note?.type !== 'note') return;
    const centre = await toScreen(page, note.x + 100, note.y + 100);
    await page.mouse.click(centre.x, centre.y);
    const corner = await toScreen(page, note.x + note.w, note.y + note.h);
    await drag(page, corner, { x: corner.x + 100, y: corner.y + 30 }, 8);
    const after = await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(note.id)} && x.w !== 200)`,
    );
    const resized = byId(after, note.id);
    expect(resized?.type === 'note' && resized.w).toBeCloseTo(300, 0);
    expect(resized?.type === 'note' && resized.h).toBeCloseTo(300, 0);
    // One gesture, one undo step.
    await page.keyboard.press('Control+z');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(note.id)} && x.w === 200 && x.h === 200)`,
    );
  });

  it('a carton carries what is dropped in it, and lets go of what is dragged out', async () => {
    const page = a.page;
    await page.keyboard.press('c');
    await drag(page, { x: 800, y: 120 }, { x: 1240, y: 700 }, 8);
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('Rimouski-Neigette');
    await page.keyboard.press('Enter');
    const list = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "carton" && x.title === "Rimouski-Neigette")',
    );
    const carton = list.find((s) => s.type === 'carton')!;
    const note = list.find((s) => s.type === 'note' && s.x > 400)!;

    // Drop the note inside the carton.
    await drag(page, await toScreen(page, note.x + 100, note.y + 100), { x: 1020, y: 420 }, 8);
    await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(note.id)})?.parentId === ${JSON.stringify(carton.id)}`,
    );
    const inside = byId(await shapes(page), note.id)!;

    // Move the carton by its title band: the note moves with it.
    await drag(
      page,
      await toScreen(page, carton.x + 60, carton.y + 30),
      await toScreen(page, carton.x + 60, carton.y + 80),
      8,
    );
    const moved = await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(carton.id)})?.y > ${carton.y + 40}`,
    );
    // The drag may snap a few pixels to a neighbour's edge; the note follows by the same amount.
    const dy = byId(moved, carton.id)!.y - carton.y;
    expect(Math.abs(dy - 50)).toBeLessThanOrEqual(6);
    expect(byId(moved, note.id)?.y).toBeCloseTo(inside.y + dy, 6);
    // The carton is drawn under what it holds.
    const order = moved.map((s) => s.id);
    expect(order.indexOf(carton.id)).toBeLessThan(order.indexOf(note.id));

    // Drag the note out: it leaves the carton.
    await drag(page, await toScreen(page, inside.x + 100, inside.y + 150), { x: 500, y: 650 }, 8);
    await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(note.id)})?.parentId === null`,
    );
  });

  it('an arrow dropped on two notes follows them', async () => {
    const page = a.page;
    const notes = (await shapes(page)).filter((s) => s.type === 'note');
    const [n1, n2] = notes as [Shape & { w: number; h: number }, Shape & { w: number; h: number }];
    await page.keyboard.press('a');
    await drag(
      page,
      await toScreen(page, n1.x + n1.w / 2, n1.y + n1.h / 2),
      await toScreen(page, n2.x + n2.w / 2, n2.y + n2.h / 2),
      8,
    );
    const list = await waitForShapes(page, '(s) => s.some((x) => x.type === "arrow")');
    const arrow = list.find((s) => s.type === 'arrow');
    expect(
      arrow?.type === 'arrow' && [arrow.startBinding?.shapeId, arrow.endBinding?.shapeId],
    ).toEqual([n1.id, n2.id]);
    if (arrow?.type !== 'arrow') return;
    const endBefore = { x: arrow.x + arrow.end.x, y: arrow.y + arrow.end.y };
    await page.keyboard.press('Escape');
    await drag(
      page,
      await toScreen(page, n2.x + 20, n2.y + 20),
      await toScreen(page, n2.x + 20, n2.y + 140),
      8,
    );
    const after = await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(n2.id)})?.y === ${n2.y + 120}`,
    );
    const followed = byId(after, arrow.id);
    expect(followed?.type === 'arrow' && followed.y + followed.end.y).toBeCloseTo(
      endBefore.y + 120,
      0,
    );
  });

  it('copy on one board, paste on another (clipboard as JSON text)', async () => {
    const page = a.page;
    const note = (await shapes(page)).find((s) => s.type === 'note')!;
    await page.keyboard.press('Escape');
    await page.mouse.click(
      ...(Object.values(await toScreen(page, note.x + 30, note.y + 30)) as [number, number]),
    );
    await page.keyboard.press('Control+c');
    const second = await a.context.newPage();
    await openBoard(second, other.edit.url);
    await second.bringToFront();
    await second.mouse.click(640, 400);
    await second.keyboard.press('Control+v');
    const pasted = await waitForShapes(second, '(s) => s.length === 1');
    expect(pasted[0]?.type).toBe('note');
    expect(pasted[0]?.id).not.toBe(note.id);
    await second.close();
  });
});
