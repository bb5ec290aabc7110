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
import {
  KEPT_PHOTOS_MAX_AGE_MS,
  KEPT_PHOTOS_MAX_BYTES,
  type WaitingPhotoRecord,
  type WaitingPhotoStore,
} from '../offline/waitingPhotoStore';
import { pictureRetryDelay } from '../shapes/image/pictureRetry';

/**
 * A photo that would have to wait while this device already keeps KEPT_PHOTOS_MAX_BYTES of
 * photos waiting: refused in plain words rather than filling the phone's storage.
 */
export class WaitingPhotosFull extends Error {
  constructor() {
    super('This device already keeps as many waiting photos as it may');
    this.name = 'WaitingPhotosFull';
  }
}

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
  /** Photos not kept because the device keeps enough already: refused if they must wait. */
  private readonly overLimit = new Set<string>();
  /**
   * Photos the participant removed: never sent again, and not placed if an upload of one was
   * already under way (its answer is ignored).
   */
  private readonly removed = new Set<string>();
  private uploads = 0;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private tries = 0;
  private destroyed = false;

  constructor(private readonly deps: PhotoSenderDeps) {}

  /** Picks up the photos a previous page of this board left waiting, and tries to send them. */
  async load(): Promise<void> {
    let kept: WaitingPhotoRecord[];
    // Photos older than KEPT_PHOTOS_MAX_AGE_MS are forgotten first, every board's: one kept for
    // a board never opened again would otherwise stay on the phone for good.
    await this.deps.store?.forgetOlderThan(this.now() - KEPT_PHOTOS_MAX_AGE_MS).catch(() => 0);
    try {
      kept = (await this.deps.store?.list(this.deps.boardId)) ?? [];
    } catch {
      return;
    }
    if (this.destroyed) return;
    const known = new Set(this.photos.map((p) => p.id));
    const found = kept
      .filter((r) => !known.has(r.id) && !this.removed.has(r.id))
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

  /** Uploads under way, their answer not yet handled (the test hook waits for none). */
  uploading = (): number => this.uploads;

  /** Keeps a chosen photo (already checked and made smaller) and sends it. */
  async add(photo: Omit<WaitingPhotoRecord, 'id' | 'boardId' | 'addedAt'>): Promise<void> {
    const record: WaitingPhotoRecord = {
      ...photo,
      id: this.deps.newId?.() ?? crypto.randomUUID(),
      boardId: this.deps.boardId,
      addedAt: this.now(),
    };
    this.photos = [...this.photos, { ...record, state: 'sending', waited: false }];
    this.changed();
    try {
      if (!this.deps.store) throw new Error('no store');
      const { store } = this.deps;
      const keptBytes = await store.forgetOlderThan(record.addedAt - KEPT_PHOTOS_MAX_AGE_MS);
      if (keptBytes + record.blob.size > KEPT_PHOTOS_MAX_BYTES) {
        // Sent now all the same if the network answers; refused only if it would have to wait.
        this.overLimit.add(record.id);
        throw new WaitingPhotosFull();
      }
      await store.put(record);
      // Removed while it was being written: written after the removal's delete, so again.
      if (this.removed.has(record.id)) await store.take(record.id);
    } catch {
      this.unstored.add(record.id);
    }
    await this.send(record, true);
  }

  /**
   * The participant removes a waiting photo (the wrong one, or no longer wanted): gone from this
   * screen and from the device, never sent; an upload of it under way is not placed.
   */
  async remove(id: string): Promise<void> {
    if (!this.photos.some((p) => p.id === id)) return;
    this.removed.add(id);
    this.photos = this.photos.filter((p) => p.id !== id);
    this.changed();
    if (!this.unstored.delete(id)) await this.deps.store?.take(id).catch(() => false);
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

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** The photo must wait: unless the device keeps too many already, then it is refused. */
  private wait(photo: WaitingPhotoRecord, chosenNow: boolean): void {
    if (this.overLimit.delete(photo.id)) {
      this.unstored.delete(photo.id);
      this.photos = this.photos.filter((p) => p.id !== photo.id);
      this.changed();
      return this.deps.refused(new WaitingPhotosFull());
    }
    this.setState(photo, 'waiting');
    if (chosenNow) this.deps.waits();
    this.schedule();
  }

  private async send(photo: WaitingPhotoRecord, chosenNow: boolean): Promise<void> {
    if (this.destroyed || this.removed.has(photo.id)) return;
    if (!this.deps.online()) return this.wait(photo, chosenNow);
    this.setState(photo, 'sending');
    this.uploads++;
    try {
      await this.upload(photo, chosenNow);
    } finally {
      this.uploads--;
    }
  }

  private async upload(photo: WaitingPhotoRecord, chosenNow: boolean): Promise<void> {
    let uploaded: UploadedImage;
    try {
      uploaded = await this.deps.upload(photo.blob);
    } catch (error) {
      if (this.destroyed || this.removed.has(photo.id)) return;
      if (uploadMayPassLater(error)) return this.wait(photo, chosenNow);
      await this.forget(photo);
      this.deps.refused(error);
      return;
    }
    // Left before the answer: the photo is still kept, and the next page places it (the server
    // stores a photo once per forum, so sending it again costs nothing).
    if (this.destroyed) return;
    // Removed by the participant while it was being sent: the server has it, the board not.
    if (this.removed.has(photo.id)) return;
    this.overLimit.delete(photo.id);
    const mine = await this.forget(photo);
    if (mine && !this.removed.has(photo.id)) this.deps.place(photo, uploaded, chosenNow);
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
