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
