// The toolbar: tools with their shortcuts, undo/redo. Large targets (≥ 44 px) for fingers.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTool, redo, undo } from '../board/actions';
import { useSession, useSessionState } from '../board/context';
import { PLACEABLE_TOOLS, focusCanvas } from '../board/navigate';
import type { ToolId } from '../tools/types';
import { Icon } from './icons';
import { ImageButton } from './ImageButton';
import { SingleKeysToggle } from './SingleKeysToggle';
import { useShortcutLabel } from './shortcuts';

const TOOLS: ToolId[] = [
  'select',
  'hand',
  'note',
  'carton',
  'pen',
  'eraser',
  'text',
  'rect',
  'ellipse',
  'arrow',
  'stamp',
];

export function Toolbar() {
  const session = useSession();
  const { t } = useTranslation();
  const label = useShortcutLabel();
  const tool = useSessionState((s) => s.tool);
  const canUndo = useSyncExternalStore(session.undo.subscribe, () => session.undo.canUndo());
  const canRedo = useSyncExternalStore(session.undo.subscribe, () => session.undo.canRedo());
  return (
    <nav className="toolbar" aria-label={t('tools.label')}>
      {TOOLS.map((id) => (
        <button
          key={id}
          type="button"
          className="tool"
          data-tool={id}
          aria-pressed={tool === id}
          title={label(`tools.${id}`, id)}
          aria-label={label(`tools.${id}`, id)}
          onClick={(e) => {
            chooseTool(session, id);
            // Chosen from the keyboard (a click with no pointer), a tool that places shapes
            // hands the focus to the board, where Enter places one (see the canvas's help).
            if (e.detail === 0 && PLACEABLE_TOOLS.has(id)) focusCanvas();
          }}
        >
          <Icon name={id} />
        </button>
      ))}
      <ImageButton />
      <span className="toolbar-gap" />
      <button
        type="button"
        className="tool"
        title={label('actions.undo', 'undo')}
        aria-label={label('actions.undo', 'undo')}
        disabled={!canUndo}
        onClick={() => undo(session)}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="tool"
        title={label('actions.redo', 'redo')}
        aria-label={label('actions.redo', 'redo')}
        disabled={!canRedo}
        onClick={() => redo(session)}
      >
        <Icon name="redo" />
      </button>
      <SingleKeysToggle />
    </nav>
  );
}
