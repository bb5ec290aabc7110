// Photos: dropped or pasted files are checked, made smaller, kept until uploaded (photoSender.ts),
// then placed as image shapes. Refusals show a message and change nothing.
import i18next from 'i18next';
import type { ImageMimeType } from '@carton/board';
import type { Point } from '../geometry/rect';
import { ApiError, uploadImage, type UploadedImage } from './api';
import { browserWaitingPhotoStore, type WaitingPhotoRecord } from '../offline/waitingPhotoStore';
import { mayTrySending, PhotoSender, WaitingPhotosFull } from './photoSender';
import { preparePhoto, UnreadablePhoto } from './shrinkPhoto';
import { boardPictures } from '../shapes/image/pictureCache';
import type { BoardSession } from './session';

export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** A refusal says what to do in a sentence: 4 s was too short to read it to its end. */
const TOAST_MS = 8000;

function toast(session: BoardSession, message: string): void {
  session.store.setState({ toast: message });
  setTimeout(() => {
    if (session.store.getState().toast === message) session.store.setState({ toast: null });
  }, TOAST_MS);
}

/** What a refused or failed photo says: one sentence saying what to do (fr-CA and en). */
export type PhotoRefusalKey =
  | 'image.offline'
  | 'image.failed'
  | 'image.unsupported'
  | 'image.heic'
  | 'image.broken'
  | 'image.tooLarge'
  | 'image.quota'
  | 'image.deviceFull';

/** An iPhone's HEIC (or HEIF) photo, by its type or, when the browser gives none, its name. */
export function isHeic(file: { type: string; name?: string }): boolean {
  return /^image\/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name ?? '');
}

/**
 * How a chosen file is handled: sent as a photo (after shrinking), `convert`ed to one first (a
 * GIF, a HEIC, an AVIF, a BMP: pictures the browser may read but the server does not take),
 * or refused at once (a text, a PDF, an SVG drawing).
 */
export function photoKind(file: { type: string; name?: string }): 'photo' | 'convert' | 'refuse' {
  if (IMAGE_TYPES.includes(file.type)) return 'photo';
  if (isHeic(file)) return 'convert';
  return file.type.startsWith('image/') && file.type !== 'image/svg+xml' ? 'convert' : 'refuse';
}

/**
 * What a photo that did not reach the board says. Offline (the venue's wifi dropped), « L’envoi
 * de l’image a échoué. » left a newcomer guessing whether to wait or to try again; so did every
 * refusal by the server (a HEIC renamed .jpg, a cut-short file, the forum's photos full), all
 * told the same way.
 */
export function uploadFailedKey(
  error: unknown,
  file: { type: string; name?: string } = { type: '' },
): PhotoRefusalKey {
  if (error instanceof WaitingPhotosFull) return 'image.deviceFull';
  if (error instanceof UnreadablePhoto) {
    return error.heic || isHeic(file) ? 'image.heic' : 'image.broken';
  }
  if (!(error instanceof ApiError)) return 'image.failed';
  if (error.code === 'network') return 'image.offline';
  if (error.code === 'unsupported_image_type')
    return isHeic(file) ? 'image.heic' : 'image.unsupported';
  if (error.code === 'broken_image') return 'image.broken';
  if (error.code === 'image_too_large') return 'image.tooLarge';
  if (error.code === 'image_quota_exceeded') return 'image.quota';
  return 'image.failed';
}

/**
 * The board area a photo is placed with at most: a phone's 4:3 photo, 480 × 360 units. An area,
 * not a long side: a panorama of a wall of flipcharts, placed 480 units long, was 60 tall.
 */
export const PLACED_MAX_AREA = 480 * 360;
/** The longest side a photo is placed with: a carton's width, about. */
export const PLACED_MAX_SIDE = 1200;
/** The shortest long side: a 1 × 1 or an icon of 16 px was placed a unit or 16 wide, unseen. */
export const PLACED_MIN_SIDE = 120;

/** The size a `width`×`height` photo is placed at: its aspect kept, never enlarged but to be seen. */
export function placedSize(width: number, height: number): { w: number; h: number } {
  const long = Math.max(width, height);
  let scale = Math.min(1, Math.sqrt(PLACED_MAX_AREA / (width * height)), PLACED_MAX_SIDE / long);
  if (long * scale < PLACED_MIN_SIDE) scale = PLACED_MIN_SIDE / long;
  return { w: Math.max(1, width * scale), h: Math.max(1, height * scale) };
}

