// A board's document drawn as SVG by @carton/render, kept current cheaply: a burst of changes
// is drawn once (at most every `throttleMs`), and only this board's listeners hear of it, so a
// remote edit on one territory redraws one tile of the mosaic, never the seven others.
// Photos need the board's token, so their bytes are fetched once each and shown from object
// URLs (the server's PNG export embeds them instead): the small copy first, the whole picture
// only where a viewer shows a photo bigger than its copy draws sharply (sharpenShown).
import type * as Y from 'yjs';
import type { Board, Shape } from '@carton/board';
import { renderSvg, type RenderedSvg, type RenderFonts } from '@carton/render';
import { PictureCopies, wantsWholePicture, type PictureCopy } from '../shapes/image/pictureCopies';
import { pictureRetryDelay, pictureWorthRetrying } from '../shapes/image/pictureRetry';
import { drawnAsStored } from '../shapes/image/unturned';

export const RENDER_MS = 400;

export interface LiveDrawingOptions {
  readonly fonts: RenderFonts;
  /** The SVG's <title> (accessibility): the board's title. */
  readonly title: string;
  /**
   * Fetches a photo's small copy or whole picture (with the board's token); a non-OK answer
   * rejects with an ApiError. Absent: photos draw as placeholders.
   */
  readonly loadImage?: (blobId: string, copy: PictureCopy) => Promise<Blob>;
  /** A small copy's pixels (default: the browser's createImageBitmap). */
  readonly measureImage?: (blob: Blob) => Promise<{ width: number; height: number }>;
  readonly throttleMs?: number;
}

