// Where Tab goes at either end of « Contenu ». The panel is drawn at the end of the page (above
// everything else), so the browser's own order took Tab from its last line out of the page, and
// Shift+Tab from its first control to whatever the page ends with (the forum's buttons, a
// toast): the panel is read as if it stood right after its button in the header.

const TABBABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
}

/**
 * Handles Tab at the panel's ends: returns true (the caller prevents the default) when it moved
 * the focus — back to `opener` before the first control, on to what follows `opener` after the
 * last one.
 */
export function tabAroundPanel(
  panel: HTMLElement,
  opener: HTMLElement | null,
  from: Element | null,
  backwards: boolean,
): boolean {
  if (!opener?.isConnected) return false;
  const inside = tabbables(panel);
  if (inside.length === 0) return false;
  if (backwards && from === inside[0]) {
    opener.focus();
    return true;
  }
  if (!backwards && from === inside[inside.length - 1]) {
    const page = tabbables(document).filter((el) => !panel.contains(el));
    const next = page[page.indexOf(opener) + 1];
    if (!next) return false;
    next.focus();
    return true;
  }
  return false;
}
