// A board's title in a phone's header names its board. Every territory board of a forum starts
// alike (« Conditions de succès — Kamouraska », « … — La Mitis »); cut at its end, the title read
// « Conditions de succès… » at 320 px and « Conditions de succès — Kamou… » at 390, the same on
// every board: the part that says which board this is was the part cut. The territory is now
// drawn whole, the shared words before it cut (« Conditions d… — Kamouraska »); the plenary's
// title keeps its first word, « Plénière ». At 320 × 568 and 390 × 844, at 100 and 200 % text,
// in French and in English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { createForum, openBoard, serverAndBrowser } from './fixtures';

const SHOTS = join(REPO_ROOT, 'test-results/screenshots');

const SIZES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
] as const;
const ZOOMS = [1, 2] as const;
const LOCALES = ['fr-CA', 'en-US'] as const;

/** Where `from`–`to` of the title's text ends, and where the title's drawn text may end. */
function drawn(page: Page): Promise<{
  text: string;
  inner: number;
  ellipsis: number;
  territoryEnd: number | null;
  territoryStart: number | null;
  firstWordEnd: number;
  headVisible: number;
}> {
  return page.locator('.editor-header .board-title').evaluate((title) => {
    const style = getComputedStyle(title);
    const inner =
      title.getBoundingClientRect().right -
      parseFloat(style.paddingRight) -
      parseFloat(style.borderRightWidth);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = style.font;
    const texts: Text[] = [];
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    const last = texts[texts.length - 1]!;
    const word = / — (.+)$/u.exec(last.data);
    const range = document.createRange();
    let territoryEnd: number | null = null;
    let territoryStart: number | null = null;
    if (word) {
      range.setStart(last, word.index + 3);
      range.setEnd(last, last.length);
      territoryStart = range.getBoundingClientRect().left;
      territoryEnd = range.getBoundingClientRect().right;
    }
    const first = texts[0]!;
    range.setStart(first, 0);
    range.setEnd(first, first.data.indexOf(' '));
    // The title's beginning shows where its box (the head's, when split) is not cut before it.
    const head = title.querySelector('.title-head') ?? title;
    const headStyle = getComputedStyle(head);
    const headRight =
      head.getBoundingClientRect().right -
      parseFloat(headStyle.paddingRight) -
      parseFloat(headStyle.borderRightWidth);
    return {
      text: title.textContent ?? '',
      inner,
      ellipsis: canvas.measureText('…').width,
      territoryEnd,
      territoryStart,
      firstWordEnd: range.getBoundingClientRect().right,
      headVisible: headRight - head.getBoundingClientRect().left,
    };
  });
}

const opened: Participant[] = [];
afterAll(async () => {
  for (const participant of opened) await participant.context.close();
});

describe('a board’s title on a phone', () => {
  const suite = serverAndBrowser();

  for (const locale of LOCALES) {
    it(`shows the territory whole, and the plenary’s first word (${locale})`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const forum = await createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] });
      const kamouraska = forum.boards.find((b) => b.title.endsWith('Kamouraska'))!;
      const plenary = forum.boards.find((b) => b.kind === 'plenary')!;
      for (const size of SIZES) {
        for (const zoom of ZOOMS) {
          const where = `${size.width} × ${size.height} at ${zoom * 100} %`;
          const participant = await newParticipant(suite.browser, 'Maëlle', {
            viewport: { width: size.width / zoom, height: Math.floor(size.height / zoom) },
            locale,
            hasTouch: true,
            isMobile: true,
          });
          opened.push(participant);
          const { page } = participant;
          await openBoard(page, kamouraska.edit.url);
          await page.screenshot({
            path: join(SHOTS, `title-territory-${size.width}-${zoom * 100}-${locale}.png`),
            clip: { x: 0, y: 0, width: size.width / zoom, height: 140 / zoom },
          });
          const board = await drawn(page);
          // The heading's words are the whole title (a screen reader, a search).
          expect(board.text, where).toBe('Conditions de succès — Kamouraska');
          // « Kamouraska » drawn whole, inside the title's box, with something of what precedes.
          expect(board.territoryEnd!, where).toBeLessThanOrEqual(board.inner + 0.5);
          expect(board.headVisible, where).toBeGreaterThan(board.ellipsis);
          await openBoard(page, plenary.edit.url);
          const room = await drawn(page);
          expect(room.text, where).toBe('Plénière — Vision commune des conditions de succès');
          // « Plénière » drawn whole, before the ellipsis.
          expect(room.firstWordEnd, where).toBeLessThanOrEqual(room.inner - room.ellipsis + 0.5);
          await participant.context.close();
        }
      }
    });
  }
});
