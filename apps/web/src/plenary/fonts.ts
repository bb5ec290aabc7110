// Metrics of the bundled typeface for @carton/render (text wraps like the editor's), loaded once.
import regularUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf?url';
import { parseFontMetrics, type RenderFonts } from '@carton/render';

let metrics: Promise<RenderFonts> | null = null;

export function loadRenderFonts(): Promise<RenderFonts> {
  if (!metrics) {
    const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    metrics = Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({
      regular: parseFontMetrics(regular),
      bold: parseFontMetrics(bold),
    }));
    metrics.catch(() => {
      metrics = null;
    });
  }
  return metrics;
}
