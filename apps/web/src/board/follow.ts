// Publishes my view for others, and follows someone's view while `following` is set.
// Any camera move of my own clears `following` (done where the camera is moved by hand).
// Following a person fits their view as « Tout le monde vers moi » does (forum/followView.ts):
// copying a laptop's 58 % on a phone showed a strip of what they saw.
import { cameraCenter, type Camera, type Viewport } from '../geometry/camera';
import { unionRects, type Rect } from '../geometry/rect';
import { followedCamera, type PublishedView } from '../forum/followView';
import { readPeers, type PresenceView } from '../presence/presence';
import { safeArea } from './actions';
import type { BoardSession } from './session';

/** What my page says of my view: its centre, zoom and how much of the board it holds. */
export function publishedView(camera: Camera, viewport: Viewport): PresenceView {
  return {
    center: cameraCenter(camera, viewport),
    zoom: camera.zoom,
    width: viewport.width / camera.zoom,
    height: viewport.height / camera.zoom,
  };
}

/** My camera while following a person whose presence carries `view`. */
export function personCamera(
  view: PresenceView,
  viewport: Viewport,
  /** The part of the viewport the board is seen through (below the header, above the toolbar). */
  area: Rect,
  content: Rect | null,
): Camera {
  const published: PublishedView = {
    x: view.center.x,
    y: view.center.y,
    zoom: view.zoom,
    ...(view.width !== undefined && view.height !== undefined
      ? { width: view.width, height: view.height }
      : {}),
  };
  return followedCamera(published, viewport, area, content);
}

export function installFollow(session: BoardSession): () => void {
  const { store, presence, connection, scene } = session;
  const publish = () => {
    const { camera, viewport } = store.getState();
    presence.setView(publishedView(camera, viewport));
  };
  // Awareness changes with every cursor move: refit only when the followed view changed.
  let applied: { clientId: number; view: PresenceView; viewport: Viewport } | null = null;
  const track = () => {
    const { following, viewport } = store.getState();
    if (following === null) {
      applied = null;
      return;
    }
    const peer = readPeers(connection.awareness).find((p) => p.clientId === following);
    if (!peer) return store.setState({ following: null });
    const view = peer.view;
    if (!view) return;
    if (
      applied &&
      applied.clientId === following &&
      applied.viewport === viewport &&
      JSON.stringify(applied.view) === JSON.stringify(view)
    )
      return;
    applied = { clientId: following, view, viewport };
    const content = unionRects(scene.orderedIds().flatMap((id) => scene.bounds(id) ?? []));
    store.setState({ camera: personCamera(view, viewport, safeArea(session), content) });
  };
  publish();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.camera !== previous.camera || state.viewport !== previous.viewport) publish();
    if (state.following !== previous.following || state.viewport !== previous.viewport) track();
  });
  connection.awareness.on('change', track);
  return () => {
    unsubscribe();
    connection.awareness.off('change', track);
  };
}
