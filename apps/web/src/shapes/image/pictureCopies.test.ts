import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../board/api';
import {
  PictureCopies,
  SHARP_MARGIN,
  SMALL_PICTURE_PX,
  seenInView,
  wantsWholePicture,
  type PictureCopy,
} from './pictureCopies';

/** A phone's photo as Carton stores it, and its small copy. */
const PHOTO = { width: 2560, height: 1920 };
const SMALL = { width: SMALL_PICTURE_PX, height: 384, copy: 'small' as const };

describe('wantsWholePicture: the whole photo only where the small copy would show blurred', () => {
  it('a board fitted on a phone (~120 × 90 device pixels) keeps the small copy', () => {
    expect(wantsWholePicture(120, SMALL, PHOTO)).toBe(false);
  });

  it('zoomed into on a 3× phone (480 units at 100 %: 1440 device pixels) wants the whole', () => {
    expect(wantsWholePicture(480 * 1 * 3, SMALL, PHOTO)).toBe(true);
  });

  it('drawn up to SHARP_MARGIN times the copy’s pixels keeps the copy, past it not', () => {
    const edge = SMALL_PICTURE_PX * SHARP_MARGIN;
    expect(wantsWholePicture(edge, SMALL, PHOTO)).toBe(false);
    expect(wantsWholePicture(edge + 1, SMALL, PHOTO)).toBe(true);
  });

  it('the same size on screen wants the whole on a 2× screen, not on a 1× one', () => {
    // 480 units at 100 % zoom: 480 device pixels on a laptop, 960 on a phone.
    expect(wantsWholePicture(480 * 1, SMALL, PHOTO)).toBe(false);
    expect(wantsWholePicture(480 * 2, SMALL, PHOTO)).toBe(true);
  });

  it('never once the whole picture is drawn, nor when the copy already is the whole picture', () => {
    expect(wantsWholePicture(5000, { ...PHOTO, copy: 'full' }, PHOTO)).toBe(false);
    // A screenshot of 320 × 200 comes back from …/small as it is stored.
    const screenshot = { width: 320, height: 200 };
    expect(wantsWholePicture(5000, { ...screenshot, copy: 'small' }, screenshot)).toBe(false);
  });
});

describe('seenInView: only the photos on the screen, not in the margin drawn for panning', () => {
  // A phone's screen at 100 % zoom: 390 × 844 units from (1000, 0).
  const view = { x: 1000, y: 0, width: 390, height: 844 };
  it('a photo across the screen’s edge is seen; one beside it, in the margin, is not', () => {
    expect(seenInView({ x: 900, y: 100, w: 400, h: 300 }, view)).toBe(true);
    expect(seenInView({ x: 1400, y: 100, w: 400, h: 300 }, view)).toBe(false);
    expect(seenInView({ x: 1000, y: 900, w: 400, h: 300 }, view)).toBe(false);
    expect(seenInView({ x: 500, y: -400, w: 400, h: 300 }, view)).toBe(false);
  });
});

/** Copies whose fetches the test answers: `answers[copy]` gives each fetch's outcome. */
function copiesWith(answers: Record<PictureCopy, () => Promise<Blob>>) {
  const fetched: string[] = [];
  const fetchCopy = vi.fn((blobId: string, copy: PictureCopy) => {
    fetched.push(`${copy}:${blobId}`);
    return answers[copy]();
  });
  // The "decoded" picture says which bytes it came from; small bytes are 512 × 384.
  const decode = async (blob: Blob, copy: PictureCopy) => {
    const text = await blob.text();
    return copy === 'small'
      ? { source: text, width: 512, height: 384 }
      : { source: text, width: 2560, height: 1920 };
  };
  return { copies: new PictureCopies<string>(fetchCopy, decode), fetched };
}

const bytes = (text: string) => () => Promise.resolve(new Blob([text]));
const BLOB = 'a'.repeat(64);

