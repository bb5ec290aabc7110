// Resizing and moving the chosen shapes without a drag (WCAG 2.5.7): « Agrandir » and « Réduire »
// scale them about their centre (a quick few presses are one undo step, as the keyboard's
// Alt+arrows), « Déplacer » waits for a tap where they go (the move tool). Shown only where
// the handles would allow it: a lone arrow is edited by its ends, it has no size to change.
// Their own row and class (size-action, styled as the selection's actions): the selection's
// four actions (.action) keep their one row on a phone.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTool } from '../board/actions';
import { useSession, useSessionState } from '../board/context';
import { selectionBox } from '../board/handles';
import { canShrink, movesOf } from '../board/keyboardMoves';

/** The move tool's « Annuler »: a phone has no Escape key. */
export function CancelMove() {
  const session = useSession();
  const { t } = useTranslation();
  return (
    <div className="swatches" role="group" aria-label={t('tools.move')}>
      <button
        type="button"
        className="size-action"
        data-cancel-move
        onClick={(e) => {
          chooseTool(session, 'select');
          if (e.detail === 0) focusPanel();
        }}
      >
        {t('actions.moveCancel')}
      </button>
    </div>
  );
}

// The panel's buttons come and go with the tool: the keyboard's focus follows to the next one
// there once React has drawn it, instead of being dropped on the page.
function focusPanel(selector = '.style-panel button'): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export function SizeAndPlace() {
  const session = useSession();
  const { t } = useTranslation();
  const selection = useSessionState((s) => s.selection);
  const { scene } = session;
  const resizable = useSyncExternalStore(
    scene.subscribe,
    () =>
      selectionBox(
        selection,
        (id) => scene.selectionBounds(id),
        (id) => scene.getShape(id)?.type,
      )?.resizable ?? false,
  );
  const shrinkable = useSyncExternalStore(scene.subscribe, () => canShrink(session, selection));
  return (
    <div className="swatches" role="group" aria-label={t('actions.sizeAndPlace')}>
      {resizable && (
        <>
          {/* data-burst: a press here continues the burst, so a few are one undo step. */}
          <button
            type="button"
            className="size-action"
            data-burst
            onClick={() => movesOf(session).scale(true)}
          >
            {t('actions.grow')}
          </button>
          <button
            type="button"
            className="size-action"
            data-burst
            aria-disabled={!shrinkable}
            onClick={() => movesOf(session).scale(false)}
          >
            {t('actions.shrink')}
          </button>
        </>
      )}
      <button
        type="button"
        className="size-action"
        onClick={(e) => {
          chooseTool(session, 'move');
          if (e.detail === 0) focusPanel('.style-panel [data-cancel-move]');
        }}
      >
        {t('actions.move')}
      </button>
    </div>
  );
}
