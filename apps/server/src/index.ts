// @carton/server — for tools that run the server in-process (benchmarks). Tests across
// processes spawn the built server instead (tests/support/server.ts).
export type { Config } from './config.ts';
export { ConfigError, loadConfig } from './config.ts';
export type { Logger } from './log.ts';
export { createLogger, silentLogger } from './log.ts';
export type { RunningServer } from './http/server.ts';
export { startServer } from './http/server.ts';
export type { WebSocketLike } from './relay/websocket-like.ts';
export type { RelayMetrics } from './relay/metrics.ts';
export { BOARD_ID_PATTERN, Relay } from './relay/relay.ts';
export { CloseCode, KEEPALIVE_FRAME } from './relay/protocol.ts';
export type { BoardStorage, StoredBoard } from './storage/board-storage.ts';
