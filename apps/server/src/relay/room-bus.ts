/**
 * What a room needs from the bus that joins several relay processes (R63–R67). The relay core
 * knows only this interface; `src/cluster/` implements it over Redis. A single process has no
 * bus at all (null): no subscription, no publish, nothing extra per message.
 */
export interface RoomBus {
  /** Subscribes to a room's channel; the handlers get other processes' messages only. */
  join(roomId: string, handlers: RoomBusHandlers): RoomChannel;
  /**
   * Access changed here (a link replaced, a board removed: L3, R56): the other processes check
   * their own connections again. Called by `Relay.closeWhere`.
   */
  accessChanged(code: number, reason: string): void;
}

export interface RoomBusHandlers {
  /** A document update another process appended to storage (published after its append). */
  update(update: Uint8Array): void;
  /** Presence of another process's clients: an awareness update (count, then entries). */
  awareness(update: Uint8Array): void;
  /** Another process just loaded the room: send our clients' presence. */
  queryAwareness(): void;
  /**
   * Read the room's stored state again and merge it: the bus came back after an outage
   * (`reconnected`: our subscription missed messages), or another process published into the
   * void or an update too large for the bus (`requested`).
   */
  resync(reason: 'reconnected' | 'requested'): void;
}

export interface RoomChannel {
  /**
   * Resolves once the subscription is active, so storage is read after it (no update falls
   * between the read and the subscription). At once if the bus is down: its return resyncs.
   */
  readonly ready: Promise<void>;
  /** Publishes an update this process has appended to storage. */
  publishUpdate(update: Uint8Array): void;
  /** Publishes this process's clients' presence (awareness update: count, then entries). */
  publishAwareness(update: Uint8Array): void;
  /** Asks the other processes for their clients' presence. */
  queryAwareness(): void;
  /** Stops the subscription (room unloaded). */
  leave(): void;
}
