// Presence travels in Yjs awareness: who is here, their cursor, selection, gesture preview and
// view (for following). Remote states are untrusted input: read them defensively.
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../geometry/rect';
import type { Preview } from '../tools/types';
import type { AwarenessChanges } from './ownAwareness';
import { StrokeAccumulator, readStrokeWire, type StrokeWire } from './strokeWindow';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}
export interface PresenceView {
  /** World point at the centre of their viewport, and their zoom. */
  center: Point;
  zoom: number;
}
export interface PresenceState {
  user: PresenceUser;
  cursor: Point | null;
  selection: string[];
  /** Gesture previews other than a stroke being drawn (arrow, box, erase). */
  preview: Preview | null;
  /** A stroke being drawn: a window of its latest points (strokeWindow.ts). */
  stroke: StrokeWire | null;
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
    stroke: readStrokeWire(s.stroke),
    view:
      view && isPoint(view.center) && isNum(view.zoom)
        ? { center: view.center, zoom: view.zoom }
        : null,
    readOnly: s.readOnly === true,
  };
}

/** Each board connection's peers' strokes in progress, rebuilt from their windows. */
const accumulators = new WeakMap<Awareness, StrokeAccumulator>();

/**
 * The strokes in progress of `awareness`' peers. The first call starts following the awareness:
 * every change is applied as it happens, so no window is skipped whoever reads the peers, when.
 */
function strokesOf(awareness: Awareness): StrokeAccumulator {
  let strokes = accumulators.get(awareness);
  if (strokes) return strokes;
  const accumulator = new StrokeAccumulator();
  const apply = (clientId: number) => {
    const state = awareness.getStates().get(clientId);
    const stroke =
      typeof state === 'object' && state !== null
        ? readStrokeWire((state as Record<string, unknown>).stroke)
        : null;
    accumulator.apply(clientId, stroke);
  };
  awareness.getStates().forEach((_, clientId) => {
    if (clientId !== awareness.clientID) apply(clientId);
  });
  awareness.on('change', ({ added, updated, removed }: AwarenessChanges) => {
    for (const id of [...added, ...updated]) if (id !== awareness.clientID) apply(id);
    for (const id of removed) accumulator.apply(id, null);
  });
  strokes = accumulator;
  accumulators.set(awareness, strokes);
  return strokes;
}

/**
 * Everyone else on the board, in a stable order (by name, then client id). A peer's stroke in
 * progress comes back as a whole `preview`: the points received so far.
 */
export function readPeers(awareness: Awareness): Peer[] {
  const strokes = strokesOf(awareness);
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const presence = readPresence(state);
    if (!presence) return;
    const { stroke } = presence;
    const points = stroke ? strokes.points(clientId, stroke.id) : null;
    const preview: Preview | null =
      stroke && points && points.length > 0
        ? { kind: 'stroke', points, color: stroke.color, width: stroke.width }
        : presence.preview;
    peers.push({ ...presence, preview, clientId });
  });
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}
