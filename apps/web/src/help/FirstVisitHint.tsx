// The first visit's hint, just above the toolbar: « Première visite ? Touchez Papillon, puis touchez
// le tableau… » with « Voir l'aide » and « Compris ». Once per device: gone for good when
// dismissed or once the person has placed something (their first undoable change). On an upright
// phone it goes above the board instead when the fit leaves room there (hintPlace.ts).
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession, useSessionState } from '../board/context';
import { Icon } from '../ui/icons';
import { useCoarsePointer } from '../ui/shortcuts';
import { worldToScreen } from '../geometry/camera';
import { unionRects, type Point } from '../geometry/rect';
import { measuredFloatingControls } from '../board/phoneFitAreas';
import type { BoardSession } from '../board/session';
import { hintDone, markHintDone, showsHint } from './firstVisit';
import { bandAboveBoard, heightAtWidth, measuredSurroundings } from './hintPlace';
import { helpStore, openHelp } from './state';

/** Space between the hint and the toolbar's top edge, in CSS pixels. */
const GAP = 10;

/** Above the toolbar (its distance from the page's bottom), or in the band above the board. */
type HintPlace = { bottom: number } | { top: number; left: number; width: number };

/** The board's top left corner in world units, or null for an empty board. */
function boardCorner(session: BoardSession): Point | null {
  const bounds = unionRects(
    session.scene.orderedIds().flatMap((id) => session.scene.bounds(id) ?? []),
  );
  return bounds && { x: bounds.x, y: bounds.y };
}

const PHONE_UPRIGHT = '(max-width: 700px)';

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
  const [place, setPlace] = useState<HintPlace | null>(null);

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

  // Above the toolbar however many rows it wraps to (two on a phone): measured, not guessed. On an
  // upright phone, in the band the fit left above the board if it fits there whole; measured
  // again as the toolbar, the page, the view (the first fit) or the board change. A newcomer's
  // pan or pinch changes the view at every finger's move: placed again once a frame, from the
  // board's corner read once per change of the board and the hint's height once per width (its
  // measuring copy, added to the page and taken out, set the chrome's own measuring going each
  // time: most of a slow phone's pan, bench/phone/crowd.mjs).
  useLayoutEffect(() => {
    if (!shown) return;
    const toolbar = document.querySelector<HTMLElement>('.toolbar');
    const parent = hint.current?.offsetParent;
    if (!toolbar || !(parent instanceof HTMLElement)) return;
    let corner: Point | null | undefined;
    const boardTop = (): number | null => {
      if (corner === undefined) corner = boardCorner(session);
      return corner && worldToScreen(session.store.getState().camera, corner).y;
    };
    const heights = new Map<string, number>();
    const heightAt = (element: HTMLElement, width: number): number => {
      const key = `${width} ${element.textContent}`;
      let height = heights.get(key);
      if (height === undefined) {
        height = heightAtWidth(element, width);
        heights.set(key, height);
      }
      return height;
    };
    const update = () => {
      const frame = parent.getBoundingClientRect();
      // Not on a page taller than the window (text enlarged): there the board is fitted above the
      // hint (actions.ts), and a hint going up to the band and back would fit it again each time.
      const band =
        hint.current &&
        matchMedia(PHONE_UPRIGHT).matches &&
        !hint.current.closest('.editor[data-tall]')
          ? bandAboveBoard(measuredSurroundings(boardTop(), measuredFloatingControls()))
          : null;
      const next: HintPlace =
        band && hint.current && heightAt(hint.current, band.width) <= band.height
          ? {
              top: Math.round(band.y - frame.top),
              left: Math.round(band.x - frame.left),
              width: Math.floor(band.width),
            }
          : { bottom: Math.round(frame.bottom - toolbar.getBoundingClientRect().top + GAP) };
      setPlace((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(toolbar);
    observer.observe(parent);
    const header = document.querySelector('.editor-header');
    if (header) observer.observe(header);
    let later = 0;
    const nextFrame = () => {
      if (later === 0)
        later = requestAnimationFrame(() => {
          later = 0;
          update();
        });
    };
    // The forum kit comes or grows too (a timer started, a refusal said under « Tout le monde
    // vers moi »): placed in the band below it, the hint lay under the kit's new row. The kit
    // comes after the hint, and the page's stacks (useChromeStack) measure it and move the
    // people's pill on the root's style: placed again with them.
    const stacks = new MutationObserver(nextFrame);
    stacks.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    const offView = session.store.subscribe((state, previous) => {
      if (state.camera !== previous.camera || state.viewport !== previous.viewport) nextFrame();
    });
    const offScene = session.scene.subscribe(() => {
      corner = undefined;
      nextFrame();
    });
    return () => {
      cancelAnimationFrame(later);
      observer.disconnect();
      stacks.disconnect();
      offView();
      offScene();
    };
  }, [shown, session]);

  if (!shown) return null;
  const dismiss = () => {
    markHintDone();
    setDone(true);
  };
  return (
    <aside
      ref={hint}
      className={place && 'top' in place ? 'help-hint help-hint-band' : 'help-hint'}
      aria-label={t('help.hint.label')}
      style={place === null ? { visibility: 'hidden' } : place}
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