export async function insertImageFile(
  session: BoardSession,
  file: File,
  at: Point | null,
): Promise<void> {
  // A photo dropped on a view link: nothing happened, and the participant dropped it again.
  if (session.readOnly) return toast(session, i18next.t('image.readOnly'));
  const kind = photoKind(file);
  if (kind === 'refuse') return toast(session, i18next.t('image.unsupported'));
  // A phone's photo takes a while on a venue's wifi: say it is on its way, or the newcomer,
  // seeing nothing happen, picks it again.
  const pending = i18next.t('image.pending');
  session.store.setState({ toast: pending });
  const donePending = () => {
    if (session.store.getState().toast === pending) session.store.setState({ toast: null });
  };
  try {
    // Checked and made smaller first, offline too: a damaged or too large photo is refused at
    // once, not after waiting for the network.
    const photo = await preparePhoto(file, kind === 'convert');
    if (photo.blob.size > MAX_IMAGE_BYTES) {
      donePending();
      return toast(session, i18next.t('image.tooLarge'));
    }
    const { viewport } = session.store.getState();
    const centre = at ?? session.toWorld({ x: viewport.width / 2, y: viewport.height / 2 });
    // Its bytes are read now: a phone's picker may hand a file that is gone by the time the
    // network is back, and an upload of it then fails as if offline, for good.
    const blob =
      photo.blob === file ? new Blob([await file.arrayBuffer()], { type: file.type }) : photo.blob;
    await session.photos.add({ ...photo, blob, centre });
    donePending();
  } catch (error) {
    donePending();
    toast(session, i18next.t(uploadFailedKey(error, file)));
  }
}

/** Writes an uploaded photo on the board, centred where it was put, in the carton under it. */
function placeUploaded(
  session: BoardSession,
  photo: WaitingPhotoRecord,
  uploaded: UploadedImage,
  chosenNow: boolean,
): void {
  const { centre } = photo;
  // This page draws it from the bytes it sent, not from a copy fetched back (pictureCopies.ts).
  boardPictures(session.boardId, session.token).keepLocal(uploaded.blobId, photo.blob);
  const { w, h } = placedSize(uploaded.width, uploaded.height);
  const id = session.shell.commit((tx) =>
    tx.create('image', {
      x: centre.x - w / 2,
      y: centre.y - h / 2,
      w,
      h,
      blobId: uploaded.blobId,
      mime: uploaded.mime as ImageMimeType,
      naturalWidth: uploaded.width,
      naturalHeight: uploaded.height,
      // The carton under it now: the one it was dropped on may have moved meanwhile.
      parentId: session.scene.cartonAt(centre, new Set()),
    }),
  );
  // Chosen, as a new note is: its handles show where it landed, ready to move or resize. One
  // that waited for the network is not: the participant is doing something else by then.
  if (id && chosenNow) {
    session.store.setState({ selection: [id] });
    session.presence.setSelection([id]);
  }
}

/**
 * The board's waiting photos (photoSender.ts): sent with this page's link, tried again when the
 * connection to the server comes back or the device says it is online. A view link sends none.
 */
export function startPhotoSender(session: BoardSession): { sender: PhotoSender; stop(): void } {
  const sender = new PhotoSender({
    boardId: session.boardId,
    store: browserWaitingPhotoStore(),
    upload: (blob) => uploadImage(session.boardId, session.token, blob),
    online: () =>
      mayTrySending(
        session.connection.status === 'connected',
        typeof navigator === 'undefined' ? undefined : navigator.onLine,
      ),
    place: (photo, uploaded, chosenNow) => placeUploaded(session, photo, uploaded, chosenNow),
    refused: (error) => toast(session, i18next.t(uploadFailedKey(error))),
    waits: () => toast(session, i18next.t('image.waiting')),
  });
  if (session.info.role === 'view') return { sender, stop: () => sender.destroy() };
  let status = session.connection.status;
  const unsubscribe = session.connection.subscribe(() => {
    const now = session.connection.status;
    if (now !== status && now === 'connected') sender.retry();
    status = now;
  });
  globalThis.addEventListener?.('online', sender.retry);
  void sender.load();
  return {
    sender,
    stop: () => {
      unsubscribe();
      globalThis.removeEventListener?.('online', sender.retry);
      sender.destroy();
    },
  };
}
