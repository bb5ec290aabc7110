import { describe, expect, it, vi } from 'vitest';
import { ApiError, type UploadedImage } from './api';
import {
  mayTrySending,
  PhotoSender,
  uploadMayPassLater,
  WaitingPhotosFull,
  type PhotoSenderDeps,
} from './photoSender';
import {
  KEPT_PHOTOS_MAX_AGE_MS,
  KEPT_PHOTOS_MAX_BYTES,
  type WaitingPhotoRecord,
  type WaitingPhotoStore,
} from '../offline/waitingPhotoStore';

/** An IndexedDB stand-in shared by the pages of one device. */
function memoryStore(): WaitingPhotoStore & { records: Map<string, WaitingPhotoRecord> } {
  const records = new Map<string, WaitingPhotoRecord>();
  return {
    records,
    list: async (boardId) => [...records.values()].filter((r) => r.boardId === boardId),
    put: async (record) => void records.set(record.id, record),
    take: async (id) => records.delete(id),
    clear: async (boardId) => {
      for (const [id, r] of records) if (r.boardId === boardId) records.delete(id);
    },
    forgetOlderThan: async (time) => {
      let bytes = 0;
      for (const [id, r] of records) {
        if (r.addedAt < time) records.delete(id);
        else bytes += r.blob.size;
      }
      return bytes;
    },
  };
}

const UPLOADED: UploadedImage = { blobId: 'b1', mime: 'image/jpeg', width: 400, height: 300 };
const PHOTO = { blob: new Blob(['jpeg']), width: 400, height: 300, centre: { x: 10, y: 20 } };

function sender(overrides: Partial<PhotoSenderDeps> & { store: WaitingPhotoStore | null }) {
  const placed: { chosenNow: boolean; centre: { x: number; y: number } }[] = [];
  const refused: unknown[] = [];
  let waits = 0;
  let ids = 0;
  const photos = new PhotoSender({
    boardId: 'board:1',
    upload: async () => UPLOADED,
    online: () => true,
    place: (photo, _uploaded, chosenNow) => placed.push({ chosenNow, centre: photo.centre }),
    refused: (error) => refused.push(error),
    waits: () => waits++,
    newId: () => `photo-${++ids}`,
    ...overrides,
  });
  return { photos, placed, refused, waits: () => waits };
}

