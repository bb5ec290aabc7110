// Undo is per person: A's undo removes A's last note and leaves B's note alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createTerritoryBoard, openBoard, shapes, waitForShapes } from './fixtures';

describe('undo per participant', () => {
  let server: CartonServer;
  let browser: Browser;
  let a: Participant;
  let b: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const board = await createTerritoryBoard(server, 'La Mitis');
    a = await newParticipant(browser, 'Émilie');
    b = await newParticipant(browser, 'Pierre');
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("A's undo removes A's last note and leaves B's note alone", async () => {
    await a.page.bringToFront();
    await a.page.keyboard.press('n');
    await a.page.mouse.click(300, 300);
    await waitForShapes(b.page, '(s) => s.filter((x) => x.type === "note").length === 1');

    await b.page.bringToFront();
    await b.page.keyboard.press('n');
    await b.page.mouse.click(700, 300);
    const both = await waitForShapes(
      a.page,
      '(s) => s.filter((x) => x.type === "note").length === 2',
    );
    const mine = both.find((s) => s.x < 500);
    const theirs = both.find((s) => s.x >= 500);
    expect(mine && theirs).toBeTruthy();

    // A moves its note (one drag = one undo step), then undoes twice: the drag, then the note.
    await a.page.bringToFront();
    await a.page.mouse.move(300, 300);
    await a.page.mouse.down();
    for (let i = 1; i <= 10; i++) await a.page.mouse.move(300 + i * 10, 300);
    await a.page.mouse.up();
    await waitForShapes(
      b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x + 100})`,
    );

    await a.page.keyboard.press('Control+z');
    await waitForShapes(
      b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x})`,
    );
    await a.page.keyboard.press('Control+z');
    const after = await waitForShapes(
      b.page,
      `(s) => !s.some((x) => x.id === ${JSON.stringify(mine!.id)})`,
    );
    expect(after.map((s) => s.id)).toEqual([theirs!.id]);

    // A third undo has nothing of A's left to undo: B's note stays.
    await a.page.keyboard.press('Control+z');
    await a.page.keyboard.press('Control+Shift+z');
    const redone = await waitForShapes(b.page, '(s) => s.length === 2');
    expect(redone.map((s) => s.id).sort()).toEqual([mine!.id, theirs!.id].sort());
    expect((await shapes(a.page)).length).toBe(2);
  });
});
