// Measures the board page's chrome and sets the stacks' variables (chromeStack.ts) on the root,
// again whenever a piece comes, goes or changes size (a banner opens, the toolbar wraps, a
// vote's question folds out, the window turns).
import { useLayoutEffect, type RefObject } from 'react';
import { BOTTOM_STACK, STACK_GAP, TOP_STACK, stackPlaces } from './chromeStack';

/** A piece's height; 0 when it is not there or not shown. */
function heightOf(selector: string): number {
  return document.querySelector(selector)?.getBoundingClientRect().height ?? 0;
}

/** Sets the stacks' variables for the editor that holds `inside`, for as long as it shows. */
export function useChromeStack(inside: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const editor = inside.current?.closest<HTMLElement>('.editor');
    if (!editor) return;
    const root = document.documentElement;
    const set = (offsets: Map<string, number>) => {
      for (const [variable, px] of offsets) root.style.setProperty(variable, `${Math.round(px)}px`);
    };
    const resizes = new ResizeObserver(() => update());
    const watched = new Set<Element>();
    const watch = (element: Element | null) => {
      if (!element || watched.has(element)) return;
      watched.add(element);
      resizes.observe(element);
    };
    function update() {
      const page = editor!.getBoundingClientRect();
      const toolbar = editor!.querySelector(':scope > .toolbar');
      const header = editor!.querySelector(':scope > .editor-header');
      const kit = editor!.querySelector(':scope > .forum-kit');
      [toolbar, header, kit].forEach(watch);
      for (const { selector } of [...BOTTOM_STACK, ...TOP_STACK]) {
        watch(document.querySelector(selector));
      }
      // Without a toolbar (a view link) the bottom stack starts at the page's own margin.
      const bottomBase = toolbar ? page.bottom - toolbar.getBoundingClientRect().top : 4;
      const topBase =
        Math.max(
          header?.getBoundingClientRect().bottom ?? page.top,
          kit?.getBoundingClientRect().bottom ?? page.top,
        ) - page.top;
      const measured = (stack: readonly { variable: string; selector: string }[]) =>
        stack.map(({ variable, selector }) => ({ variable, size: heightOf(selector) }));
      const bottom = stackPlaces(bottomBase, measured(BOTTOM_STACK), STACK_GAP);
      set(bottom.offsets);
      set(stackPlaces(topBase, measured(TOP_STACK), STACK_GAP).offsets);
      // Where the top stack starts (the people list on the right starts there too) and how far
      // up the bottom one reaches (the people list ends before it).
      set(
        new Map([
          ['--stack-top', topBase + STACK_GAP],
          ['--stack-bottom-reach', bottom.reach],
        ]),
      );
    }
    update();
    // Banners come and go as children of the editor (the status notice, of the body).
    const arrivals = new MutationObserver(() => update());
    arrivals.observe(editor, { childList: true });
    arrivals.observe(document.body, { childList: true });
    window.addEventListener('resize', update);
    return () => {
      resizes.disconnect();
      arrivals.disconnect();
      window.removeEventListener('resize', update);
      for (const { variable } of [...BOTTOM_STACK, ...TOP_STACK]) {
        root.style.removeProperty(variable);
      }
      root.style.removeProperty('--stack-top');
      root.style.removeProperty('--stack-bottom-reach');
    };
  }, [inside]);
}
