// Keys of the mosaic while the facilitator talks about one territory: ← → go to the previous
// or next territory (round the room: after the last comes the first), Home and End to the ends,
// Escape back to the whole mosaic. In the grid, the arrows move the focus between tiles.

export type FocusMove = { readonly kind: 'show'; readonly id: string } | { readonly kind: 'back' };

/** What a key does while `current` fills the mosaic; null: not a mosaic key. */
export function focusKey(key: string, ids: readonly string[], current: string): FocusMove | null {
  if (key === 'Escape') return { kind: 'back' };
  const at = ids.indexOf(current);
  if (at < 0 || ids.length === 0) return null;
  const n = ids.length;
  const to =
    key === 'ArrowRight' || key === 'PageDown'
      ? (at + 1) % n
      : key === 'ArrowLeft' || key === 'PageUp'
        ? (at - 1 + n) % n
        : key === 'Home'
          ? 0
          : key === 'End'
            ? n - 1
            : null;
  return to === null ? null : { kind: 'show', id: ids[to]! };
}

/** The tile the arrow keys move the focus to in a grid of `columns`; null: not a grid key. */
export function gridKey(key: string, index: number, count: number, columns: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
      return Math.min(last, index + 1);
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowDown':
      return Math.min(last, index + Math.max(1, columns));
    case 'ArrowUp':
      return Math.max(0, index - Math.max(1, columns));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** A key typed into a field (the timer's minutes…) is the field's, never the mosaic's. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const element = target as unknown as { tagName: string; isContentEditable?: boolean };
  return (
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT' ||
    element.isContentEditable === true
  );
}
