// Photos: dropped or pasted files are checked, uploaded, then placed as image shapes.
// The server's upload endpoint is pending; failures show a message and change nothing.
import i18next from 'i18next';
import type { ImageMimeType } from '@carton/board';
import type { Point } from '../geometry/rect';
import { ApiError, uploadImage } from './api';
import { shrinkPhoto } from './shrinkPhoto';
import type { BoardSession } from './session';

export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

function toast(session: BoardSession, message: string): void {
  session.store.setState({ toast: message });
  setTimeout(() => {
    if (session.store.getState().toast === message) session.store.setState({ toast: null });
  }, 4000);
}

/**
 * What a failed upload says. Offline (the venue's wifi dropped), « L’envoi de l’image a échoué. »
 * left a newcomer guessing whether to wait or to try again: it says to choose it again later.
 */
export function uploadFailedKey(error: unknown): 'image.offline' | 'image.failed' {
  return error instanceof ApiError && error.code === 'network' ? 'image.offline' : 'image.failed';
}

export async function insertImageFile(
  session: BoardSession,
  file: File,
  at: Point | null,
): Promise<void> {
  if (session.readOnly) return;
  if (!IMAGE_TYPES.includes(file.type)) return toast(session, i18next.t('image.unsupported'));
  // A phone's photo takes a while on a venue's wifi: say it is on its way, or the newcomer,
  // seeing nothing happen, picks it again.
  const pending = i18next.t('image.pending');
  session.store.setState({ toast: pending });
  const donePending = () => {
    if (session.store.getState().toast === pending) session.store.setState({ toast: null });
  };
  try {
    const photo = await shrinkPhoto(file);
    if (photo.size > MAX_IMAGE_BYTES) {
      donePending();
      return toast(session, i18next.t('image.tooLarge'));
    }
    const uploaded = await uploadImage(session.boardId, session.token, photo);
    donePending();
    const { viewport } = session.store.getState();
    const centre = at ?? session.toWorld({ x: viewport.width / 2, y: viewport.height / 2 });
    // Shown at most 480 world units wide (or tall) at first; the photo keeps its aspect.
    const scale = Math.min(1, 480 / Math.max(uploaded.width, uploaded.height));
    const w = Math.max(1, uploaded.width * scale);
    const h = Math.max(1, uploaded.height * scale);
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
        parentId: session.scene.cartonAt(centre, new Set()),
      }),
    );
    // Chosen, as a new note is: its handles show where it landed, ready to move or resize.
    if (id) {
      session.store.setState({ selection: [id] });
      session.presence.setSelection([id]);
    }
  } catch (error) {
    donePending();
    toast(session, i18next.t(uploadFailedKey(error)));
  }
}
