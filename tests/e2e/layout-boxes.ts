// Page geometry for the layout tests (header, panels, plenary): the boxes of what a selector
// matches, which of them overlap, leave the screen, or how many rows they lie in.
import type { Page } from 'playwright-core';

export interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of what `selector` matches (hidden ones left out), named by class and text. */
export async function boxes(page: Page, selector: string): Promise<Box[]> {
  const [list] = await boxesAtOnce(page, selector);
  return list;
}

/**
 * The boxes of what each selector matches, all read from one layout of the page. Two `boxes()`
 * one after the other can straddle a frame: the forum's timer came into its kit between the two
 * reads of header-phone's « ? » and the people pill, the pill moved down at that frame and « ? »
 * with it, and the test compared « ? » from before with the pill from after (an overlap no frame
 * ever drew).
 */
export function boxesAtOnce<const S extends readonly string[]>(
  page: Page,
  ...selectors: S
): Promise<{ [K in keyof S]: Box[] }> {
  const read: Promise<Box[][]> = page.evaluate(
    (all) =>
      all.map((selector) =>
        [...document.querySelectorAll(selector)].flatMap((el) => {
          const r = el.getBoundingClientRect();
          if (r.width < 2 || r.height < 2) return [];
          const name = `${el.className || el.tagName} «${(el.textContent ?? '').slice(0, 24)}»`;
          return [{ name, left: r.left, top: r.top, right: r.right, bottom: r.bottom }];
        }),
      ),
    [...selectors],
  );
  return read as Promise<{ [K in keyof S]: Box[] }>;
}

function meet(a: Box, b: Box): boolean {
  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return x > 0.5 && y > 0.5;
}

/** Pairs of boxes in one list that overlap (by more than half a pixel), as readable names. */
export function overlaps(list: readonly Box[]): string[] {
  const found: string[] = [];
  list.forEach((a, i) =>
    list.slice(i + 1).forEach((b) => {
      if (meet(a, b)) found.push(`${a.name} × ${b.name}`);
    }),
  );
  return found;
}

/** Pairs, one box from each list, that overlap. */
export function overlapsBetween(a: readonly Box[], b: readonly Box[]): string[] {
  return a.flatMap((x) => b.filter((y) => meet(x, y)).map((y) => `${x.name} × ${y.name}`));
}

/** The boxes past the screen's left, top or right edge (or its bottom, given a height). */
export function offScreen(list: readonly Box[], width: number, height = Infinity): string[] {
  return list
    .filter(
      (b) => b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5,
    )
    .map((b) => b.name);
}

/** How many rows the boxes lie in: their middles more than 20 px apart start a new row. */
export function rowsOf(list: readonly Box[]): number {
  const middles = list.map((b) => (b.top + b.bottom) / 2).sort((a, b) => a - b);
  return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 20).length;
}
