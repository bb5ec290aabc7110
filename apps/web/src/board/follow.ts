// Publishes my view for others, and follows someone's view while `following` is set.
// Any camera move of my own clears `following` (done where the camera is moved by hand).
import { cameraCenter, centerOn } from '../geometry/camera';
import { readPeers } from '../presence/presence';
import type { BoardSession } from './session';

export function installFollow(session: BoardSession): () => void {
  const { store, presence, connection } = session;
  const publish = () => {
    const { camera, viewport } = store.getState();
    presence.setView({ center: cameraCenter(camera, viewport), zoom: camera.zoom });
  };
  const track = () => {
    const { following, viewport } = store.getState();
    if (following === null) return;
    const peer = readPeers(connection.awareness).find((p) => p.clientId === following);
    if (!peer) return store.setState({ following: null });
    if (!peer.view) return;
    store.setState({ camera: centerOn(peer.view.center, viewport, peer.view.zoom) });
  };
  publish();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.camera !== previous.camera || state.viewport !== previous.viewport) publish();
    if (state.following !== previous.following) track();
  });
  connection.awareness.on('change', track);
  return () => {
    unsubscribe();
    connection.awareness.off('change', track);
  };
}
