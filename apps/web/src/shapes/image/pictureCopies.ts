// A photo is drawn first from the server's small copy (`GET …/images/:blobId/small`, its longer
// side at most 512 px), and its whole picture is fetched only once it is drawn bigger than that
// copy can show sharply (a participant zooming into it). At a venue's 1.6 Mbps, a phone's board
// of 8 photos fetched whole took 7.8 MB and ~45 s, each drawn ~120 × 90 device pixels.
// Exports never come here: they fetch the whole pictures (export/blobs.ts).
import { ApiError } from '../../board/api';

/** Which picture of a photo: the server's small copy, or the stored picture itself. */
export type PictureCopy = 'small' | 'full';

/** The small copy's longest side, as the server makes it (never enlarged). */
export const SMALL_PICTURE_PX = 512;

/**
 * How much bigger than its pixels a copy may be drawn before the whole picture is fetched: a copy
 * stretched by a quarter still reads. The small copy is kept up to 640 device pixels: a phone at 2×
 * sees a 480-unit photo at 66 % zoom from it, and at its fit (~25 %) by far.
 */
export const SHARP_MARGIN = 1.25;

/** A decoded picture of a photo and its pixels. */
export interface LoadedPicture<T> {
  readonly source: T;
  readonly width: number;
  readonly height: number;
  /** `full` also when the small copy was not to be had and the whole picture came instead. */
  readonly copy: PictureCopy;
}

/**
 * Whether a photo drawn `drawnLongPx` device pixels along its longer side (its size on screen
 * × devicePixelRatio) needs its whole picture, while `shown` is drawn: only a small copy drawn
 * past SHARP_MARGIN times its pixels does, and not when the copy is already the whole picture (a
 * small photo comes back from …/small as it is stored: `natural` is the photo's stored size).
 */
export function wantsWholePicture(
  drawnLongPx: number,
  shown: Pick<LoadedPicture<unknown>, 'width' | 'height' | 'copy'>,
  natural: { readonly width: number; readonly height: number },
): boolean {
  if (shown.copy === 'full') return false;
  const shownLong = Math.max(shown.width, shown.height);
  if (shownLong >= Math.max(natural.width, natural.height)) return false;
  return drawnLongPx > shownLong * SHARP_MARGIN;
}

/**
 * Whether a photo whose board box (turned, see the model's shapeBounds) is `box` shows in `view`
 * (the world the screen shows). The canvas also draws the shapes in a margin around the screen,
 * for panning: a phone zoomed into one photo at 3× fetched the whole pictures of all 8 photos it
 * had drawn there.
 */
export function seenInView(
  box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number },
  view: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
): boolean {
  return (
    box.x + box.w > view.x &&
    box.x < view.x + view.width &&
    box.y + box.h > view.y &&
    box.y < view.y + view.height
  );
}

/**
 * The pictures of one board's photos: each copy fetched at most once per blob (a failed fetch may
 * be tried again), kept decoded. Once the whole picture is in, it is the one drawn: a photo never
 * goes back to its small copy.
 */
export class PictureCopies<T> {
  private readonly small = new Map<string, Promise<LoadedPicture<T>>>();
  private readonly full = new Map<string, Promise<LoadedPicture<T>>>();
  private readonly ready = new Map<string, LoadedPicture<T>>();

  constructor(
    /** Fetches a copy's bytes; a non-OK answer rejects with an ApiError of its status. */
    private readonly fetchCopy: (blobId: string, copy: PictureCopy) => Promise<Blob>,
    /** Decodes (or at least measures) a copy's bytes; see LoadedPicture. */
    private readonly decode: (
      blob: Blob,
      copy: PictureCopy,
    ) => Promise<Omit<LoadedPicture<T>, 'copy'>>,
    /** Makes the small copy of a photo this page holds (see keepLocal); by default, itself. */
    private readonly shrinkLocal: (blob: Blob) => Promise<Blob> = (blob) => Promise.resolve(blob),
  ) {}

  /** Photos this page holds already (keepLocal), until their whole picture is decoded. */
  private readonly local = new Map<string, Blob>();

  /** The best picture decoded so far (the whole one once in), or null. */
  best(blobId: string): LoadedPicture<T> | null {
    return this.ready.get(blobId) ?? null;
  }

  /**
   * The small copy. A server that answers …/small with anything but the copy (an older server's
   * 404, a busy one's 503) gives the whole picture instead, as before the small copies: nothing
   * shows worse. No answer at all (offline) rejects: the caller tries again later.
   */
  loadSmall(blobId: string): Promise<LoadedPicture<T>> {
    return this.once(this.small, blobId, () => {
      const local = this.local.get(blobId);
      if (!local) return this.fetchSmall(blobId);
      return this.shrinkLocal(local)
        .then((blob) => this.decoded(blobId, blob, 'small'))
        .catch(() => this.notLocal(blobId, () => this.fetchSmall(blobId)));
    });
  }

  /**
   * A photo this page holds already (it just sent it: the server stores those very bytes, named
   * by their SHA-256): its small copy is made from them here (shrinkLocal), and its whole
   * picture is them. The participant who sent a photo fetched its small copy back from the
   * server, on the venue's wifi, for a picture it had in hand.
   */
  keepLocal(blobId: string, blob: Blob): void {
    if (!this.small.has(blobId) && !this.full.has(blobId)) this.local.set(blobId, blob);
  }

  /** The whole picture, kept once decoded (from then on the one `best` gives). */
  loadFull(blobId: string): Promise<LoadedPicture<T>> {
    return this.once(this.full, blobId, () => {
      const local = this.local.get(blobId);
      if (!local) return this.fetchFull(blobId);
      return this.decoded(blobId, local, 'full').then(
        (picture) => (this.local.delete(blobId), picture),
        () => this.notLocal(blobId, () => this.fetchFull(blobId)),
      );
    });
  }

  private fetchSmall(blobId: string): Promise<LoadedPicture<T>> {
    return this.fetchCopy(blobId, 'small').then(
      (blob) => this.decoded(blobId, blob, 'small'),
      (error: unknown) => {
        if (error instanceof ApiError && error.status !== 0) return this.loadFull(blobId);
        throw error;
      },
    );
  }

  private fetchFull(blobId: string): Promise<LoadedPicture<T>> {
    return this.fetchCopy(blobId, 'full').then((blob) => this.decoded(blobId, blob, 'full'));
  }

  /** Bytes this page holds but cannot draw: let go, the photo fetched as any other. */
  private notLocal(
    blobId: string,
    fetch: () => Promise<LoadedPicture<T>>,
  ): Promise<LoadedPicture<T>> {
    this.local.delete(blobId);
    return fetch();
  }

  private once(
    pending: Map<string, Promise<LoadedPicture<T>>>,
    blobId: string,
    load: () => Promise<LoadedPicture<T>>,
  ): Promise<LoadedPicture<T>> {
    let loading = pending.get(blobId);
    if (!loading) {
      loading = load();
      // Forgotten when it failed, so that a later attempt fetches it again.
      loading.catch(() => pending.delete(blobId));
      pending.set(blobId, loading);
    }
    return loading;
  }

  private async decoded(blobId: string, blob: Blob, copy: PictureCopy): Promise<LoadedPicture<T>> {
    const picture = { ...(await this.decode(blob, copy)), copy };
    // The whole picture, once in, stays: a small copy decoded after it does not replace it.
    if (copy === 'full' || this.ready.get(blobId)?.copy !== 'full') this.ready.set(blobId, picture);
    return picture;
  }
}
