// A territory shown large on a laptop (1280 × 800): its name sits in the header's row, left of
// the forum kit centred over it. With a timer running and the vote's points shown, that left
// part (350 px) cut « Témiscouata 1 / 4 Vote : 0 point » to « Témiscou… ». Where the title needs
// more, the header says so (data-wrap) and mosaic.css gives the name a row of its own under the
// kit's; only then, as that row costs the carton 35 px (at 1280 × 720 its title then read smaller
// than the room needs).
import { useLayoutEffect, useState, type RefObject } from 'react';

/** One rem: the room mosaic.css leaves between the title and the kit (`- 1rem`). */
const CLEARANCE = 16;

/**
 * Whether a title `needed` px wide overflows its place in a header `header` px wide, left of a
 * kit `kit` px wide centred over it (mosaic.css: `max-width: calc(50% - kit / 2 - 1rem)`); the
 * same for the buttons at its right.
 */
export function titleNeedsRow(
  needed: number,
  header: number,
  kit: number,
  clearance = CLEARANCE,
): boolean {
  return needed > header / 2 - kit / 2 - clearance;
}

/**
 * Whether the shown territory's title needs its own row, measured again as the window, the kit
 * (a timer started or stopped), the name or the points change. `shown` is what is shown large
 * (null: the tiles, no title).
 */
export function useTitleRow(header: RefObject<HTMLElement | null>, shown: unknown): boolean {
  const [row, setRow] = useState(false);
  useLayoutEffect(() => {
    const element = header.current;
    const title = element?.querySelector<HTMLElement>('.mosaic-focus-title');
    if (!element || !title || shown === null) {
      setRow(false);
      return;
    }
    const kit = element.closest('.editor')?.querySelector<HTMLElement>('.forum-kit') ?? null;
    const measure = () => {
      const parts = [...title.children] as HTMLElement[];
      const gap = parseFloat(getComputedStyle(title).columnGap) || 0;
      // The name's full width even where it is cut (scrollWidth), then its position and points.
      const needed =
        parts.reduce((sum, part) => sum + part.scrollWidth, 0) + gap * (parts.length - 1);
      const kitWidth = kit?.getBoundingClientRect().width ?? 0;
      // « Amener en plénière » and « Retour à la mosaïque » right of the kit: at 1201 px in
      // French they touched « Minuterie ». Too wide there, the kit goes left as well.
      // They keep the row's gap from the kit, no more.
      const buttons = [...element.querySelectorAll<HTMLElement>(':scope > button')];
      const rowGap = parseFloat(getComputedStyle(element).columnGap) || 0;
      const buttonsWidth =
        buttons.reduce((sum, button) => sum + button.offsetWidth, 0) +
        rowGap * (buttons.length - 1);
      setRow(
        titleNeedsRow(needed, element.clientWidth, kitWidth) ||
          titleNeedsRow(buttonsWidth, element.clientWidth, kitWidth, rowGap),
      );
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(element);
    resized.observe(title);
    for (const part of title.children) resized.observe(part);
    if (kit) resized.observe(kit);
    return () => resized.disconnect();
  }, [header, shown]);
  return row;
}
