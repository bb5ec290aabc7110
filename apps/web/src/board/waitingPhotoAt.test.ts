import { describe, expect, it } from 'vitest';
import type { WaitingPhoto } from './photoSender';
import { waitingPhotoAt } from './waitingPhotoAt';

const photo = (id: string, x: number, y: number): WaitingPhoto => ({
  id,
  boardId: 'board:1',
  blob: new Blob(['jpeg']),
  // A 4:3 photo is placed 480 × 360 units around its centre.
  width: 4000,
  height: 3000,
  centre: { x, y },
  addedAt: 0,
  state: 'waiting',
  waited: true,
});

describe('waitingPhotoAt', () => {
  it('finds the waiting photo drawn under a point, the one chosen last on top', () => {
    const photos = [photo('first', 0, 0), photo('second', 200, 0)];
    expect(waitingPhotoAt(photos, { x: -200, y: 100 })?.id).toBe('first');
    expect(waitingPhotoAt(photos, { x: 100, y: 0 })?.id).toBe('second');
    expect(waitingPhotoAt(photos, { x: 439, y: 179 })?.id).toBe('second');
    expect(waitingPhotoAt(photos, { x: 0, y: 181 })).toBeNull();
    expect(waitingPhotoAt([], { x: 0, y: 0 })).toBeNull();
  });
});
