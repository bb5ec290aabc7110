/**
 * Close codes for a client that passed a limit (SPEC R28–R33). All are in 4400–4499, the range
 * on which the stock y-websocket client stops reconnecting (it emits `closed` with the code and
 * reason instead): a client over a limit must not hammer back. The web client explains each in
 * French and offers to reconnect by hand.
 */
export const LimitCloseCode = {
  /** The board's stored document reached CARTON_MAX_BOARD_BYTES: no update that adds content. */
  BOARD_FULL: 4409,
  /** One update or awareness message larger than its limit. */
  MESSAGE_TOO_LARGE: 4413,
  /** Too many updates, awareness messages, or joins of one board per second. */
  RATE_LIMITED: 4429,
  /** The board already has CARTON_MAX_CONNECTIONS_PER_BOARD connections. */
  BOARD_CROWDED: 4430,
} as const;

/** Close reasons (at most 123 bytes): what happened, and that the client must not retry alone. */
export const LimitReason = {
  boardFull: 'limit exceeded: board is full; do not retry automatically',
  updateTooLarge: 'limit exceeded: update too large; do not retry automatically',
  awarenessTooLarge: 'limit exceeded: awareness too large; do not retry automatically',
  updateRate: 'limit exceeded: update rate; do not retry automatically',
  awarenessRate: 'limit exceeded: awareness rate; do not retry automatically',
  joinRate: 'limit exceeded: joins per second on this board; do not retry automatically',
  crowded: 'limit exceeded: connections on this board; do not retry automatically',
} as const;
