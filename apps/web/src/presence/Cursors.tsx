// Other people's cursors with their names, in their colours (HTML over the canvas: constant size).
import { memo } from 'react';
import { useSessionState } from '../board/context';
import { worldToScreen } from '../geometry/camera';
import { usePeers } from './usePeers';

export const Cursors = memo(function Cursors() {
  const camera = useSessionState((s) => s.camera);
  const peers = usePeers();
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const p = worldToScreen(camera, peer.cursor);
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
            <span className="cursor-name" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        );
      })}
    </div>
  );
});
