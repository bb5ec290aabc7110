// Choosing several shapes from the keyboard: Shift+Enter (or Shift+Space) on the shape the
// keyboard is on adds it to the selection or takes it out; while a selection built that way is
// chosen, Tab and Shift+Tab move only the focus (outlined on the board), so the next shape can
// be added in turn, and the arrows then move them all. The live region says each step.
import { select } from './actions';
import { adjacentShape } from './keyboardNav';
import { boardReadingOrder, reveal } from './navigate';
import type { BoardSession } from './session';
import type { SelectionToggle, SessionState } from './store';

/** Whether the selection is one Shift+Enter built (Tab then moves only the focus). */
export function buildingSelection(s: Pick<SessionState, 'selection' | 'builtSelection'>): boolean {
  return s.builtSelection !== null && s.selection === s.builtSelection;
}

/**
 * The shape the keyboard is on: the one it moved to while building a selection; otherwise the
 * one chosen shape (Tab, an arrow or a click chose it), or null when it cannot be told.
 */
export function focusedShapeOf(
  s: Pick<SessionState, 'selection' | 'builtSelection' | 'focusedShape'>,
): string | null {
  if (buildingSelection(s)) return s.focusedShape;
  if (s.selection.length === 1) return s.selection[0] ?? null;
  return s.focusedShape !== null && s.selection.includes(s.focusedShape) ? s.focusedShape : null;
}

/**
 * The selection after Shift+Enter on `focused`. While building, it joins or leaves. Otherwise the
 * selection merely followed the focus (Tab chose that shape alone): it is kept as the first of
 * the set rather than dropped, and building begins.
 */
export function toggledSelection(
  selection: readonly string[],
  focused: string,
  building: boolean,
): { ids: string[]; change: SelectionToggle } {
  const chosen = selection.includes(focused);
  if (!building && chosen) return { ids: [...selection], change: 'kept' };
  return chosen
    ? { ids: selection.filter((id) => id !== focused), change: 'removed' }
    : { ids: [...selection, focused], change: 'added' };
}

/** Shift+Enter on the board: false when the keyboard is on no shape. */
export function toggleFocusedShape(session: BoardSession): boolean {
  const state = session.store.getState();
  const focused = focusedShapeOf(state);
  if (focused === null || !session.scene.getShape(focused)) return false;
  const { ids, change } = toggledSelection(state.selection, focused, buildingSelection(state));
  select(session, ids);
  session.store.setState({
    builtSelection: ids,
    focusedShape: focused,
    keyboardNews: { selection: ids, kind: 'toggle', id: focused, change },
  });
  return true;
}

/**
 * Tab (1) or Shift+Tab (-1) while building a selection: the focus goes to the next shape in
 * reading order, the selection stays. False past either end (the focus then leaves the board).
 */
export function moveShapeFocus(session: BoardSession, step: 1 | -1): boolean {
  const { selection, focusedShape } = session.store.getState();
  const from = focusedShape === null ? [] : [focusedShape];
  const next = adjacentShape(boardReadingOrder(session), from, step);
  if (next === null) return false;
  session.store.setState({
    focusedShape: next,
    keyboardNews: { selection, kind: 'focus', id: next },
  });
  reveal(session, next);
  return true;
}
