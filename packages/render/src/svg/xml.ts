/** Text for XML content and attribute values: escaped, and characters XML forbids dropped. */
export function xmlText(text: string): string {
  return (
    text
      // XML 1.0 forbids these characters even escaped; a note may hold them (pasted text).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** Numbers short and stable: at most two decimals, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export const deg = (radians: number): number => (radians * 180) / Math.PI;

/** `transform` for a rotation about (x, y), or nothing when there is none. */
export function rotateAbout(rotation: number, x: number, y: number): string {
  return rotation === 0 ? '' : ` transform="rotate(${num(deg(rotation))} ${num(x)} ${num(y)})"`;
}
