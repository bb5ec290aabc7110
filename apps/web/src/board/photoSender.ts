// Photos waiting to be sent. On a venue's wifi a photo chosen offline was refused (« Hors ligne :
// la photo n'a pas été envoyée »), and the participant had to find it again later. Now it is kept
// on this device (IndexedDB, offline/waitingPhotoStore.ts), drawn on this screen only, marked
// « en attente d'envoi », and sent when the network answers again.
//
// The shared board gets the photo only once the server holds its bytes: a shape written before
// would be a grey box on every other screen and on the projector for as long as this phone stays
// offline — for good if it leaves the venue, or if the forum's photos are full when it comes
// back — and a dead shape in the board's exports. So nothing of a waiting photo is in the
// document: the placement is done (with the same size and carton rules) once it is uploaded.
import type { UploadedImage } from './api';
import { ApiError } from './api';
import type { WaitingPhotoRecord, WaitingPhotoStore } from '../offline/waitingPhotoStore';
import { pictureRetryDelay } from '../shapes/image/pictureRetry';

/** `sending`: an upload is under way; `waiting`: for the network to come back. */
export type WaitingPhotoState = 'sending' | 'waiting';

export interface WaitingPhoto extends WaitingPhotoRecord {
  state: WaitingPhotoState;
  /** It has waited for the network (it is still « en attente d'envoi » while tried again). */
  waited: boolean;
}

export interface PhotoSenderDeps {
  boardId: string;
  /** Null where the browser keeps nothing: photos then wait in this page only. */
  store: WaitingPhotoStore | null;
  upload(blob: Blob): Promise<UploadedImage>;
  /** Whether the device says it has a network (navigator.onLine). */
  online(): boolean;
  /** Writes the photo on the board. `chosenNow`: uploaded at once, as it was chosen. */
  place(photo: WaitingPhotoRecord, uploaded: UploadedImage, chosenNow: boolean): void;
  /** The server refused it (damaged, too large, the forum's photos full, link no longer valid). */
  refused(error: unknown): void;
  /** A photo just chosen could not be sent yet: it waits (said once, as it is chosen). */
  waits(): void;
  now?: () => number;
  newId?: () => string;
}

/**
 * Whether a failed upload may pass later: no answer (offline, or the upload's deadline passed on
 * a link that forwards nothing), or the server restarting or overloaded. Every other answer is
 * the server's refusal, told as it always was.
 */
export function uploadMayPassLater(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!(error instanceof ApiError)) return false;
  return [0, 408, 429, 502, 503, 504].includes(error.status);
}

/**
 * Whether to try sending now: the board's socket up is proof of a network, whatever the device
 * says (a phone on a venue's network without internet may say it is offline); otherwise the
 * device's word (navigator.onLine; unknown counts as online).
 */
export function mayTrySending(
  socketConnected: boolean,
  deviceOnline: boolean | undefined,
): boolean {
  return socketConnected || deviceOnline !== false;
}

export class PhotoSender {
  private photos: WaitingPhoto[] = [];
  /** Photos this page could not keep in the store (storage full or denied). */
  private readonly unstored = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private tries = 0;
  private destroyed = false;

  constructor(private readonly deps: PhotoSenderDeps) {}

  /** Picks up the photos a previous page of this board left waiting, and tries to send them. */
  async load(): Promise<void> {
    let kept: WaitingPhotoRecord[];
    try {
      kept = (await this.deps.store?.list(this.deps.boardId)) ?? [];
    } catch {
      return;
    }
    if (this.destroyed) return;
    const known = new Set(this.photos.map((p) => p.id));
    const found = kept
      .filter((r) => !known.has(r.id))
      .sort((a, b) => a.addedAt - b.addedAt)
      .map((r): WaitingPhoto => ({ ...r, state: 'waiting', waited: true }));
    if (found.length === 0) return;
    this.photos = [...found, ...this.photos];
    this.changed();
    this.retry();
  }

  /** The photos waiting or being sent, oldest first. */
  list = (): readonly WaitingPhoto[] => this.photos;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps a chosen photo (already checked and made smaller) and sends it. */
  async add(photo: Omit<WaitingPhotoRecord, 'id' | 'boardId' | 'addedAt'>): Promise<void> {
    const record: WaitingPhotoRecord = {
      ...photo,
      id: this.deps.newId?.() ?? crypto.randomUUID(),
      boardId: this.deps.boardId,
      addedAt: (this.deps.now ?? Date.now)(),
    };
    this.photos = [...this.photos, { ...record, state: 'sending', waited: false }];
    this.changed();
    try {
      if (!this.deps.store) throw new Error('no store');
      await this.deps.store.put(record);
    } catch {
      this.unstored.add(record.id);
    }
    await this.send(record, true);
  }

  /** The network is back (or may be): every waiting photo is tried now. */
  retry = (): void => {
    this.tries = 0;
    this.tryWaiting();
  };

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private tryWaiting(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const photo of this.photos) if (photo.state === 'waiting') void this.send(photo, false);
  }

  /** Tries again later, later each time (1 s doubling to 30 s), for a network that came back quietly. */
  private schedule(): void {
    if (this.destroyed || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tries++;
      this.tryWaiting();
    }, pictureRetryDelay(this.tries));
  }

  /** Each change makes a new object: the canvas redraws a waiting photo when it changes. */
  private setState(photo: WaitingPhotoRecord, state: WaitingPhotoState): void {
    const now = this.photos.find((p) => p.id === photo.id);
    if (!now || now.state === state) return;
    const waited = now.waited || state === 'waiting';
    this.photos = this.photos.map((p) => (p === now ? { ...p, state, waited } : p));
    this.changed();
  }

  private async send(photo: WaitingPhotoRecord, chosenNow: boolean): Promise<void> {
    if (this.destroyed) return;
    if (!this.deps.online()) {
      this.setState(photo, 'waiting');
      if (chosenNow) this.deps.waits();
      return this.schedule();
    }
    this.setState(photo, 'sending');
    let uploaded: UploadedImage;
    try {
      uploaded = await this.deps.upload(photo.blob);
    } catch (error) {
      if (this.destroyed) return;
      if (uploadMayPassLater(error)) {
        this.setState(photo, 'waiting');
        if (chosenNow) this.deps.waits();
        return this.schedule();
      }
      await this.forget(photo);
      this.deps.refused(error);
      return;
    }
    // Left before the answer: the photo is still kept, and the next page places it (the server
    // stores a photo once per forum, so sending it again costs nothing).
    if (this.destroyed) return;
    const mine = await this.forget(photo);
    if (mine) this.deps.place(photo, uploaded, chosenNow);
  }

  /** Removes the photo; whether this page is the one to place it (see WaitingPhotoStore.take). */
  private async forget(photo: WaitingPhotoRecord): Promise<boolean> {
    let mine = true;
    if (!this.unstored.delete(photo.id) && this.deps.store) {
      try {
        mine = await this.deps.store.take(photo.id);
      } catch {
        mine = true;
      }
    }
    this.photos = this.photos.filter((p) => p.id !== photo.id);
    this.changed();
    return mine;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
