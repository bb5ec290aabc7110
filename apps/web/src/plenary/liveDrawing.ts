// A board's document drawn as SVG by @carton/render, kept current cheaply: a burst of changes
// is drawn once (at most every `throttleMs`), and only this board's listeners hear of it, so a
// remote edit on one territory redraws one tile of the mosaic, never the seven others.
// Photos need the board's token, so their bytes are fetched once each and shown from object
// URLs (the server's PNG export embeds them instead).
import type * as Y from 'yjs';
import type { Board, Shape } from '@carton/board';
import { renderSvg, type RenderedSvg, type RenderFonts } from '@carton/render';
import { pictureRetryDelay, pictureWorthRetrying } from '../shapes/image/pictureRetry';

export const RENDER_MS = 400;

export interface LiveDrawingOptions {
  readonly fonts: RenderFonts;
  /** The SVG's <title> (accessibility): the board's title. */
  readonly title: string;
  /** Fetches a photo's bytes (with the board's token); absent: photos draw as placeholders. */
  readonly loadImage?: (blobId: string) => Promise<Blob>;
  readonly throttleMs?: number;
}

type ImageEntry = { readonly state: 'loading' } | { readonly state: 'ready'; readonly url: string };

export class LiveDrawing {
  private svg = '';
  private box: RenderedSvg['box'] = { x: 0, y: 0, w: 0, h: 0 };
  private shapes: Shape[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly images = new Map<string, ImageEntry>();
  /** Failed fetches of each photo, and the waits before the next ones. */
  private readonly imageTries = new Map<string, number>();
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();
  private destroyed = false;
  /** How many times the SVG was drawn (tests count them: one per burst, one board only). */
  renders = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly board: Board,
    private readonly options: LiveDrawingOptions,
  ) {
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
   * the same board (projector slides); asking starts the fetch. */
  imageHref = (blobId: string): string | null => {
    const entry = this.images.get(blobId);
    if (entry) return entry.state === 'ready' ? entry.url : null;
    const load = this.options.loadImage;
    if (!load) return null;
    this.images.set(blobId, { state: 'loading' });
    load(blobId).then(
      (blob) => {
        if (this.destroyed) return;
        this.images.set(blobId, { state: 'ready', url: URL.createObjectURL(blob) });
        this.schedule();
      },
      // A photo that cannot be read stays a placeholder (its board still draws). One the
      // venue's wifi or a busy server did not give is fetched again, later each time: it stayed
      // a placeholder on the room's big screen for the whole plenary.
      (error: unknown) => {
        if (this.destroyed || !pictureWorthRetrying(error)) return;
        const tries = this.imageTries.get(blobId) ?? 0;
        this.imageTries.set(blobId, tries + 1);
        const retry = setTimeout(() => {
          this.retries.delete(retry);
          this.images.delete(blobId);
          this.render();
        }, pictureRetryDelay(tries));
        this.retries.add(retry);
      },
    );
    return null;
  };

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
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

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
    for (const entry of this.images.values())
      if (entry.state === 'ready') URL.revokeObjectURL(entry.url);
    this.images.clear();
    this.listeners.clear();
  }
}