describe('PictureCopies: each copy fetched once, the whole kept once in', () => {
  it('fetches the small copy once, however many shapes and mounts ask for it', async () => {
    const { copies, fetched } = copiesWith({ small: bytes('small'), full: bytes('full') });
    expect(copies.best(BLOB)).toBeNull();
    const [a, b] = await Promise.all([copies.loadSmall(BLOB), copies.loadSmall(BLOB)]);
    await copies.loadSmall(BLOB);
    expect(a).toBe(b);
    expect(fetched).toEqual([`small:${BLOB}`]);
    expect(copies.best(BLOB)).toMatchObject({ source: 'small', copy: 'small', width: 512 });
  });

  it('once the whole picture is in, it is the one drawn; the small copy is not fetched again', async () => {
    const { copies, fetched } = copiesWith({ small: bytes('small'), full: bytes('full') });
    await copies.loadSmall(BLOB);
    await copies.loadFull(BLOB);
    expect(copies.best(BLOB)).toMatchObject({ source: 'full', copy: 'full' });
    // Scrolled away and back: a new mount asks for the small copy, and still draws the whole.
    await copies.loadSmall(BLOB);
    await copies.loadFull(BLOB);
    expect(copies.best(BLOB)).toMatchObject({ source: 'full', copy: 'full' });
    expect(fetched).toEqual([`small:${BLOB}`, `full:${BLOB}`]);
  });

  it('a small copy decoded after the whole picture does not replace it', async () => {
    let answerSmall!: (blob: Blob) => void;
    const { copies } = copiesWith({
      small: () => new Promise<Blob>((resolve) => (answerSmall = resolve)),
      full: bytes('full'),
    });
    const small = copies.loadSmall(BLOB);
    await copies.loadFull(BLOB);
    answerSmall(new Blob(['small']));
    await small;
    expect(copies.best(BLOB)).toMatchObject({ source: 'full', copy: 'full' });
  });

  it('a server without small copies (404 on …/small) gives the whole picture, fetched once', async () => {
    const { copies, fetched } = copiesWith({
      small: () => Promise.reject(new ApiError(404, 'image_unavailable', 'Not Found')),
      full: bytes('full'),
    });
    expect(await copies.loadSmall(BLOB)).toMatchObject({ source: 'full', copy: 'full' });
    await copies.loadFull(BLOB);
    await copies.loadSmall(BLOB);
    expect(fetched).toEqual([`small:${BLOB}`, `full:${BLOB}`]);
    expect(copies.best(BLOB)).toMatchObject({ source: 'full', copy: 'full' });
  });

  it('any other refusal of …/small (503) also falls back to the whole picture', async () => {
    const { copies, fetched } = copiesWith({
      small: () => Promise.reject(new ApiError(503, 'image_unavailable', 'Service Unavailable')),
      full: bytes('full'),
    });
    expect(await copies.loadSmall(BLOB)).toMatchObject({ copy: 'full' });
    expect(fetched).toEqual([`small:${BLOB}`, `full:${BLOB}`]);
  });

  it('offline (no answer) rejects without asking for the whole; a later attempt fetches again', async () => {
    let online = false;
    const { copies, fetched } = copiesWith({
      small: () => (online ? bytes('small')() : Promise.reject(new TypeError('Failed to fetch'))),
      full: bytes('full'),
    });
    await expect(copies.loadSmall(BLOB)).rejects.toBeInstanceOf(TypeError);
    expect(copies.best(BLOB)).toBeNull();
    online = true;
    expect(await copies.loadSmall(BLOB)).toMatchObject({ source: 'small' });
    expect(fetched).toEqual([`small:${BLOB}`, `small:${BLOB}`]);
  });

  it('a photo this page just sent is drawn from its own bytes: its small copy made here, neither fetched', async () => {
    const fetched: string[] = [];
    const copies = new PictureCopies<string>(
      (blobId, copy) => (fetched.push(`${copy}:${blobId}`), Promise.resolve(new Blob([copy]))),
      async (blob, copy) => ({
        source: await blob.text(),
        ...(copy === 'small' ? { width: 512, height: 384 } : { width: 2560, height: 1920 }),
      }),
      async (sent) => new Blob([`shrunk ${await sent.text()}`]),
    );
    copies.keepLocal(BLOB, new Blob(['sent']));
    expect(await copies.loadSmall(BLOB)).toMatchObject({ source: 'shrunk sent', copy: 'small' });
    expect(copies.best(BLOB)).toMatchObject({ source: 'shrunk sent', width: 512 });
    // Zoomed into: the whole picture is the bytes sent.
    expect(await copies.loadFull(BLOB)).toMatchObject({ source: 'sent', copy: 'full' });
    expect(copies.best(BLOB)).toMatchObject({ source: 'sent', copy: 'full' });
    expect(fetched).toEqual([]);
  });

  it('bytes this page cannot draw are let go: the photo is fetched as any other', async () => {
    const fetched: string[] = [];
    const copies = new PictureCopies<string>(
      (blobId, copy) => (fetched.push(`${copy}:${blobId}`), Promise.resolve(new Blob([copy]))),
      async (blob) => {
        const text = await blob.text();
        if (text === 'sent') throw new Error('not a picture');
        return { source: text, width: 512, height: 384 };
      },
      () => Promise.reject(new Error('not a picture')),
    );
    copies.keepLocal(BLOB, new Blob(['sent']));
    expect(await copies.loadSmall(BLOB)).toMatchObject({ source: 'small' });
    expect(await copies.loadFull(BLOB)).toMatchObject({ source: 'full' });
    expect(fetched).toEqual([`small:${BLOB}`, `full:${BLOB}`]);
  });
});
