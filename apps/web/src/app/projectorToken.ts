// Projector mode keeps its link out of the address bar: a projected window that is not full
// screen shows it to the room, and the link the forum page opens it with is the facilitator's
// (full access to the forum). The token moves into the tab's history entry, which a reload of
// the same tab keeps; the address bar shows `/p/<boardId>` alone.

const KEY = 'cartonProjectorToken';

/** Takes the token (and the fragment's other words) out of the address bar, kept for a reload. */
export function hideProjectorToken(token: string): void {
  const state: unknown = history.state;
  const kept = state !== null && typeof state === 'object' ? state : {};
  history.replaceState({ ...kept, [KEY]: token }, '', `${location.pathname}${location.search}`);
}

/** The token a projector tab hid from its address bar (see hideProjectorToken), or null. */
export function keptProjectorToken(state: unknown): string | null {
  if (state === null || typeof state !== 'object') return null;
  const token = (state as Record<string, unknown>)[KEY];
  return typeof token === 'string' && token.length > 0 ? token : null;
}
