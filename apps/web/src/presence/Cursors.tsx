// Other people's cursors with their names, in their colours (HTML over the canvas: constant size).
// A name near the screen's edge goes to the cursor's other side (see cursorLabel.ts): its size is
// measured once drawn, and again only if it changes (a new name).
//
// Each cursor is its own memoised component taking plain numbers and strings: with nine others
// at a forum table, an awareness update (20 a second from each) re-renders only the cursors that
// moved. The label is measured in a layout effect keyed on the name, never on a move: reading its
// size after React moved the cursors forced a style and layout pass per cursor per update, most
// of a slow phone's main thread while the others only moved their cursors.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useSessionState } from '../board/context';
import { worldToScreen, type Viewport } from '../geometry/camera';
import { cursorLabelOffset, LABEL_OFFSET, type LabelSize } from './cursorLabel';
import { usePeers } from './usePeers';

export const Cursors = memo(function Cursors() {
  const camera = useSessionState((s) => s.camera);
  const viewport = useSessionState((s) => s.viewport);
  const peers = usePeers();
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const p = worldToScreen(camera, peer.cursor);
        return (
          <Cursor
            key={peer.clientId}
            x={p.x}
            y={p.y}
            name={peer.user.name}
            color={peer.user.color}
            viewport={viewport}
          />
        );
      })}
    </div>
  );
});

const Cursor = memo(function Cursor({
  x,
  y,
  name,
  color,
  viewport,
}: {
  x: number;
  y: number;
  name: string;
  color: string;
  viewport: Viewport;
}) {
  const label = useRef<HTMLSpanElement | null>(null);
  const [size, setSize] = useState<LabelSize | null>(null);
  useLayoutEffect(() => {
    let live = true;
    const measure = () => {
      const element = label.current;
      if (!live || !element) return;
      const width = element.offsetWidth;
      const height = element.offsetHeight;
      setSize((known) =>
        known && known.width === width && known.height === height ? known : { width, height },
      );
    };
    measure();
    // The typeface may arrive after the first measure: the name then takes its real width.
    void document.fonts?.ready.then(measure);
    return () => {
      live = false;
    };
  }, [name]);
  const offset = size ? cursorLabelOffset({ x, y }, size, viewport) : LABEL_OFFSET;
  return (
    <div
      className="cursor"
      data-testid="remote-cursor"
      // Positions arrive at 20 Hz (PRESENCE_INTERVAL_MS): glide between them.
      style={{
        transform: `translate(${x}px, ${y}px)`,
        transition: 'transform 50ms linear',
        color,
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
        ref={label}
        className="cursor-name"
        style={{ background: color, left: offset.left, top: offset.top }}
      >
        {name}
      </span>
    </div>
  );
});
