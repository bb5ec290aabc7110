// Options of the current tool: note colours, ink colours and widths, stamp kinds; and the
// selection's actions (delete, duplicate, front/back, lock, « Aligner »). A locked shape chosen
// (from the keyboard, a long-press or a right-click) offers « Déverrouiller », and « Aligner »
// beside two free shapes or more (see choicePanel).
import { useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { INK_COLORS, NOTE_COLORS, STAMP_KINDS, type NoteColor } from '@carton/board';
import {
  connectShapes,
  deleteSelection,
  duplicateSelection,
  reorderSelection,
} from '../board/actions';
import { useSession, useSessionState } from '../board/context';
import { choicePanel } from '../board/lockedChoice';
import { focusCanvas } from '../board/navigate';
import { STAMP_GLYPHS } from '../shapes/stamp/StampShape';
import { ink, noteFill } from '../theme/colors';
import type { ToolStyle } from '../tools/types';
import { useShortcutLabel } from './shortcuts';
import { ArrangeMenu } from './ArrangeMenu';
import { LockButton } from './LockButton';
import { PanelEdge, usePanelOverflow } from './PanelEdges';
import { CancelMove, SizeAndPlace } from './SizeAndPlace';
import { ToolCaption } from './ToolCaption';
import { useHandlesClear } from './useHandlesClear';
import './panel-smallest-phone.css';

const WIDTHS = [
  { key: 'thin', value: 2 },
  { key: 'medium', value: 4 },
  { key: 'thick', value: 10 },
] as const;

export function StylePanel() {
  const session = useSession();
  const { t } = useTranslation();
  const label = useShortcutLabel();
  const tool = useSessionState((s) => s.tool);
  const style = useSessionState((s) => s.style);
  const selection = useSessionState((s) => s.selection);
  // The panel is what covers a phone's handles: it keeps a tapped selection's handles clear.
  useHandlesClear();
  // Sideways on a phone the panel is one row that scrolls: its edges say what lies past them.
  const panelRef = useRef<HTMLDivElement>(null);
  const edges = usePanelOverflow(panelRef);
  // Follows the document: a lock or unlock (mine or a peer's) changes what the panel offers.
  const panel = useSyncExternalStore(session.scene.subscribe, () =>
    choicePanel(selection.flatMap((id) => session.scene.getShape(id) ?? [])),
  );
  const locked = panel !== 'actions';
  const setStyle = (patch: Partial<ToolStyle>) =>
    session.store.setState({ style: { ...style, ...patch } });

  // Recolour selected notes with the palette too.
  const pickNoteColor = (color: NoteColor) => {
    setStyle({ noteColor: color });
    const notes = selection.filter((id) => session.scene.getShape(id)?.type === 'note');
    if (notes.length) session.shell.commit((tx) => notes.forEach((id) => tx.update(id, { color })));
  };
  const selectedNote =
    !locked && selection.some((id) => session.scene.getShape(id)?.type === 'note');
  const chosen = tool === 'select' && selection.length > 0;
  // Two shapes chosen (not arrows): « Relier » draws a bound arrow from the first to the second.
  const connectable =
    selection.length === 2 &&
    selection.every((id) => {
      const type = session.scene.getShape(id)?.type;
      return type !== undefined && type !== 'arrow';
    });

  return (
    <div className="style-panel" ref={panelRef}>
      <ToolCaption />
      <PanelEdge edge="start" shown={edges.start} panel={panelRef} />
      {(tool === 'note' || (tool === 'select' && selectedNote)) && (
        <div className="swatches" role="group" aria-label={t('colors.label')}>
          {NOTE_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch"
              style={{ background: noteFill(c) }}
              aria-pressed={style.noteColor === c}
              title={t(`colors.${c}`)}
              aria-label={t(`colors.${c}`)}
              onClick={() => pickNoteColor(c)}
            />
          ))}
        </div>
      )}
      {(tool === 'pen' || tool === 'rect' || tool === 'ellipse' || tool === 'arrow') && (
        <div className="swatches" role="group" aria-label={t('colors.label')}>
          {INK_COLORS.filter((c) => c !== 'white').map((c) => {
            const key = tool === 'pen' ? 'penColor' : 'shapeColor';
            return (
              <button
                key={c}
                type="button"
                className="swatch"
                style={{ background: ink(c) }}
                aria-pressed={style[key] === c}
                title={t(`colors.${c}`)}
                aria-label={t(`colors.${c}`)}
                onClick={() => setStyle({ [key]: c })}
              />
            );
          })}
          {/* Widths share the colours' box: on a phone twelve targets wrap in two rows, not three. */}
          {tool === 'pen' && (
            <div className="swatch-set" role="group" aria-label={t('widths.label')}>
              <span className="swatch-divider" aria-hidden="true" />
              {WIDTHS.map((w) => (
                <button
                  key={w.key}
                  type="button"
                  className="swatch width"
                  aria-pressed={style.penWidth === w.value}
                  title={t(`widths.${w.key}`)}
                  aria-label={t(`widths.${w.key}`)}
                  onClick={() => setStyle({ penWidth: w.value })}
                >
                  <span style={{ height: w.value, background: ink(style.penColor) }} />
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {tool === 'stamp' && (
        <div className="swatches" role="group" aria-label={t('tools.stamp')}>
          {STAMP_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="swatch stamp"
              aria-pressed={style.stampKind === k}
              title={t(`stamps.${k}`)}
              aria-label={t(`stamps.${k}`)}
              onClick={() => setStyle({ stampKind: k })}
            >
              {STAMP_GLYPHS[k]}
            </button>
          ))}
        </div>
      )}
      {chosen && locked && (
        <LockButton locked>{panel === 'unlockAndArrange' && <ArrangeMenu />}</LockButton>
      )}
      {chosen && !locked && (
        <div className="swatches" role="group" aria-label={t('tools.select')}>
          <button type="button" className="action" onClick={() => duplicateSelection(session)}>
            {label('actions.duplicate', 'duplicate')}
          </button>
          {connectable && (
            <button
              type="button"
              className="action"
              aria-label={t('actions.connectLabel')}
              title={t('actions.connectLabel')}
              onClick={() => connectShapes(session, selection[0]!, selection[1]!)}
            >
              {t('actions.connect')}
            </button>
          )}
          {/* A phone's row holds the four actions only with the short words. */}
          <button
            type="button"
            className="action"
            aria-label={t('actions.front')}
            onClick={() => reorderSelection(session, 'front')}
          >
            <span className="long">{t('actions.front')}</span>
            <span className="short">{t('actions.frontShort')}</span>
          </button>
          <button
            type="button"
            className="action"
            aria-label={t('actions.back')}
            onClick={() => reorderSelection(session, 'back')}
          >
            <span className="long">{t('actions.back')}</span>
            <span className="short">{t('actions.backShort')}</span>
          </button>
          <button
            type="button"
            className="action danger"
            onClick={(e) => {
              deleteSelection(session);
              // The button goes with the selection: the keyboard (a click with no pointer)
              // goes back to the board instead of being dropped on the page.
              if (e.detail === 0) focusCanvas();
            }}
          >
            {t('actions.delete')}
          </button>
        </div>
      )}
      {chosen && !locked && <SizeAndPlace />}
      {chosen && !locked && (
        <LockButton locked={false}>
          <ArrangeMenu />
        </LockButton>
      )}
      {tool === 'move' && <CancelMove />}
      <PanelEdge edge="end" shown={edges.end} panel={panelRef} />
    </div>
  );
}
