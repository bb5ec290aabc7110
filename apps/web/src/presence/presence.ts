// Presence travels in Yjs awareness: who is here, their cursor, selection, gesture preview and
// view (for following). Remote states are untrusted input: read them defensively. Every awareness
// message carries the whole state, so a state omits what is null, empty or false (the reader
// fills in the defaults), and a stroke being drawn travels as chunks (strokeCodec.ts) replayed
// smoothly by receivers (strokeReplay.ts).
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../geometry/rect';
import type { Preview } from '../tools/types';
import type { AwarenessChanges } from './ownAwareness';
import { STROKE_INTERVAL_MS, readStrokeChunk, type StrokeChunk } from './strokeCodec';
import { StrokeReplay } from './strokeReplay';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}
export interface PresenceView {
  /** World point at the centre of their viewport, and their zoom. */
  center: Point;
  zoom: number;
  /**
   * How much of the board their view holds (world units): a smaller screen following them fits
   * it (forum/followView.ts). Absent from older pages, which are followed by their zoom.
   */
  width?: number;
  height?: number;
}
export interface PresenceState {
  user: PresenceUser;
  /** Not sent while drawing a stroke: receivers put it at the stroke's tip. */
  cursor: Point | null;
  selection: string[];
  /** Gesture previews other than a stroke being drawn (arrow, box, erase). */
  preview: Preview | null;
  /** The latest chunk of a stroke being drawn (wire field `s`). */
  stroke: StrokeChunk | null;
  view: PresenceView | null;
  readOnly: boolean;
}
export interface Peer extends PresenceState {
  clientId: number;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPoint = (v: unknown): v is Point =>
  typeof v === 'object' && v !== null && isNum((v as Point).x) && isNum((v as Point).y);

function readUser(v: unknown): PresenceUser | null {
  if (typeof v !== 'object' || v === null) return null;
  const u = v as Record<string, unknown>;
  if (typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string')
    return null;
  // A colour is only ever a short hex value: anything else could inject into styles.
  const color = /^#[0-9a-f]{3,8}$/iu.test(u.color) ? u.color : '#555555';
  return { id: u.id.slice(0, 100), name: u.name.slice(0, 60), color };
}

function readPreview(v: unknown): Preview | null {
  if (typeof v !== 'object' || v === null) return null;
  const p = v as Record<string, unknown>;
  if (
    p.kind === 'stroke' &&
    Array.isArray(p.points) &&
    typeof p.color === 'string' &&
    isNum(p.width)
  ) {
    const points = (p.points as unknown[]).filter(
      (t): t is [number, number, number] => Array.isArray(t) && t.length === 3 && t.every(isNum),
    );
    return {
      kind: 'stroke',
      points: points.slice(0, 5000),
      color: p.color,
      width: Math.min(200, p.width),
    };
  }
  if (p.kind === 'arrow' && isPoint(p.start) && isPoint(p.end) && typeof p.color === 'string') {
    return { kind: 'arrow', start: p.start, end: p.end, color: p.color };
  }
  return null;
}

export function readPresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  const user = readUser(s.user);
  if (!user) return null;
  const view = s.view as Record<string, unknown> | null | undefined;
  return {
    user,
    cursor: isPoint(s.cursor) ? s.cursor : null,
    selection: Array.isArray(s.selection)
      ? (s.selection as unknown[])
          .filter((id): id is string => typeof id === 'string')
          .slice(0, 1000)
      : [],
    preview: readPreview(s.preview),
    stroke: readStrokeChunk(s.s),
    view:
      view && isPoint(view.center) && isNum(view.zoom)
        ? {
            center: view.center,
            zoom: view.zoom,
            ...(isNum(view.width) && view.width > 0 && isNum(view.height) && view.height > 0
              ? { width: view.width, height: view.height }
              : {}),
          }
        : null,
    readOnly: s.readOnly === true,
  };
}

/** Each board connection's peers' strokes in progress, with the clock they are replayed by. */
const replays = new WeakMap<Awareness, { replay: StrokeReplay; clock: () => number }>();

const defaultClock = (): number => performance.now();

/**
 * Starts following `awareness`' peers' strokes (idempotent): every change is applied as it
 * happens, stamped by `clock`, so no chunk is skipped whoever reads the peers, when. Tests pass
 * their own clock; the page uses performance.now (the clock of requestAnimationFrame).
 */
export function followPeerStrokes(
  awareness: Awareness,
  clock: () => number = defaultClock,
): { replay: StrokeReplay; clock: () => number } {
  const known = replays.get(awareness);
  if (known) return known;
  const replay = new StrokeReplay(STROKE_INTERVAL_MS);
  const apply = (clientId: number) => {
    const state = awareness.getStates().get(clientId);
    const chunk =
      typeof state === 'object' && state !== null
        ? readStrokeChunk((state as Record<string, unknown>).s)
        : null;
    replay.apply(clientId, chunk, clock());
  };
  awareness.getStates().forEach((_, clientId) => {
    if (clientId !== awareness.clientID) apply(clientId);
  });
  awareness.on('change', ({ added, updated, removed }: AwarenessChanges) => {
    for (const id of [...added, ...updated]) if (id !== awareness.clientID) apply(id);
    for (const id of removed) replay.apply(id, null, clock());
  });
  const followed = { replay, clock };
  replays.set(awareness, followed);
  return followed;
}

/** True while a peer's stroke is still being replayed: its preview changes with every frame. */
export function peersReplaying(awareness: Awareness): boolean {
  const { replay, clock } = followPeerStrokes(awareness);
  return replay.replaying(clock());
}

/** One preview object per shown points array: renderers memoise on identity. */
const strokePreviews = new WeakMap<object, Preview>();

/**
 * Everyone else on the board, in a stable order (by name, then client id). A peer's stroke in
 * progress comes back as a whole `preview`, as replayed at `now` (shown from its second point),
 * and their cursor, which they do not send while drawing, at its tip.
 */
export function readPeers(awareness: Awareness, now?: number): Peer[] {
  const { replay, clock } = followPeerStrokes(awareness);
  const at = now ?? clock();
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const presence = readPresence(state);
    if (!presence) return;
    const { stroke } = presence;
    const points = stroke ? replay.view(clientId, stroke.id, at) : null;
    const tip = points?.[points.length - 1];
    let preview = presence.preview;
    if (stroke && points && points.length >= 2) {
      preview = strokePreviews.get(points) ?? {
        kind: 'stroke',
        points,
        color: stroke.color,
        width: stroke.width,
      };
      strokePreviews.set(points, preview);
    }
    const cursor = presence.cursor ?? (tip ? { x: tip[0], y: tip[1] } : null);
    peers.push({ ...presence, preview, cursor, clientId });
  });
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}
