// « Aide » in the board's header, for editors and view links alike (a view link has no
// toolbar): opens the help dialog, as « ? » does from the keyboard (see helpKey.ts). On a phone
// the header's two rows are full (a 44 px button more sent the language to a third row or cut
// the title below 15 characters at 360 px): there its icon stands just below the people pill,
// at the screen's right edge, its name kept for screen readers and as a tooltip.
import { Suspense, useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession, useSessionState } from '../board/context';
import { StrokeIcon } from '../ui/icons';
import { LazyFallback, lazyPanel, usePanelPrefetch } from '../ui/LazyFallback';
import { prefetchesEveryPage } from '../ui/LazyFallbackPrefetch';
import { useCoarsePointer } from '../ui/shortcuts';
import { useSingleKeys } from '../ui/singleKeys';
import { closeHelp, helpStore, openHelp } from './state';
import './help.css';

// The dialog is loaded when opened, not before the board's first frame; every page fetches it
// ahead once the board is drawn (the header's button does, not the phone's floating one).
const loadHelpDialog = () => import('./HelpDialog').then((m) => m.HelpDialog);
const HelpDialog = lazyPanel(loadHelpDialog);

function QuestionIcon() {
  return (
    <StrokeIcon size={20}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9.2 9.3a2.9 2.9 0 015.6 1c0 1.9-2.8 2.4-2.8 4.2" />
      <path d="M12 17.6h.01" />
    </StrokeIcon>
  );
}

const never = () => false;

/** Space between the people pill (or its open list) and the phone's « Aide », in CSS pixels. */
const BELOW_PEOPLE = 8;

/** Keeps `button` just below the people list, wherever the header's rows put that list. */
function useBelowPeople(button: RefObject<HTMLButtonElement | null>, on: boolean): void {
  useLayoutEffect(() => {
    const el = button.current;
    const people = document.querySelector<HTMLElement>('.people');
    const header = document.querySelector<HTMLElement>('.editor-header');
    if (!on || !el || !people || !header) return;
    const update = () => {
      const parent = el.offsetParent?.getBoundingClientRect().top ?? 0;
      el.style.top = `${Math.round(people.getBoundingClientRect().bottom - parent + BELOW_PEOPLE)}px`;
    };
    // The pill opening into its list, the header changing rows (which moves the pill down), the
    // phone turned: measured now and again a frame later, once BoardEditor's --header-bottom has
    // moved the pill (moved, not resized, the pill tells no observer: turned back upright, this
    // button stayed at the one-row header's height, under the pill).
    let frame = 0;
    const measure = () => {
      update();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(people);
    observer.observe(header);
    // The forum's timer coming into the kit moves the pill down too (useChromeStack sets
    // --stack-top on the root): with a running timer, « ? » stayed under the pill on a phone.
    const stack = new MutationObserver(measure);
    stack.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      stack.disconnect();
      window.removeEventListener('resize', measure);
      cancelAnimationFrame(frame);
    };
  }, [button, on]);
}

/**
 * `floating`: the phone's button, outside the header (hidden wider than a phone, where the
 * header's own shows).
 */
export function HelpButton({ floating = false }: { floating?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const readOnly = useSessionState((s) => s.readOnly);
  const open = useStore(helpStore(session), (s) => s.open);
  const coarse = useCoarsePointer();
  const singleKeys = useSingleKeys();
  const keys = singleKeys && !coarse;
  const button = useRef<HTMLButtonElement>(null);
  useBelowPeople(button, floating);
  usePanelPrefetch(loadHelpDialog, floating ? never : prefetchesEveryPage, 'help');
  return (
    <>
      <button
        type="button"
        ref={button}
        className={floating ? 'chip help-button help-floating' : 'chip help-button help-in-header'}
        aria-label={t('help.open')}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-keyshortcuts={singleKeys ? '?' : undefined}
        title={keys ? t('help.openKeys') : t('help.open')}
        onClick={() => (open ? closeHelp(session) : openHelp(session))}
      >
        <QuestionIcon />
        <span className="help-word">{t('help.open')}</span>
      </button>
      {/* Out of the header's stacking context: above the toolbar, the people and the toasts. */}
      {open &&
        !floating &&
        createPortal(
          <Suspense fallback={<LazyFallback />}>
            <HelpDialog readOnly={readOnly} onClose={() => closeHelp(session)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
