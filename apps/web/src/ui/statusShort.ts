// What the connection status shows where the header is narrow (a phone): the board's title has
// the priority there — « Conditions … » beside « hors ligne / 1 modification gardée… » told no one
// which board they were on. The full words stay in the badge's label (screen readers) and open
// on a tap.
import type { ConnectionStatus } from '../board/status';

/**
 * The changes kept on this device, as a count beside the status's dot, when there are some and
 * the status would otherwise spell them out; null when the short label (« hors ligne »,
 * « connecté ») is the whole story.
 */
export function shortStatusCount(status: ConnectionStatus, pending: number): number | null {
  if (pending <= 0) return null;
  return status === 'connected' ? null : pending;
}

/**
 * The unconfirmed count as the badge shows it: while connected, none (changes are confirmed
 * within a moment, and a count moving with each of a drag's 20 writes a second is noise that
 * re-rendered the badge every time); otherwise the count waiting. The badge renders only when
 * this changes.
 */
export function shownPendingCount(status: ConnectionStatus, pending: number): number {
  return status === 'connected' ? 0 : pending;
}
