// Where the keyboard goes when what held it left the page or was disabled (a file field disabled
// while its file is sent, a dialog's buttons while it works): Chromium puts it on the page's body,
// and the next Tab started again from the page's top, a screen reader saying nothing of where
// it was. What the page shows next (a refusal, what was done) takes it.

/** Whether the keyboard's focus went nowhere: on the page's body, or on nothing. */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * A ref that gives `element` the focus as it arrives, only when the focus was lost (never taken
 * from elsewhere). Stable: the element needs tabIndex -1 if it is not focusable itself.
 */
export function focusWhenLost(element: HTMLElement | null): void {
  if (element && focusLost()) element.focus();
}
