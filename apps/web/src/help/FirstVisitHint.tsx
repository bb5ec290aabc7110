// The first visit's hint, just above the toolbar: « Première visite ? Touchez Papillon, puis touchez
// le tableau… » with « Voir l'aide » and « Compris ». Once per device: gone for good when
// dismissed or once the person has placed something (their first undoable change).
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession, useSessionState } from '../board/context';
import { Icon } from '../ui/icons';
import { useCoarsePointer } from '../ui/shortcuts';
import { hintDone, markHintDone, showsHint } from './firstVisit';
import { helpStore, openHelp } from './state';

/** Space between the hint and the toolbar's top edge, in CSS pixels. */
const GAP = 10;

export function FirstVisitHint() {
  const { t } = useTranslation();
  const session = useSession();
  const coarse = useCoarsePointer();
  const [done, setDone] = useState(hintDone);
  const placed = useSyncExternalStore(session.undo.subscribe, () => session.undo.canUndo());
  const helpOpen = useStore(helpStore(session), (s) => s.open);
  const voteBanner = useStore(helpStore(session), (s) => s.voteBanner);
  const readOnly = useSessionState((s) => s.readOnly);
  const tool = useSessionState((s) => s.tool);
  const selecting = useSessionState((s) => s.selection.length > 0);
  const hint = useRef<HTMLElement>(null);
  const [bottom, setBottom] = useState<number | null>(null);

  // Something placed: the hint has done its job on this device.
  useLayoutEffect(() => {
    if (placed && !done) {
      markHintDone();
      setDone(true);
    }
  }, [placed, done]);

  const plenary = session.info.board.kind === 'plenary';
  const shown = showsHint({
    done: done || placed,
    readOnly,
    plenary,
    helpOpen,
    tool,
    selecting,
    voteBanner,
  });

  // Above the toolbar however many rows it wraps to (two on a phone): measured, not guessed.
  useLayoutEffect(() => {
    if (!shown) return;
    const toolbar = document.querySelector<HTMLElement>('.toolbar');
    const parent = hint.current?.offsetParent;
    if (!toolbar || !(parent instanceof HTMLElement)) return;
    const update = () => {
      const top = toolbar.getBoundingClientRect().top;
      setBottom(Math.round(parent.getBoundingClientRect().bottom - top + GAP));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(toolbar);
    observer.observe(parent);
    return () => observer.disconnect();
  }, [shown]);

  if (!shown) return null;
  const dismiss = () => {
    markHintDone();
    setDone(true);
  };
  return (
    <aside
      ref={hint}
      className="help-hint"
      aria-label={t('help.hint.label')}
      style={bottom === null ? { visibility: 'hidden' } : { bottom }}
    >
      <p>
        {/* The toolbar's icon of the « Papillon » it names: the toolbar shows no words. */}
        <span className="help-icon">
          <Icon name="note" />
        </span>
        <span>{coarse ? t('help.hint.touch') : t('help.hint.mouse')}</span>
      </p>
      <div className="help-hint-actions">
        <button type="button" className="chip" onClick={() => openHelp(session)}>
          {t('help.hint.show')}
        </button>
        <button type="button" className="chip primary" onClick={dismiss}>
          {t('help.hint.ok')}
        </button>
      </div>
    </aside>
  );
}
