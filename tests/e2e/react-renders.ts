// How often React renders one component of a page again, watched through the hook its developer
// tools use (__REACT_DEVTOOLS_GLOBAL_HOOK__): at each commit, the component owning the watched
// element in the tree just committed is compared with the one of the commit before.
import type { Page } from 'playwright-core';

export interface RenderWatch {
  /** The element whose component is watched (its nearest function, memo or forwardRef owner). */
  selector: string;
  /**
   * The props whose change is a render (a memo'd component given a new one), or null: a render
   * is a new first hook. A function component rendered makes new hook objects: its fiber's first
   * hook (memoizedState) is a new object; skipped (memo), the fiber keeps the one it had.
   */
  props: string[] | null;
}

/**
 * In the page before React loads (`context.addInitScript(watchRenders, watch)`): counts the
 * commits that rendered the watched component again, in `window.renderWatch`.
 */
export function watchRenders(watch: RenderWatch): void {
  type Fiber = {
    return: Fiber | null;
    alternate: Fiber | null;
    tag: number;
    memoizedState: unknown;
    memoizedProps: Record<string, unknown> | null;
  };
  const state = { selector: watch.selector, props: watch.props, renders: 0, last: null as unknown };
  (window as unknown as { renderWatch: typeof state }).renderWatch = state;
  // React's fiber tags: FunctionComponent 0, ForwardRef 11, MemoComponent 14, SimpleMemo 15.
  const COMPONENTS = new Set([0, 11, 14, 15]);
  const watched = (root: { current: Fiber }): Fiber | null => {
    const el = state.selector ? document.querySelector(state.selector) : null;
    if (!el) return null;
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
    const fiber = key ? (el as unknown as Record<string, Fiber>)[key]! : null;
    // Of the fiber and its alternate, the one in the tree just committed.
    for (const candidate of [fiber, fiber?.alternate ?? null]) {
      let up = candidate;
      while (up?.return) up = up.return;
      if (!candidate || up !== root.current) continue;
      let owner = candidate.return;
      while (owner && !COMPONENTS.has(owner.tag)) owner = owner.return;
      return owner;
    }
    return null;
  };
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      const owner = watched(root);
      if (state.props === null) {
        const hooks = owner?.memoizedState ?? null;
        if (hooks && state.last && hooks !== state.last) state.renders += 1;
        state.last = hooks;
      } else {
        const props = owner?.memoizedProps ?? null;
        const was = state.last as typeof props;
        if (props && was && state.props.some((name) => props[name] !== was[name])) {
          state.renders += 1;
        }
        state.last = props;
      }
    },
  };
}

/** The renders counted so far in `page` (watchRenders). */
export function rendersSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { renderWatch: { renders: number } }).renderWatch.renders,
  );
}

/** Watches from now the component of the element `selector` finds in `page`. */
export async function watchSelector(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => {
    (window as unknown as { renderWatch: { selector: string } }).renderWatch.selector = s;
  }, selector);
}
