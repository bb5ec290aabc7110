// Whether the person asked their system for less motion (`prefers-reduced-motion: reduce`).
// CSS follows it in base.css; what script moves (the camera's glides, a row scrolled by its
// arrow) asks here, as `behavior: 'smooth'` given to a scroll call overrides the CSS.
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