describe('PhotoSender', () => {
  it('keeps a photo chosen offline, marked waiting, and places it once the network is back', async () => {
    const store = memoryStore();
    let online = false;
    const upload = vi.fn(async () => UPLOADED);
    const { photos, placed, waits } = sender({ store, online: () => online, upload });
    await photos.add(PHOTO);
    expect(photos.list().map((p) => p.state)).toEqual(['waiting']);
    expect(store.records.size).toBe(1);
    expect(upload).not.toHaveBeenCalled();
    expect(placed).toEqual([]);
    expect(waits()).toBe(1);

    online = true;
    photos.retry();
    await vi.waitFor(() => expect(placed).toEqual([{ chosenNow: false, centre: PHOTO.centre }]));
    expect(photos.list()).toEqual([]);
    expect(store.records.size).toBe(0);
    photos.destroy();
  });

  it('waits again when the upload gets no answer (its deadline passed), instead of refusing it', async () => {
    const store = memoryStore();
    let fail = true;
    const upload = vi.fn(async () => {
      if (fail) throw new ApiError(0, 'network', 'The operation was aborted.');
      return UPLOADED;
    });
    const { photos, placed, refused } = sender({ store, upload });
    await photos.add(PHOTO);
    expect(photos.list().map((p) => p.state)).toEqual(['waiting']);
    expect(refused).toEqual([]);
    fail = false;
    photos.retry();
    await vi.waitFor(() => expect(placed).toHaveLength(1));
    photos.destroy();
  });

  it('still counts a photo that waited while it is tried again, not one sent as it is chosen', async () => {
    let online = false;
    let answer!: (uploaded: UploadedImage) => void;
    let calls = 0;
    const upload = () =>
      new Promise<UploadedImage>((resolve) => {
        calls++;
        answer = resolve;
      });
    const { photos, placed } = sender({ store: memoryStore(), online: () => online, upload });
    await photos.add(PHOTO);
    expect(photos.list().map((p) => [p.state, p.waited])).toEqual([['waiting', true]]);
    online = true;
    photos.retry();
    expect(photos.list().map((p) => [p.state, p.waited])).toEqual([['sending', true]]);
    answer(UPLOADED);
    await vi.waitFor(() => expect(placed).toHaveLength(1));

    const sending = photos.add(PHOTO);
    expect(photos.list().map((p) => [p.state, p.waited])).toEqual([['sending', false]]);
    await vi.waitFor(() => expect(calls).toBe(2));
    answer(UPLOADED);
    await sending;
    photos.destroy();
  });

  it('places a photo sent at once as it was chosen (to be selected)', async () => {
    const { photos, placed } = sender({ store: memoryStore() });
    await photos.add(PHOTO);
    expect(placed).toEqual([{ chosenNow: true, centre: PHOTO.centre }]);
    photos.destroy();
  });

  it('drops a photo the server refuses (the forum’s photos full) and says why', async () => {
    const store = memoryStore();
    const full = new ApiError(507, 'image_quota_exceeded', 'no room');
    const { photos, placed, refused } = sender({
      store,
      upload: async () => Promise.reject(full),
    });
    await photos.add(PHOTO);
    expect(refused).toEqual([full]);
    expect(placed).toEqual([]);
    expect(photos.list()).toEqual([]);
    expect(store.records.size).toBe(0);
    photos.destroy();
  });

  it('sends the photos a previous page left waiting, and two pages of one board place it once', async () => {
    const store = memoryStore();
    const before = sender({ store, online: () => false });
    await before.photos.add(PHOTO);
    before.photos.destroy();

    const one = sender({ store });
    const two = sender({ store });
    await Promise.all([one.photos.load(), two.photos.load()]);
    await vi.waitFor(() => expect(store.records.size).toBe(0));
    await vi.waitFor(() => expect([...one.placed, ...two.placed]).toHaveLength(1));
    expect(one.photos.list()).toEqual([]);
    expect(two.photos.list()).toEqual([]);
    one.photos.destroy();
    two.photos.destroy();
  });

  it('still sends and places a photo where the browser keeps nothing', async () => {
    const { photos, placed } = sender({ store: null });
    await photos.add(PHOTO);
    expect(placed).toHaveLength(1);
    photos.destroy();
  });
});

describe('PhotoSender: removing a waiting photo', () => {
  it('forgets a removed photo on the device and never sends it', async () => {
    const store = memoryStore();
    let online = false;
    const upload = vi.fn(async () => UPLOADED);
    const { photos, placed } = sender({ store, online: () => online, upload });
    await photos.add(PHOTO);
    await photos.add({ ...PHOTO, centre: { x: 500, y: 500 } });
    await photos.remove('photo-1');
    expect(photos.list().map((p) => p.id)).toEqual(['photo-2']);
    expect([...store.records.keys()]).toEqual(['photo-2']);

    online = true;
    photos.retry();
    await vi.waitFor(() => expect(placed).toHaveLength(1));
    expect(placed[0]!.centre).toEqual({ x: 500, y: 500 });
    expect(upload).toHaveBeenCalledTimes(1);
    // A page opened afterwards does not find it either.
    const later = sender({ store });
    await later.photos.load();
    expect(later.photos.list()).toEqual([]);
    photos.destroy();
    later.photos.destroy();
  });

  it('does not place a photo removed while its upload was under way, stored or not', async () => {
    for (const store of [memoryStore(), null]) {
      let answer!: (uploaded: UploadedImage) => void;
      const upload = () => new Promise<UploadedImage>((resolve) => (answer = resolve));
      const { photos, placed } = sender({ store, upload });
      const adding = photos.add(PHOTO);
      await vi.waitFor(() => expect(photos.uploading()).toBe(1));
      await photos.remove('photo-1');
      expect(photos.list()).toEqual([]);
      answer(UPLOADED);
      await adding;
      expect(photos.uploading()).toBe(0);
      expect(placed).toEqual([]);
      expect(store?.records.size ?? 0).toBe(0);
      photos.destroy();
    }
  });
});

