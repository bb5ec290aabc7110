// The first-visit hint (« Première visite ? Touchez Papillon… »): shown once per device, like the
// stored name, until dismissed or until the person has placed something. Kept in localStorage.
export const HINT_STORAGE = 'carton.helpHint';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: no hint rather than one on every visit
  }
}

/** Whether this device already saw the hint through (dismissed it, or placed something). */
export function hintDone(): boolean {
  try {
    const store = storage();
    return store === null || store.getItem(HINT_STORAGE) === 'done';
  } catch {
    return true;
  }
}

export function markHintDone(): void {
  try {
    storage()?.setItem(HINT_STORAGE, 'done');
  } catch {
    // Storage full or blocked: the hint simply goes away for this visit.
  }
}

export interface HintSituation {
  /** Dismissed, or something placed, on this device (now or on an earlier visit). */
  done: boolean;
  readOnly: boolean;
  /** The plenary board: shown to the room from the facilitator's screen, not a first visit's place. */
  plenary: boolean;
  /** The help dialog is open: the hint would only repeat it. */
  helpOpen: boolean;
  /** The chosen tool: another than Select puts its caption where the hint sits. */
  tool: string;
  /** Shapes chosen: their panel of colours and actions takes the hint's place. */
  selecting: boolean;
  /** An open vote's banner (« Il vous reste 3 points ») is drawn where the hint sits. */
  voteBanner: boolean;
}

/**
 * Whether the hint shows now. Only an editor's first visit to a territory's board: a view link
 * cannot add anything, and the plenary board is the room's (projected, facilitated).
 * It steps aside (without being dismissed) while a tool, a selection or a vote needs that place.
 */
export function showsHint(s: HintSituation): boolean {
  if (s.done || s.readOnly || s.plenary || s.helpOpen || s.voteBanner) return false;
  return s.tool === 'select' && !s.selecting;
}
