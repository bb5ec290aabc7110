import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { worldToScreen } from '../geometry/camera';
import { readPeers } from '../presence/presence';
import { Presence } from '../presence/publisher';
import { expectWholeOnScreen } from '../forum/test-follow';
import { personCamera, publishedView } from './follow';

// Témiscouata's carton as the template lays it out, fitted on a 1366 × 768 laptop (58 %), and a
// phone that follows that person from the people list.
const CARTON = { x: 0, y: 0, width: 1150, height: 720 };
const LAPTOP = { width: 1366, height: 768 };
const LAPTOP_CAMERA = { x: 17, y: 175, zoom: 0.58 };
const PHONE = { width: 390, height: 844 };
const PHONE_AREA = { x: 0, y: 110, width: 390, height: 600 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the phone reads of the laptop's presence, sent through awareness as on the wire. */
function laptopViewAsRead(view: Parameters<Presence['setView']>[0]) {
  const laptop = new Awareness(new Y.Doc());
  const presence = new Presence(laptop, { id: 'user:1', name: 'Hélène', color: '#d1495b' }, false);
  presence.setView(view);
  vi.advanceTimersByTime(1000);
  const phone = new Awareness(new Y.Doc());
  applyAwarenessUpdate(phone, encodeAwarenessUpdate(laptop, [laptop.clientID]), 'remote');
  const peer = readPeers(phone).find((p) => p.clientId === laptop.clientID);
  if (!peer?.view) throw new Error('no view read');
  return peer.view;
}

describe('following a person from the people list', () => {
  it('shows a phone the whole carton a laptop at 58 % shows, not a strip of it', () => {
    const view = laptopViewAsRead(publishedView(LAPTOP_CAMERA, LAPTOP));
    // How much of the board the laptop holds travels with its centre and zoom.
    expect(view.width).toBe(Math.round(1366 / 0.58));
    expect(view.height).toBe(Math.round(768 / 0.58));
    const camera = personCamera(view, PHONE, PHONE_AREA, CARTON);
    expectWholeOnScreen(camera, CARTON, PHONE.width, PHONE_AREA);
    expect(camera.zoom).toBeLessThan(0.58);
  });

  it('shows a phone all a 1280 × 800 laptop reading the carton at 100 % shows', () => {
    const reading = { x: 65, y: 40, zoom: 1 }; // the carton whole, a margin around it
    const view = laptopViewAsRead(publishedView(reading, { width: 1280, height: 800 }));
    const camera = personCamera(view, PHONE, PHONE_AREA, CARTON);
    // Its left and right sides too, not half the laptop's zoom around its middle.
    expectWholeOnScreen(camera, CARTON, PHONE.width, PHONE_AREA);
  });

  it('copies the camera of a page that sends no size (an older Carton), as before', () => {
    const { center, zoom } = publishedView(LAPTOP_CAMERA, LAPTOP);
    const view = laptopViewAsRead({ center, zoom });
    expect(view.width).toBeUndefined();
    const camera = personCamera(view, PHONE, PHONE_AREA, CARTON);
    expect(camera.zoom).toBe(0.58);
    expect(worldToScreen(camera, view.center)).toEqual({
      x: PHONE.width / 2,
      y: PHONE.height / 2,
    });
  });

  it('copies the camera exactly on a screen as large as theirs', () => {
    const view = laptopViewAsRead(publishedView(LAPTOP_CAMERA, LAPTOP));
    const camera = personCamera(view, LAPTOP, { x: 0, y: 64, width: 1366, height: 554 }, CARTON);
    expect(camera.zoom).toBe(0.58);
  });
});