describe('PhotoSender: what a device keeps', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('forgets photos kept longer than a week, whatever their board, when a board opens', async () => {
    const store = memoryStore();
    let now = 1_000 * DAY;
    const old = sender({ store, online: () => false, now: () => now });
    await old.photos.add(PHOTO);
    old.photos.destroy();
    now += 2 * DAY;
    const recent = sender({ store, online: () => false, now: () => now, newId: () => 'recent' });
    await recent.photos.add(PHOTO);
    recent.photos.destroy();
    expect(store.records.size).toBe(2);

    // A week after the first was chosen, another board is opened on the phone.
    now = 1_000 * DAY + KEPT_PHOTOS_MAX_AGE_MS + 1;
    const other = new PhotoSender({
      boardId: 'board:2',
      store,
      upload: async () => UPLOADED,
      online: () => false,
      place: () => undefined,
      refused: () => undefined,
      waits: () => undefined,
      now: () => now,
    });
    await other.load();
    expect([...store.records.keys()]).toEqual(['recent']);
    other.destroy();
    expect(KEPT_PHOTOS_MAX_AGE_MS).toBe(7 * DAY);
  });

  it('refuses a photo that must wait past the bytes a device keeps, but still sends one it can', async () => {
    const store = memoryStore();
    const big = { ...PHOTO, blob: new Blob([new Uint8Array(KEPT_PHOTOS_MAX_BYTES - 10)]) };
    const { photos, placed, refused, waits } = sender({ store, online: () => false });
    await photos.add(big);
    expect(photos.list()).toHaveLength(1);
    expect(waits()).toBe(1);

    // Offline, past the limit: refused in plain words, not kept, not drawn.
    await photos.add({ ...PHOTO, blob: new Blob([new Uint8Array(100)]) });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(WaitingPhotosFull);
    expect(photos.list().map((p) => p.id)).toEqual(['photo-1']);
    expect([...store.records.keys()]).toEqual(['photo-1']);

    // Online, it need not wait: sent and placed though the device keeps as much as it may.
    let answer!: (uploaded: UploadedImage) => void;
    const upload = vi.fn(() => new Promise<UploadedImage>((resolve) => (answer = resolve)));
    const connected = sender({ store, upload, newId: () => 'sent-now' });
    const adding = connected.photos.add({ ...PHOTO, blob: new Blob([new Uint8Array(100)]) });
    await vi.waitFor(() => expect(upload).toHaveBeenCalled());
    answer(UPLOADED);
    await adding;
    expect(connected.placed).toHaveLength(1);
    expect(connected.refused).toEqual([]);
    expect(placed).toEqual([]);
    photos.destroy();
    connected.photos.destroy();
  });
});

describe('mayTrySending', () => {
  it('trusts the board’s socket over a device that says it is offline', () => {
    expect(mayTrySending(true, false)).toBe(true);
    expect(mayTrySending(false, false)).toBe(false);
    expect(mayTrySending(false, true)).toBe(true);
    expect(mayTrySending(false, undefined)).toBe(true);
  });
});

describe('uploadMayPassLater', () => {
  it('waits for no answer or a restarting server; takes every other answer as a refusal', () => {
    expect(uploadMayPassLater(new TypeError('Failed to fetch'))).toBe(true);
    expect(uploadMayPassLater(new ApiError(0, 'network', 'aborted'))).toBe(true);
    expect(uploadMayPassLater(new ApiError(503, 'http_error', 'busy'))).toBe(true);
    expect(uploadMayPassLater(new ApiError(507, 'image_quota_exceeded', 'full'))).toBe(false);
    expect(uploadMayPassLater(new ApiError(413, 'image_too_large', 'big'))).toBe(false);
    expect(uploadMayPassLater(new ApiError(410, 'forum_deleted', 'gone'))).toBe(false);
  });
});
