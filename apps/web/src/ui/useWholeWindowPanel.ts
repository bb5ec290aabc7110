// A side panel on a page taller than the window (text enlarged on a short window: a 1280 × 1024
// screen at 400 %, 320 × 256 CSS px, the editor's data-tall): under the header's rows it was a
// slit (« Versions » 76 px tall, « Contenu » 19 px of list). There it takes the window (its CSS,
// on data-whole) and is a dialog: the focus goes in, Tab and Shift+Tab stay in it (the controls
// it covers are not reached unseen), Escape closes it.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { tabbables } from '../dialog/useFocusTrap';
import { useTallPage } from './useTallPage';

/** The panel's attributes while it takes the window, or as the side panel it is otherwise. */
export function wholeWindowProps(whole: boolean) {
  return {
    role: whole ? 'dialog' : 'complementary',
    'aria-modal': whole || undefined,
    'data-whole': whole || undefined,
  } as const;
}

/**
 * Whether `panel` takes the window (useTallPage), the focus put in it when it starts to, and its
 * keys there: Escape calls `close`, Tab wraps from its last control to its first and back. The
 * keys' handler returns true when it took the key (nothing else should act on it).
 */
export function useWholeWindowPanel(
  panel: RefObject<HTMLElement | null>,
  close: () => void,
): { whole: boolean; onKeyDown: (e: KeyboardEvent<HTMLElement>) => boolean } {
  const whole = useTallPage();
  useEffect(() => {
    if (whole && !panel.current?.contains(document.activeElement)) panel.current?.focus();
  }, [whole, panel]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!whole) return false;
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      close();
      return true;
    }
    if (e.key !== 'Tab') return false;
    const list = tabbables(e.currentTarget);
    const first = list[0];
    const last = list.at(-1);
    if (!first || !last) return false;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === e.currentTarget)) {
      e.preventDefault();
      last.focus();
      return true;
    }
    if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
      return true;
    }
    return true; // inside: the browser's own Tab, and nothing else's
  };
  return { whole, onKeyDown };
}
