/** Counters for the relay; plain numbers so the hot path pays one increment. */
export interface RelayMetrics {
  connectionsOpened: number;
  connectionsClosed: number;
  roomsLoaded: number;
  roomsUnloaded: number;
  updatesApplied: number;
  updatesAppended: number;
  bytesAppended: number;
  compactions: number;
  viewUpdatesDropped: number;
  /** F2: awareness frames from read-only members of a forum room, dropped. */
  awarenessDropped: number;
  malformedMessages: number;
  slowConsumersClosed: number;
  rateLimitedClosed: number;
  storageFailures: number;
}

export function createMetrics(): RelayMetrics {
  return {
    connectionsOpened: 0,
    connectionsClosed: 0,
    roomsLoaded: 0,
    roomsUnloaded: 0,
    updatesApplied: 0,
    updatesAppended: 0,
    bytesAppended: 0,
    compactions: 0,
    viewUpdatesDropped: 0,
    awarenessDropped: 0,
    malformedMessages: 0,
    slowConsumersClosed: 0,
    rateLimitedClosed: 0,
    storageFailures: 0,
  };
}
