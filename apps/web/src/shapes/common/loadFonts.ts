// Carton's typeface, Atkinson Hyperlegible (SIL OFL 1.1), served with the client so the canvas,
// the text editor and the PNG export (@carton/render uses the same font) measure text alike.
import regularUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf?url';

let ready: Promise<void> | null = null;

/** Loads both weights once; resolves after at most `timeoutMs` even if a font fails. */
export function loadFonts(timeoutMs = 3000): Promise<void> {
  if (!ready) {
    const faces = [
      new FontFace('Atkinson Hyperlegible', `url(${regularUrl})`, { weight: '400' }),
      new FontFace('Atkinson Hyperlegible', `url(${boldUrl})`, { weight: '700' }),
    ];
    const loading = Promise.all(
      faces.map(async (face) => {
        document.fonts.add(await face.load());
      }),
    ).then(
      () => undefined,
      () => undefined, // a fallback font is still readable
    );
    ready = Promise.race([loading, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }
  return ready;
}
