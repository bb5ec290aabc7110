import { describe, expect, it } from 'vitest';
import { worldToScreen } from '../geometry/camera';
import { followedCamera, followedRect } from './followView';
import { expectWholeOnScreen } from './test-follow';

// A territory's carton as the template lays it out (world units), and a facilitator on a
// 1366 × 768 laptop who fitted it (« Tout afficher », 58 %) before « Tout le monde vers moi ».
const CARTON = { x: 0, y: 0, width: 1150, height: 720 };
const LAPTOP = { boardId: 'b', x: 575, y: 360, zoom: 0.58, width: 1366 / 0.58, height: 768 / 0.58 };
const PHONE = { width: 390, height: 844 };
// Below the phone's header (two rows) and above its two-row toolbar.
const PHONE_AREA = { x: 0, y: 110, width: 390, height: 600 };

describe('following « Tout le monde vers moi »', () => {
  it('shows a phone the whole carton the facilitator shows, not a strip of it', () => {
    const camera = followedCamera(LAPTOP, PHONE, PHONE_AREA, CARTON);
    // Under the header, above the toolbar: the carton's title is not hidden.
    const { left, right } = expectWholeOnScreen(camera, CARTON, PHONE.width, PHONE_AREA);
    // Filling the phone's width, not a stamp in its middle.
    expect(right - left).toBeGreaterThan(PHONE.width * 0.9);
  });

  it('shows a phone all a 1280 × 800 laptop shows of the carton, however far from her zoom', () => {
    // She reads the carton at 100 %: on her 1280 × 800 screen it is whole, a margin around it.
    const reading = { boardId: 'b', x: 575, y: 360, zoom: 1, width: 1280, height: 800 };
    expect(followedRect(reading, CARTON)).toEqual(CARTON);
    const camera = followedCamera(reading, PHONE, PHONE_AREA, CARTON);
    // Not half her zoom (780 units wide on the phone: both sides of the carton cut off).
    const { left, right } = expectWholeOnScreen(camera, CARTON, PHONE.width, PHONE_AREA);
    expect(camera.zoom).toBeLessThan(0.5);
    expect(right - left).toBeGreaterThan(PHONE.width * 0.9);
  });

  it('follows her close-up whole, centred where she looks', () => {
    const closeUp = { boardId: 'b', x: 400, y: 500, zoom: 2, width: 683, height: 384 };
    const rect = followedRect(closeUp, CARTON);
    expect(rect).toEqual({ x: 400 - 683 / 2, y: 500 - 192, width: 683, height: 384 });
    const camera = followedCamera(closeUp, PHONE, PHONE_AREA, CARTON);
    // The note she points at in the corner of her view is on the phone too.
    expectWholeOnScreen(camera, rect!, PHONE.width, PHONE_AREA);
    const centre = worldToScreen(camera, { x: 400, y: 500 });
    expect(centre.x).toBeCloseTo(PHONE_AREA.x + PHONE_AREA.width / 2, 9);
    expect(centre.y).toBeCloseTo(PHONE_AREA.y + PHONE_AREA.height / 2, 9);
  });

  it('copies her camera on a screen as large as hers (a laptop, the projector)', () => {
    const laptop = { width: 1366, height: 768 };
    const camera = followedCamera(
      LAPTOP,
      laptop,
      { x: 0, y: 64, width: 1366, height: 554 },
      CARTON,
    );
    expect(camera.zoom).toBe(0.58);
    expect(worldToScreen(camera, { x: 575, y: 360 })).toEqual({ x: 683, y: 384 });
    const projector = followedCamera(LAPTOP, { width: 1920, height: 1080 }, PHONE_AREA, CARTON);
    expect(projector.zoom).toBe(0.58);
  });

  it('keeps the facilitator’s zoom from a page that sends no size', () => {
    const older = { boardId: 'b', x: 575, y: 360, zoom: 0.58 };
    expect(followedRect(older, CARTON)).toBeNull();
    const camera = followedCamera(older, PHONE, PHONE_AREA, CARTON);
    expect(camera.zoom).toBe(0.58);
    expect(worldToScreen(camera, { x: 575, y: 360 })).toEqual({ x: 195, y: 422 });
  });

  it('shows her view as is where the board holds nothing there', () => {
    const away = { boardId: 'b', x: 5000, y: 5000, zoom: 1, width: 1366, height: 768 };
    expect(followedRect(away, CARTON)).toEqual({
      x: 5000 - 683,
      y: 5000 - 384,
      width: 1366,
      height: 768,
    });
  });
});
