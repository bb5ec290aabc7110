// The facilitator's merges in « Les incontournables », as changes for PUT /compilation.
// Dragging item A onto item B (or « Fusionner avec… » B) merges A into B; « Séparer » undoes
// every manual merge into an item.

export interface MergeableItem {
  readonly key: string;
  readonly mergedKeys: readonly string[];
}

export type MergeChange = Record<string, string | null>;

/** The change that merges `source` into `target`, or null when it means nothing. */
export function mergeChange(
  items: readonly MergeableItem[],
  sourceKey: string,
  targetKey: string,
): MergeChange | null {
  if (sourceKey === targetKey) return null;
  const source = items.find((i) => i.key === sourceKey);
  const target = items.find((i) => i.key === targetKey);
  if (!source || !target) return null;
  // What was merged into the source follows it, so no chain is left behind.
  const change: MergeChange = { [sourceKey]: targetKey };
  for (const key of source.mergedKeys) if (key !== targetKey) change[key] = targetKey;
  return change;
}

/** The change that splits every manual merge into `item` (those the server lists as merged). */
export function splitChange(
  item: MergeableItem,
  manualMerges: Readonly<Record<string, string>>,
): MergeChange | null {
  const keys = item.mergedKeys.filter((key) => manualMerges[key] !== undefined);
  if (keys.length === 0) return null;
  return Object.fromEntries(keys.map((key) => [key, null]));
}

/**
 * The change that puts back what `change` altered, from the merges as they were before it:
 * « Annuler » right after a merge (a drop on the wrong item is easy on a crowded list).
 */
export function undoChange(
  change: MergeChange,
  mergesBefore: Readonly<Record<string, string>>,
): MergeChange {
  return Object.fromEntries(Object.keys(change).map((key) => [key, mergesBefore[key] ?? null]));
}

/** Drag state: which item is held, which one the pointer is over (highlighted as the target). */
export interface DragState {
  readonly dragging: string | null;
  readonly over: string | null;
}

export type DragEvent =
  | { type: 'start'; key: string }
  | { type: 'enter'; key: string }
  | { type: 'leave'; key: string }
  | { type: 'end' };

export const IDLE_DRAG: DragState = { dragging: null, over: null };

export function dragReducer(state: DragState, event: DragEvent): DragState {
  switch (event.type) {
    case 'start':
      return { dragging: event.key, over: null };
    case 'enter':
      return state.dragging && state.dragging !== event.key ? { ...state, over: event.key } : state;
    case 'leave':
      return state.over === event.key ? { ...state, over: null } : state;
    case 'end':
      return IDLE_DRAG;
  }
}
