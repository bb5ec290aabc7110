// Measures the board page's chrome and sets the stacks' variables (chromeStack.ts) on the root,
// again whenever a piece comes, goes or changes size (a banner opens, the toolbar wraps, a
// vote's question folds out, the window turns).
import { useLayoutEffect, type RefObject } from 'react';
import { tallPageHeight } from './boardBand';
import { BOTTOM_STACK, STACK_GAP, TOP_STACK, stackPlaces } from './chromeStack';

/** A piece's height; 0 when it is not there or not shown. */
function heightOf(selector: string): number {
  return document.querySelector(selector)?.getBoundingClientRect().height ?? 0;
}

/** Where the people's list folds to its pill, floating at the right under the header. */
const PILL_LAYOUT = '(max-width: 700px), (pointer: coarse) and (max-height: 500px)';
/** Space between the pill and the phone's « ? » below it (HelpButton's BELOW_PEOPLE). */
const BELOW_PILL = 8;

/**
 * The height of the right-hand column that floats between the top stack and the bottom one: the
 * folded people pill and, on a phone, « ? » below it (0 wider than that, or the list open,
 * which scrolls within its own height).
 */
function floatingColumn(): number {
  const people = document.querySelector('.editor > .people');
  if (!people || people.classList.contains('open') || !matchMedia(PILL_LAYOUT).matches) return 0;
  const help = heightOf('.editor > .help-floating');
  return people.getBoundingClientRect().height + (help > 0 ? BELOW_PILL + help : 0);
}

/**
 * Where « Vous suivez … » leaves the bottom stack for the top (vote-phone.css): a phone with a
 * vote's banner puts it under the kit, left of the pill and « ? ».
 */
const FOLLOWING_UP = 'screen and (max-width: 700px)';
const FOLLOWING = '.editor > .spotlight-banner:not(.elsewhere)';

/**
 * A phone held sideways: with a vote's banner, « Vous suivez … » sits beside the forum's buttons
 * and the toolbar is a column at the left (vote-sideways.css).
 */
const SIDEWAYS =
  'screen and (pointer: coarse) and (max-height: 500px) and (orientation: landscape)';

/**
 * Where « Vous suivez … » is while a vote's banner shows on a phone: `beside` the forum's buttons
 * (sideways: part of the top, what the pill goes below), `up` floating at the top beside the pill
 * (upright), or in the bottom stack (elsewhere, or absent).
 */
function followingPlace(editor: HTMLElement): 'beside' | 'up' | 'bottom' {
  if (!editor.querySelector(':scope > .vote-banner')) return 'bottom';
  if (matchMedia(SIDEWAYS).matches) return 'beside';
  return matchMedia(FOLLOWING_UP).matches ? 'up' : 'bottom';
}

/** Whether the toolbar stands as a column at the side (vote-sideways.css), out of the bottom. */
function toolsAtSide(toolbar: Element | null): boolean {
  return toolbar !== null && getComputedStyle(toolbar).flexDirection === 'column';
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
      const people = editor!.querySelector(':scope > .people');
      const help = editor!.querySelector(':scope > .help-floating');
      [toolbar, header, kit, people, help].forEach(watch);
      for (const { selector } of [...BOTTOM_STACK, ...TOP_STACK]) {
        watch(document.querySelector(selector));
      }
      // Without a toolbar (a view link), or with the toolbar as a column at the side (a phone
      // held sideways during a vote), the bottom stack starts at the page's own margin.
      const bottomBase =
        toolbar && !toolsAtSide(toolbar) ? page.bottom - toolbar.getBoundingClientRect().top : 4;
      // « Vous suivez … » beside the forum's buttons ends the top as they do.
      const place = followingPlace(editor!);
      const following = place === 'beside' ? document.querySelector(FOLLOWING) : null;
      const topBase =
        Math.max(
          header?.getBoundingClientRect().bottom ?? page.top,
          kit?.getBoundingClientRect().bottom ?? page.top,
          following?.getBoundingClientRect().bottom ?? page.top,
        ) - page.top;
      // « Vous suivez … » gone up beside the pill floats with it, out of the bottom stack: counted
      // there too, it made the plenary in English on a 320 × 568 phone (the timer running, the
      // facilitator followed, the room voting) a tall page, the vote's banner below the window.
      const up = place === 'up' ? heightOf(FOLLOWING) : 0;
      const measured = (stack: readonly { variable: string; selector: string }[]) =>
        stack.map(({ variable, selector }) => ({
          variable,
          size: place !== 'bottom' && selector === FOLLOWING ? 0 : heightOf(selector),
        }));
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
      // Text enlarged on a short window (a laptop at 250–400 %, a phone zoomed by Chrome): the
      // header's rows, the people's pill and « ? » under them and the toolbar's rows above the
      // bottom no longer fit one above the other, and the pill and « ? » lay over tools, the
      // toolbar over « Contenu », the zoom and « EN ». The page then grows to hold them all and
      // scrolls up and down (WCAG 1.4.10 allows one direction), nothing over anything else.
      // The first visit's hint, where it sits just above the toolbar (FirstVisitHint), adds its
      // height: at 300 % it lay over the pill, « ? » and the timer until « Compris ».
      const hint = editor!.querySelector(':scope > .help-hint:not(.help-hint-band)');
      watch(hint);
      const hintHeight = hint ? hint.getBoundingClientRect().height + STACK_GAP : 0;
      // Where they fit but leave the board a strip (a phone at 150 %), or do not fit, the board
      // gets a band of the window's height of its own between them (boardBand.ts). The hint is
      // not counted against the band: it goes with « Compris », as a note's panel goes. Counted,
      // it made a 320 × 568 phone's first visit a tall page, the hint and the tools below the
      // window and only the empty top of the board in it.
      const need = tallPageHeight(window.innerHeight, {
        top: topBase + STACK_GAP,
        column: Math.max(floatingColumn(), up),
        bottom: hintHeight + bottom.reach,
        tools: bottomBase + STACK_GAP,
        gap: STACK_GAP,
      });
      // The plenary's mosaic goes with the page there (mosaic.css), a window's height below the
      // kit: the page reaches its bottom too, or the tiles lay past the page's end, cut.
      const mosaic = editor!.querySelector(':scope > .mosaic:not([data-full])');
      watch(mosaic);
      if (need !== null) {
        editor!.dataset.tall = '';
        const mosaicEnd = mosaic
          ? mosaic.getBoundingClientRect().bottom - editor!.getBoundingClientRect().top + STACK_GAP
          : 0;
        editor!.style.setProperty('--editor-need', `${Math.ceil(Math.max(need, mosaicEnd))}px`);
      } else if ('tall' in editor!.dataset) {
        delete editor!.dataset.tall;
        editor!.style.removeProperty('--editor-need');
      }
      // A notice in the body (the server cannot store, the link changed, the board is full):
      // fixed to the window, on a tall page it lay over the header, the kit or the tools
      // scrolled under it. There it is the page's first row instead, the editor below it
      // (editor.css), read by scrolling up as the header is.
      const notice = document.querySelector('body > .limit-banner');
      const room = notice && 'tall' in editor!.dataset ? notice.getBoundingClientRect().height : 0;
      if (room > 0) {
        editor!.style.setProperty('--notice-room', `${Math.ceil(room + 2 * STACK_GAP)}px`);
      } else editor!.style.removeProperty('--notice-room');
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
      delete editor.dataset.tall;
      editor.style.removeProperty('--editor-need');
      editor.style.removeProperty('--notice-room');
      root.style.removeProperty('--stack-top');
      root.style.removeProperty('--stack-bottom-reach');
    };
  }, [inside]);
}