async function measureBitmap(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

export class LiveDrawing {
  private svg = '';
  private box: RenderedSvg['box'] = { x: 0, y: 0, w: 0, h: 0 };
  private shapes: Shape[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly pictures: PictureCopies<string> | null;
  /** Every object URL made, released with the drawing. */
  private readonly urls: string[] = [];
  /** Copies asked for (`small:<blobId>`, `full:<blobId>`), loaded or on their way. */
  private readonly asked = new Set<string>();
  /** Failed fetches of each copy, and the waits before the next ones. */
  private readonly imageTries = new Map<string, number>();
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();
  private destroyed = false;
  /** The board's first sync arrived: its carton is as loaded (see markSynced). */
  private synced = false;
  /** Drawn from the synced board: until then no shape means « still loading », not « empty ». */
  private loaded = false;
  /** How many times the SVG was drawn (tests count them: one per burst, one board only). */
  renders = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly board: Board,
    private readonly options: LiveDrawingOptions,
  ) {
    const load = options.loadImage;
    const measure = options.measureImage ?? measureBitmap;
    this.pictures = load
      ? new PictureCopies(load, async (fetched, copy) => {
          // A PNG's EXIF orientation does not turn it (R35, unturned.ts), here as on the canvas.
          const blob = await drawnAsStored(fetched);
          // The whole picture is never replaced: only a small copy's pixels matter.
          const size = copy === 'small' ? await measure(blob) : { width: 0, height: 0 };
          if (this.destroyed) throw new Error('drawing destroyed');
          const url = URL.createObjectURL(blob);
          this.urls.push(url);
          return { source: url, ...size };
        })
      : null;
    this.doc.on('update', this.schedule);
    this.render();
  }

  private readonly schedule = () => {
    if (this.destroyed) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.render();
    }, this.options.throttleMs ?? RENDER_MS);
  };

  /** A photo's object URL once fetched (null meanwhile: a placeholder), for other drawings of
   * the same board (projector slides); asking starts the fetch of its small copy. */
  imageHref = (blobId: string): string | null => {
    const pictures = this.pictures;
    if (!pictures) return null;
    const best = pictures.best(blobId);
    if (best) return best.source;
    this.fetch(blobId, 'small', () => pictures.loadSmall(blobId));
    return null;
  };

  /**
   * A viewer drew this board's SVG in `root`: each photo shown bigger than its small copy draws
   * sharply (its size on screen × devicePixelRatio; a territory shown large on the room's
   * screen, a projector's carton) has its whole picture fetched, and a new SVG draws it.
   */
  sharpenShown = (root: ParentNode, pixelRatio: number = devicePixelRatio): void => {
    if (!this.pictures) return;
    const blobOf = new Map<string, string>();
    for (const shape of this.shapes) {
      if (shape.type !== 'image') continue;
      const url = this.pictures.best(shape.blobId)?.source;
      if (url) blobOf.set(url, shape.blobId);
    }
    for (const image of root.querySelectorAll<SVGImageElement>('image[data-type="image"]')) {
      const blobId = blobOf.get(image.getAttribute('href') ?? '');
      const screen = image.getScreenCTM();
      if (!blobId || !screen) continue;
      const scale = Math.hypot(screen.a, screen.b) * pixelRatio;
      const long = Math.max(image.width.baseVal.value, image.height.baseVal.value);
      this.sharpen(blobId, long * scale);
    }
  };

  /** The photo `blobId` is shown `drawnLongPx` device pixels long: see sharpenShown. */
  sharpen(blobId: string, drawnLongPx: number): void {
    const pictures = this.pictures;
    const shown = pictures?.best(blobId);
    const shape = this.shapes.find((s) => s.type === 'image' && s.blobId === blobId);
    if (!pictures || !shown || shape?.type !== 'image') return;
    const natural = { width: shape.naturalWidth, height: shape.naturalHeight };
    if (!wantsWholePicture(drawnLongPx, shown, natural)) return;
    this.fetch(blobId, 'full', () => pictures.loadFull(blobId));
  }

  /** Fetches one copy once; drawn again when it comes, asked again later if worth it. */
  private fetch(blobId: string, copy: PictureCopy, load: () => Promise<unknown>): void {
    const key = `${copy}:${blobId}`;
    if (this.asked.has(key)) return;
    this.asked.add(key);
    load().then(
      () => {
        if (!this.destroyed) this.schedule();
      },
      // A photo that cannot be read stays a placeholder (its board still draws). One the
      // venue's wifi or a busy server did not give is fetched again, later each time: it stayed
      // a placeholder on the room's big screen for the whole plenary.
      (error: unknown) => {
        if (this.destroyed || !pictureWorthRetrying(error)) return;
        const tries = this.imageTries.get(key) ?? 0;
        this.imageTries.set(key, tries + 1);
        const retry = setTimeout(() => {
          this.retries.delete(retry);
          this.asked.delete(key);
          // A small copy is asked again by the drawing; a whole picture was asked by a viewer's
          // measure, which a drawing left as it was (a carton held on the projector) never
          // makes again: it is fetched again here, or it stayed blurred on the big screen.
          if (copy !== 'full') this.render();
          else if (this.shapes.some((s) => s.type === 'image' && s.blobId === blobId))
            this.fetch(blobId, copy, load);
        }, pictureRetryDelay(tries));
        this.retries.add(retry);
      },
    );
  }

  private render(): void {
    const shapes = this.board.listShapes();
    this.shapes = shapes;
    const rendered = renderSvg(shapes, {
      fonts: this.options.fonts,
      title: this.options.title,
      padding: 24,
      imageHref: this.imageHref,
    });
    this.renders++;
    this.svg = rendered.svg;
    this.box = rendered.box;
    if (this.synced) this.loaded = true;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * The server's copy arrived (the socket's first sync). Its content, if any, came as an update
   * whose drawing is pending: that drawing marks the carton loaded. Nothing pending: what is
   * drawn already is the board, loaded now.
   */
  markSynced(): void {
    if (this.synced || this.destroyed) return;
    this.synced = true;
    if (this.timer !== null) return;
    this.loaded = true;
    for (const listener of this.listeners) listener();
  }

  /** Drawn from the board as the server holds it (false while its first sync is awaited). */
  isLoaded = (): boolean => this.loaded;
  getSvg = (): string => this.svg;
  /** The drawn area in board units (the SVG's viewBox): the tile's aspect, where notes sit. */
  getBox = (): RenderedSvg['box'] => this.box;
  getShapes = (): readonly Shape[] => this.shapes;
  shapeCount(): number {
    return this.shapes.length;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
    this.doc.off('update', this.schedule);
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls.length = 0;
    this.listeners.clear();
  }
}
