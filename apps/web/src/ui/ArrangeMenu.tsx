// « Aligner » in the chosen shapes' panel (M34): one button (its icon, beside the padlock, in
// its box) that opens a small menu of the six alignments, the two distributions and « Ranger en
// grille » above the panel, so the panel keeps its rows on a phone. A disclosure (aria-expanded), its items plain buttons reached by Tab; Escape closes it
// and gives the focus back to « Aligner ». Each action is one undo step, said in the live region.
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { arrangeMinimum, type ArrangeKind } from '@carton/board';
import { useSession, useSessionState } from '../board/context';
import { freeChosen } from '../board/lockedChoice';
import { fitMenu } from './arrangeMenuFit';
import { StrokeIcon } from './icons';
import { arrangeSelection, arrangeWords } from './arrangeSelection';
import './ArrangeMenu.css';

const ALIGN: readonly ArrangeKind[] = ['left', 'centre', 'right', 'top', 'middle', 'bottom'];
const DISTRIBUTE: readonly ArrangeKind[] = ['distributeHorizontal', 'distributeVertical'];

// Each icon: the line shapes meet on (or the spacing), and two bars of unequal length.
const ICONS: Record<ArrangeKind, string> = {
  left: 'M4 3v18M8 7h10M8 15h6',
  centre: 'M12 3v18M6 7h12M8 15h8',
  right: 'M20 3v18M6 7h10M10 15h6',
  top: 'M3 4h18M7 8v10M15 8v6',
  middle: 'M3 12h18M7 6v12M15 8v8',
  bottom: 'M3 20h18M7 6v10M15 10v6',
  distributeHorizontal: 'M3 4v16M21 4v16M9 8v8M15 8v8',
  distributeVertical: 'M4 3h16M4 21h16M8 9h8M8 15h8',
  grid: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
};

function Icon({ path }: { path: string }) {
  return (
    <StrokeIcon size={20}>
      <path d={path} />
    </StrokeIcon>
  );
}

export function ArrangeMenu() {
  const session = useSession();
  const { t } = useTranslation();
  const selection = useSessionState((s) => s.selection);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  // Locked shapes chosen stay put (M33, M34): only the free ones count.
  const free = useSyncExternalStore(session.scene.subscribe, () =>
    freeChosen(selection.flatMap((id) => session.scene.getShape(id) ?? [])),
  );
  const enough = free >= 2;

  // Another selection is another question: the menu closes.
  useEffect(() => setOpen(false), [selection]);

  // A press anywhere else closes it, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      if (menu.current?.contains(target) || toggle.current?.contains(target)) return;
      setOpen(false);
    };
    // Escape closes it wherever the focus is: opened by a click, the focus stays on « Aligner »
    // and Escape went to the board (the menu stayed). The focus goes back to « Aligner ».
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      const active = document.activeElement;
      setOpen(false);
      if (active === toggle.current || menu.current?.contains(active)) toggle.current?.focus();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  // Over its button and on screen (a small phone's tall panel pushed it off the top): measured
  // as laid out, then slid over the button and inside, and if need be capped so it scrolls.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!open || !el) return;
    const place = () => {
      el.style.removeProperty('max-height');
      el.style.removeProperty('translate');
      // « Contenu » open beside the board: the menu keeps to the part it leaves free.
      const side = document.querySelector('.outline-panel')?.getBoundingClientRect();
      const right = side && side.width < window.innerWidth * 0.8 ? side.left : window.innerWidth;
      const button = toggle.current?.getBoundingClientRect();
      const fit = fitMenu(
        el.getBoundingClientRect(),
        { width: right, height: window.innerHeight },
        button ? (button.left + button.right) / 2 : null,
      );
      if (fit.shift !== 0) el.style.translate = `${fit.shift}px 0`;
      if (fit.maxHeight !== null) el.style.maxHeight = `${fit.maxHeight}px`;
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  const typeOf = (id: string) => session.scene.getShape(id)?.type;
  const say = (words: string) =>
    session.store.setState({ keyboardNews: { selection, kind: 'arrange', words } });

  const onToggle = (e: MouseEvent) => {
    if (!enough) {
      say(t('arrange.needTwo'));
      return;
    }
    setOpen(!open);
    // From the keyboard the focus goes into the menu, to its first item.
    if (!open && e.detail === 0)
      requestAnimationFrame(() => menu.current?.querySelector<HTMLElement>('button')?.focus());
  };

  const run = (kind: ArrangeKind) => {
    if (free < arrangeMinimum(kind)) {
      say(t('arrange.needThree'));
      return;
    }
    const plan = arrangeSelection(session, kind);
    setOpen(false);
    toggle.current?.focus();
    if (plan) say(arrangeWords((key, values) => t(key, values ?? {}), plan, typeOf));
  };

  const item = (kind: ArrangeKind) => {
    const short = free < arrangeMinimum(kind);
    return (
      <button
        key={kind}
        type="button"
        className="arrange-item"
        data-arrange={kind}
        aria-label={t(`arrange.kind.${kind}`)}
        title={short ? t('arrange.needThree') : t(`arrange.kind.${kind}`)}
        aria-disabled={short || undefined}
        onClick={() => run(kind)}
      >
        <Icon path={ICONS[kind]} />
        <span>{t(`arrange.short.${kind}`)}</span>
      </button>
    );
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="arrange-toggle"
        data-arrange-toggle
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={!enough || undefined}
        title={enough ? t('arrange.menu') : t('arrange.needTwo')}
        onClick={onToggle}
      >
        <Icon path={ICONS.left} />
        <span className="arrange-word">{t('arrange.button')}</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="arrange-menu"
          role="group"
          aria-label={t('arrange.menu')}
          // Tab past the last item leaves the menu: it closes, as a press elsewhere does.
          onBlur={(e) => {
            const next = e.relatedTarget;
            if (next instanceof Node && (menu.current?.contains(next) || toggle.current === next))
              return;
            if (next) setOpen(false);
          }}
        >
          <span className="arrange-heading" id={`${menuId}-align`}>
            {t('arrange.alignGroup')}
          </span>
          <div className="arrange-set" role="group" aria-labelledby={`${menuId}-align`}>
            {ALIGN.map(item)}
          </div>
          <span className="arrange-heading" id={`${menuId}-spread`}>
            {t('arrange.distributeGroup')}
          </span>
          <div className="arrange-set two" role="group" aria-labelledby={`${menuId}-spread`}>
            {DISTRIBUTE.map(item)}
          </div>
          <div className="arrange-set one">{item('grid')}</div>
        </div>
      )}
    </>
  );
}
