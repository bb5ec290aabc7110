// A page taller than the window (text enlarged on a short window: useChromeStack's data-tall)
// fits the board between the forum kit and the first visit's hint (actions.ts, measuredInsets).
// Both come or change after the board's first fit: the forum's timer arrives after the board,
// the hint moves down with the page, « Compris » takes it away. Fitted once on arrival, the
// carton lay under the timer that came just after. It is fitted again as they change, while the
// view is still the last fit's own and until the person starts on the board (a press on it, a
// key outside the hint): from then the timer started by the facilitator moves nothing under
// their pen.
// On a phone the fit also ends above a vote's banner (actions.ts), which comes with the forum's
// state after the board's first fit and changes height as the dots left arrive: the board is
// fitted again as it comes, goes or changes, tall page or not, on the same terms.
import { viewIsTheFit, type SessionStore } from './store';

/** Where a phone's vote banner starts, from the page's top ('-': none, or a wider screen). */
function bannerEdge(editor: HTMLElement): string {
  const page = editor.getBoundingClientRect();
  const banner = editor.querySelector(':scope > .vote-banner')?.getBoundingClientRect();
  if (page.width > 700 || !banner || banner.height === 0) return '-';
  return String(Math.round(banner.top - page.top));
}

/** Fits again as the kit or the hint change on a tall page, or a phone's vote banner; returns the stop. */
export function refitWhenTallChromeMoves(
  editor: HTMLElement,
  store: SessionStore,
  fit: () => void,
): () => void {
  let frame = 0;
  let started = false;
  // Where the fit's area ends above and below, as last fitted here: the running timer's digits
  // change the kit's width every second, which moves nothing the fit reads.
  let fitted = '';
  let fittedBanner = '-';
  const edges = () => {
    const kit = editor.querySelector(':scope > .forum-kit')?.getBoundingClientRect();
    const hint = editor.querySelector(':scope > .help-hint')?.getBoundingClientRect();
    const page = editor.getBoundingClientRect();
    const from = (px: number | undefined) => (px === undefined ? '-' : Math.round(px - page.top));
    return `${from(kit?.bottom)} ${from(hint?.top)} ${Math.round(page.height)}`;
  };
  // Two frames: the page's stacks, then the hint, are placed from what changed first.
  const later = () => {
    if (frame !== 0 || started) return;
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        const tall = 'tall' in editor.dataset;
        const banner = bannerEdge(editor);
        const moved = tall || banner !== fittedBanner;
        if (started || !moved || !viewIsTheFit(store.getState())) return;
        const now = `${edges()} ${banner}`;
        if (now === fitted) return;
        fitted = now;
        fittedBanner = banner;
        fit();
      });
    });
  };
  const sizes = new ResizeObserver(later);
  const places = new MutationObserver(later);
  const watched = new Set<Element>();
  const watch = () => {
    const pieces = ':scope > .forum-kit, :scope > .help-hint, :scope > .vote-banner';
    for (const piece of editor.querySelectorAll(pieces)) {
      if (watched.has(piece)) continue;
      watched.add(piece);
      sizes.observe(piece);
      // The hint is placed by its style (FirstVisitHint), without changing size.
      places.observe(piece, { attributes: true, attributeFilter: ['style'] });
    }
  };
  const arrivals = new MutationObserver(() => {
    watch();
    later();
  });
  arrivals.observe(editor, { childList: true, attributes: true, attributeFilter: ['data-tall'] });
  watch();
  const start = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (
      event.type === 'pointerdown' ? target?.closest('.canvas') : !target?.closest('.help-hint')
    ) {
      started = true;
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
  window.addEventListener('pointerdown', start, true);
  window.addEventListener('keydown', start, true);
  return () => {
    cancelAnimationFrame(frame);
    sizes.disconnect();
    places.disconnect();
    arrivals.disconnect();
    window.removeEventListener('pointerdown', start, true);
    window.removeEventListener('keydown', start, true);
  };
}
