// In-place text editing: an HTML textarea laid exactly over the shape on the canvas. Every
// keystroke is written (others see the text as it is typed) and the whole edit is one undo step.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shape } from '@carton/board';
import { zoomForEditing } from '../board/actions';
import { focusCanvas } from '../board/navigate';
import { useSession, useSessionState } from '../board/context';
import { CARTON_TITLE_BAND } from '../shapes/carton/CartonShape';
import { FONT_FAMILY, measureText } from '../shapes/common/fonts';
import { LINE_HEIGHT, wrapText } from '@carton/render';
import { NOTE_PADDING, noteFontSize } from '../shapes/note/NoteShape';
import { editorPlacement } from './editorPlacement';
import { fontBox, nudgeOf, textEditorStyle } from './editorStyle';
import { useCoarsePointer } from './shortcuts';

function textOf(shape: Shape): string {
  if (shape.type === 'carton') return shape.title;
  if (shape.type === 'note' || shape.type === 'text') return shape.text;
  return '';
}

export function TextEditor() {
  const session = useSession();
  const { t } = useTranslation();
  const coarse = useCoarsePointer();
  const editingId = useSessionState((s) => s.editingId);
  // The camera only matters while editing: a pan with no editor open re-renders nothing here.
  const camera = useSessionState((s) => (s.editingId ? s.camera : null));
  const subscribe = useCallback(
    (listener: () => void) =>
      editingId ? session.view.subscribeShape(editingId, listener) : () => undefined,
    [session, editingId],
  );
  const shape = useSyncExternalStore(subscribe, () =>
    editingId ? session.view.getShape(editingId) : undefined,
  );
  const ref = useRef<HTMLTextAreaElement>(null);
  const editable =
    shape && (shape.type === 'note' || shape.type === 'text' || shape.type === 'carton');

  // One undo step per editing session.
  useEffect(() => {
    if (!editingId || session.readOnly) return;
    const zoomBack = zoomForEditing(session, editingId);
    session.shell.beginGesture();
    // A key typed on the empty note that opened this editor is its first character.
    const seed = session.store.getState().editingSeed;
    if (seed !== null) {
      session.store.setState({ editingSeed: null });
      if (session.view.getShape(editingId)?.type === 'note')
        session.shell.write((tx) => tx.update(editingId, { text: seed }));
    }
    const element = ref.current;
    element?.focus();
    // A carton title is usually replaced (the default one); a note is usually added to.
    if (element?.classList.contains('text-editor-carton')) element.select();
    else element?.setSelectionRange(element.value.length, element.value.length);
    return () => {
      const current = session.view.getShape(editingId);
      if (current?.type === 'text' && !current.text.trim())
        session.shell.write((tx) => tx.delete([editingId]));
      session.shell.endGesture();
      zoomBack();
    };
  }, [session, editingId]);

  if (!editingId || !camera || !shape || !editable || session.readOnly) return null;

  const close = () => session.store.setState({ editingId: null });
  const onChange = (value: string) => {
    session.shell.write((tx) => {
      if (shape.type === 'carton') tx.update(shape.id, { title: value.replace(/\n/gu, ' ') });
      else if (shape.type === 'note') tx.update(shape.id, { text: value });
      else if (shape.type === 'text') {
        const lines = wrapText(value || ' ', shape.w, shape.fontSize, (s, size) =>
          measureText(s, size, 'bold'),
        );
        tx.update(shape.id, {
          text: value,
          h: Math.max(shape.fontSize * LINE_HEIGHT, lines.length * shape.fontSize * LINE_HEIGHT),
        });
      }
    });
  };

  const z = camera.zoom;
  // A carton's title box lies inside its band; notes and texts start at the shape's corner.
  const inset = shape.type === 'carton' ? { x: 24, y: 14 } : undefined;
  const style: React.CSSProperties = {
    ...editorPlacement(camera, shape, shape.rotation, inset),
    fontFamily: FONT_FAMILY,
    lineHeight: LINE_HEIGHT,
  };
  if (shape.type === 'note') {
    const size = noteFontSize(shape);
    const lines = wrapText(shape.text || ' ', shape.w - NOTE_PADDING * 2, size, measureText).length;
    const textHeight = Math.min(shape.h - NOTE_PADDING * 2, lines * size * LINE_HEIGHT);
    // Centred as Konva centres the lines, each baseline where Konva puts it (baselineNudge).
    const top = ((shape.h - textHeight) / 2) * z;
    const nudge = nudgeOf(size * LINE_HEIGHT * z, fontBox(size * z, 'normal'));
    Object.assign(style, {
      width: shape.w * z,
      height: shape.h * z,
      fontSize: size * z,
      padding: `${(top + nudge).toFixed(2)}px ${NOTE_PADDING * z}px 0`,
      textAlign: 'center',
    });
  } else if (shape.type === 'text') {
    Object.assign(style, textEditorStyle(shape, z, fontBox(shape.fontSize * z)));
  } else {
    // The canvas centres the one-line title in its box: a line as tall as the box does too.
    const box = (CARTON_TITLE_BAND - 20) * z;
    Object.assign(style, {
      width: (shape.w - 48) * z,
      height: box,
      padding: `${nudgeOf(box, fontBox(40 * z)).toFixed(2)}px 0 0`,
      lineHeight: `${box}px`,
      fontSize: 40 * z,
      fontWeight: 'bold',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
    });
  }
  return (
    <textarea
      ref={ref}
      className={`text-editor text-editor-${shape.type}`}
      aria-label={t('editor.label')}
      title={t(coarse ? 'editor.hintTouch' : 'editor.hint')}
      style={style}
      value={textOf(shape)}
      spellCheck
      lang="fr-CA"
      onChange={(e) => onChange(e.target.value)}
      onBlur={close}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (
          e.key === 'Escape' ||
          (e.key === 'Enter' && (shape.type === 'carton' || e.ctrlKey || e.metaKey))
        ) {
          e.preventDefault();
          close();
          session.store.setState({ selection: [shape.id] });
          // The keyboard stays on the board (the textarea goes away): the arrows then move the
          // shape, Tab goes on to the next one. Left on the page, the focus was lost.
          focusCanvas();
        }
      }}
    />
  );
}
