// Shared steps of the end-to-end tests: a real server, a forum, participants on a board.
import './hook';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import type { CartonServer } from '../support/server';

export interface BoardLinks {
  id: string;
  title: string;
  edit: { token: string; url: string };
  view: { token: string; url: string };
}

export async function createTerritoryBoard(
  server: CartonServer,
  territory = 'Témiscouata',
): Promise<BoardLinks> {
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Forum de l’Alliance pour la solidarité BSL',
      territories: [territory],
      // These tests count the shapes they draw: start from a blank board, not the seed template.
      templates: false,
    }),
  });
  if (response.status !== 201) throw new Error(`POST /api/forums → ${response.status}`);
  const body = (await response.json()) as { boards: (BoardLinks & { kind: string })[] };
  const board = body.boards.find((b) => b.kind === 'territory');
  if (!board) throw new Error('no territory board in the forum');
  return board;
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
