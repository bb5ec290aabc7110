// Whether the main pointer is a finger (phones, most tablets): the same media query the rest of
// the app reads for touch (shortcut labels, help, copy buttons). A touch-first device has no
// keyboard until a text field has the focus, so what waits for keys must open a field instead.
const COARSE = '(pointer: coarse)';

export function isTouchFirst(): boolean {
  return typeof matchMedia === 'function' && matchMedia(COARSE).matches;
}
