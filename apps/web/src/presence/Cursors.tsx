// Other people's cursors with their names, in their colours (HTML over the canvas: constant size).
// A name near the screen's edge goes to the cursor's other side (see cursorLabel.ts): its size is
// measured once drawn, and again only if it changes (a new name).
import { memo, useCallback, useState } from 'react';
import { useSessionState } from '../board/context';
import { worldToScreen } from '../geometry/camera';
import { cursorLabelOffset, LABEL_OFFSET, type LabelSize } from './cursorLabel';
import { usePeers } from './usePeers';

export const Cursors = memo(function Cursors() {
  const camera = useSessionState((s) => s.camera);
  const viewport = useSessionState((s) => s.viewport);
  const peers = usePeers();
  const [sizes, setSizes] = useState<ReadonlyMap<number, LabelSize>>(new Map());
  const measure = useCallback((clientId: number, element: HTMLElement | null) => {
    if (!element) return;
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    setSizes((previous) => {
      const known = previous.get(clientId);
      if (known && known.width === width && known.height === height) return previous;
      return new Map(previous).set(clientId, { width, height });
    });
  }, []);
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const p = worldToScreen(camera, peer.cursor);
        const size = sizes.get(peer.clientId);
        const offset = size ? cursorLabelOffset(p, size, viewport) : LABEL_OFFSET;
        return (
          <div
            key={peer.clientId}
            className="cursor"
            data-testid="remote-cursor"
            // Positions arrive at 20 Hz (PRESENCE_INTERVAL_MS): glide between them.
            style={{
              transform: `translate(${p.x}px, ${p.y}px)`,
              transition: 'transform 50ms linear',
              color: peer.user.color,
            }}
          >
            <svg width="18" height="22" viewBox="0 0 18 22">
              <path
                d="M1 1 L1 17 L5.5 13 L9 21 L12 19.5 L8.5 12 L15 12 Z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1.5"
              />
            </svg>
            <span
              ref={(element) => measure(peer.clientId, element)}
              className="cursor-name"
              style={{ background: peer.user.color, left: offset.left, top: offset.top }}
            >
              {peer.user.name}
            </span>
          </div>
        );
      })}
    </div>
  );
});
