// In-place text editing: an HTML textarea laid exactly over the shape on the canvas. Every
// keystroke is written (others see the text as it is typed) and the whole edit is one undo step.
import { useCallback, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocked, type Shape, type TextShape as TextModel } from '@carton/board';
import { zoomForEditing } from '../board/actions';
import { focusCanvas } from '../board/navigate';
import { useSession, useSessionState } from '../board/context';
import { CARTON_TITLE_BAND } from '../shapes/carton/CartonShape';
import { FONT_FAMILY } from '../shapes/common/fonts';
import { LINE_HEIGHT } from '@carton/render';
import { NOTE_PADDING, noteLayout } from '../shapes/note/NoteShape';
import { textLines } from '../shapes/text/TextShape';
import { editorPlacement } from './editorPlacement';
import { fontBox, nudgeOf, textEditorStyle } from './editorStyle';
import { attachedInsertion, shownText, storedAfterEdit } from './editorText';
import { useCoarsePointer } from './shortcuts';
import { caretAfterEdit } from '../presence/caretAfterEdit';
import { WritingGoneNotice } from './WritingGoneNotice';

function textOf(shape: Shape): string {
  if (shape.type === 'carton') return shape.title;
  if (shape.type === 'note' || shape.type === 'text') return shape.text;
  return '';
}

/** What the textarea shows: a note's or heading's text with its punctuation kept attached. */
function shownOf(shape: Shape): string {
  return shape.type === 'carton' ? shape.title : shownText(textOf(shape));
}

/** A heading's height: as many lines as the canvas draws it in (one when empty). */
function textHeight(shape: Pick<TextModel, 'text' | 'w' | 'fontSize'>): number {
  return Math.max(1, textLines(shape).length) * shape.fontSize * LINE_HEIGHT;
}

/**
 * Typing « : » after a space (or a space before « ! », after « « »…), or pasting such text: the
 * space is written as the no-break space the canvas keeps, in the same insertion, so the line
 * breaks at once where the canvas breaks it and one undo gives the plain space back. (Setting
 * the textarea's value instead would empty its undo history.)
 */
function attachPunctuation(event: InputEvent): void {
  const area = event.target;
  if (!(area instanceof HTMLTextAreaElement) || event.isComposing) return;
  if (event.inputType !== 'insertText' && event.inputType !== 'insertFromPaste') return;
  const data = event.data ?? event.dataTransfer?.getData('text/plain');
  if (!data) return;
  const insertion = attachedInsertion(area.value, area.selectionStart, area.selectionEnd, data);
  if (!insertion) return;
  event.preventDefault();
  area.setSelectionRange(insertion.start, insertion.end);
  // The one way to change a textarea's text that its own undo (Ctrl+Z) keeps as a step.
  document.execCommand('insertText', false, insertion.text);
  area.setSelectionRange(insertion.caret, insertion.caret);
}

export function TextEditor() {
  return (
    <>
      <ShapeTextEditor />
      {/* Why the editor went away, when someone else deleted or locked the shape. */}
      <WritingGoneNotice />
    </>
  );
}

function ShapeTextEditor() {
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
  // A shape someone else locks while this person writes in it can no longer be written (M33):
  // the editor closes rather than swallow every key (board/keyboard.ts eats the rest).
  const editable =
    shape &&
    !isLocked(shape) &&
    (shape.type === 'note' || shape.type === 'text' || shape.type === 'carton');

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
    const writesLines = session.view.getShape(editingId)?.type !== 'carton';
    if (writesLines) element?.addEventListener('beforeinput', attachPunctuation);
    element?.focus();
    // A carton title is usually replaced (the default one); a note is usually added to.
    if (element?.classList.contains('text-editor-carton')) element.select();
    else element?.setSelectionRange(element.value.length, element.value.length);
    return () => {
      element?.removeEventListener('beforeinput', attachPunctuation);
      const current = session.view.getShape(editingId);
      if (current?.type === 'text' && !current.text.trim())
        session.shell.write((tx) => tx.delete([editingId]));
      session.shell.endGesture();
      zoomBack();
    };
  }, [session, editingId]);

  // Someone else's words arriving change the textarea's value, and the browser then puts the
  // caret at the end: the next letter typed would land among their words. Where the caret was
  // is read before React writes the new value, and put back at the same place in the new text.
  const shown = shape && editable ? shownOf(shape) : '';
  const caretBefore = useRef<{ value: string; start: number; end: number } | null>(null);
  const area = ref.current;
  if (area && area.value !== shown && document.activeElement === area) {
    caretBefore.current = { value: area.value, start: area.selectionStart, end: area.selectionEnd };
  }
  useLayoutEffect(() => {
    const before = caretBefore.current;
    caretBefore.current = null;
    const element = ref.current;
    if (!before || !element || element.value === before.value) return;
    element.setSelectionRange(
      caretAfterEdit(before.value, element.value, before.start),
      caretAfterEdit(before.value, element.value, before.end),
    );
  }, [shown]);

  if (!editingId || !camera || !shape || !editable || session.readOnly) return null;

  const close = () => session.store.setState({ editingId: null });
  const onChange = (area: HTMLTextAreaElement) => {
    const value = area.value;
    if (shape.type === 'carton') {
      session.shell.write((tx) => tx.update(shape.id, { title: value.replace(/\n/gu, ' ') }));
      return;
    }
    const text = storedAfterEdit(textOf(shape), shownOf(shape), value);
    session.shell.write((tx) => {
      if (shape.type === 'note') tx.update(shape.id, { text });
      else if (shape.type === 'text')
        tx.update(shape.id, { text, h: textHeight({ ...shape, text }) });
    });
    // An edit attachPunctuation did not see (a letter deleted between a space and « : »): the
    // space is shown as the canvas keeps it all the same, the caret and selection where they were.
    const shown = shownText(text);
    if (shown !== value) {
      const { selectionStart, selectionEnd, selectionDirection } = area;
      area.value = shown;
      area.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
    }
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
    // The canvas's own lines (punctuation attached), so the block is centred as Konva centres it.
    const { size, lines } = noteLayout(shape);
    const linesHeight = Math.min(
      shape.h - NOTE_PADDING * 2,
      Math.max(1, lines.length) * size * LINE_HEIGHT,
    );
    // Centred as Konva centres the lines, each baseline where Konva puts it (baselineNudge).
    const top = ((shape.h - linesHeight) / 2) * z;
    const nudge = nudgeOf(size * LINE_HEIGHT * z, fontBox(size * z, 'normal'));
    Object.assign(style, {
      width: shape.w * z,
      height: shape.h * z,
      fontSize: size * z,
      padding: `${(top + nudge).toFixed(2)}px ${NOTE_PADDING * z}px 0`,
      textAlign: 'center',
    });
  } else if (shape.type === 'text') {
    // All the lines the canvas draws, even past a stored height too small for them (the shape
    // was narrowed, or its size changed by someone else): nothing typed is hidden.
    const lines = textLines(shape).length;
    Object.assign(style, textEditorStyle(shape, z, fontBox(shape.fontSize * z), lines));
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
      value={shownOf(shape)}
      spellCheck
      lang="fr-CA"
      onChange={(e) => onChange(e.target)}
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
