// SVG of a carton, by @carton/render (the same drawing the server's PNGs use), made to open
// identically anywhere: the bundled Atkinson Hyperlegible is embedded as base64 @font-face
// (render wraps text with that font's own metrics, so the lines only hold with that font) and
// images are embedded as data: URLs.
import regularUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf?url';
import type { BoardFileImage, Shape } from '@carton/board';
import {
  parseFontMetrics,
  renderSvg,
  voteBadgesSvg,
  withBadges,
  type RenderFonts,
} from '@carton/render';
import { bytesToBase64 } from './blobs';

interface FontFiles {
  readonly metrics: RenderFonts;
  readonly regular: string;
  readonly bold: string;
}

let fonts: Promise<FontFiles> | null = null;

/** Metrics (for wrapping) and base64 (for embedding) of the bundled faces, fetched once. */
export function loadFontFiles(): Promise<FontFiles> {
  if (!fonts) {
    const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    fonts = Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({
      metrics: { regular: parseFontMetrics(regular), bold: parseFontMetrics(bold) },
      regular: bytesToBase64(regular),
      bold: bytesToBase64(bold),
    }));
    fonts.catch(() => {
      fonts = null;
    });
  }
  return fonts;
}

function fontFaces(files: FontFiles): string {
  const family = files.metrics.regular.family.replace(/'/g, '');
  const face = (data: string, weight: number) =>
    `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;src:url(data:font/ttf;base64,${data}) format('truetype');}`;
  return `<defs><style>${face(files.regular, 400)}${face(files.bold, 700)}</style></defs>`;
}

export interface CartonSvgOptions {
  readonly title: string;
  readonly images: Readonly<Record<string, BoardFileImage>>;
  /** null: transparent. */
  readonly background: string | null;
  readonly scale?: number;
  /** A closed vote's dots by note (shape id → dots), drawn as the archive draws them. */
  readonly dots?: ReadonlyMap<string, number>;
}

/** One carton (and what it holds) as a self-contained SVG document. */
export async function cartonSvg(
  shapes: readonly Shape[],
  cartonId: string,
  options: CartonSvgOptions,
): Promise<{ svg: string; width: number; height: number }> {
  const files = await loadFontFiles();
  const rendered = renderSvg(shapes, {
    fonts: files.metrics,
    scope: { kind: 'carton', id: cartonId },
    images: options.images,
    background: options.background,
    scale: options.scale ?? 1,
    title: options.title,
  });
  // The faces go right after the root element's opening tag (and its <title>, if any).
  const drawn = options.dots
    ? withBadges(rendered.svg, voteBadgesSvg(shapes, options.dots))
    : rendered.svg;
  const open = drawn.indexOf('>') + 1;
  const svg = `${drawn.slice(0, open)}\n${fontFaces(files)}${drawn.slice(open)}`;
  return { svg, width: rendered.width, height: rendered.height };
}
