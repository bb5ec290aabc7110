// WCAG 2.2 contrast ratios, to check the editor's colours against the notes they are drawn on.

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The hue (0 to 360°) of a colour, to tell a darker shade of it from another colour. */
export function hue(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const span = max - Math.min(r, g, b);
  if (span === 0) return 0;
  const turn = max === r ? (g - b) / span : max === g ? (b - r) / span + 2 : (r - g) / span + 4;
  return (turn * 60 + 360) % 360;
}

/** `ink` drawn at `opacity` over `paper`, as the screen shows it. */
export function blend(ink: string, paper: string, opacity: number): [number, number, number] {
  const a = rgb(ink);
  const b = rgb(paper);
  return [0, 1, 2].map((i) => Math.round(a[i]! * opacity + b[i]! * (1 - opacity))) as [
    number,
    number,
    number,
  ];
}

/** The contrast ratio (1 to 21) of `ink` at `opacity` over `paper`. */
export function contrastRatio(ink: string, paper: string, opacity = 1): number {
  const [high, low] = [luminance(blend(ink, paper, opacity)), luminance(rgb(paper))].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
