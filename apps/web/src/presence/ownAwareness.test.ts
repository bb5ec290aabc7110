import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { awarenessMessage, sendOnlyOwnAwareness } from './ownAwareness';

/** A socket that never leaves the process: records what the provider sends. */
class FakeSocket {
  static last: FakeSocket | null = null;
  readonly sent: Uint8Array[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeSocket.last = this;
  }
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: Uint8Array): void {
    this.onmessage?.({ data: frame.slice().buffer });
  }
}

const providers: WebsocketProvider[] = [];

/** A stock provider connected to a FakeSocket, with its local state set. */
function connected(swap: boolean): { provider: WebsocketProvider; socket: FakeSocket } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://carton.invalid/sync', 'board-rimouski', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
  providers.push(provider);
  if (swap) sendOnlyOwnAwareness(provider);
  provider.awareness.setLocalState({ user: { name: 'Rimouski-Neigette' }, cursor: null });
  provider.connect();
  const socket = FakeSocket.last!;
  socket.open();
  socket.sent.length = 0; // sync step 1 and our state on open
  return { provider, socket };
}

/** Reads one varUint at `at.pos`. */
function varUint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}

/** Awareness ids and states (null: removed) carried by the awareness frames a socket sent. */
function sentStates(socket: FakeSocket): Array<Map<number, unknown>> {
  return socket.sent
    .filter((frame) => frame[0] === 1)
    .map((frame) => {
      const at = { pos: 1 };
      varUint(frame, at); // update length
      const seen = new Map<number, unknown>();
      const count = varUint(frame, at);
      for (let i = 0; i < count; i++) {
        const id = varUint(frame, at);
        varUint(frame, at); // clock
        const length = varUint(frame, at);
        const json = new TextDecoder().decode(frame.subarray(at.pos, at.pos + length));
        at.pos += length;
        seen.set(id, JSON.parse(json));
      }
      return seen;
    });
}

/** Another participant's awareness update, as the relay forwards it. */
function remoteFrame(): Uint8Array {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({ user: { name: 'Les Basques' }, cursor: { x: 4, y: 2 } });
  const frame = awarenessMessage(encodeAwarenessUpdate(other, [other.clientID]));
  other.destroy();
  return frame;
}

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  vi.useRealTimers();
});

describe('sendOnlyOwnAwareness', () => {
  it('the stock handler re-sends a remote state it applied (what the swap removes)', () => {
    const { provider, socket } = connected(false);
    socket.receive(remoteFrame());
    expect(provider.awareness.getStates().size).toBe(2);
    expect(sentStates(socket)).toHaveLength(1);
  });

  it('sends nothing for a remote change, and only its own entry for a local change', () => {
    const { provider, socket } = connected(true);
    socket.receive(remoteFrame());
    expect(provider.awareness.getStates().size).toBe(2);
    expect(socket.sent).toHaveLength(0);

    provider.awareness.setLocalStateField('cursor', { x: 12, y: 7 });
    const frames = sentStates(socket);
    expect(frames).toHaveLength(1);
    expect([...frames[0]!.keys()]).toEqual([provider.doc.clientID]);
    expect(frames[0]!.get(provider.doc.clientID)).toEqual({
      user: { name: 'Rimouski-Neigette' },
      cursor: { x: 12, y: 7 },
    });
  });

  it('still renews the local state every 15 s and sends its removal on exit', () => {
    vi.useFakeTimers();
    const { provider, socket } = connected(true);
    // lib0 reads the clock through a Date.now it captured at load (not faked): age the local
    // state instead, then let Awareness' own 3 s check run.
    provider.awareness.meta.get(provider.doc.clientID)!.lastUpdated -= 16_000;
    vi.advanceTimersByTime(3_000);
    const renewed = sentStates(socket);
    expect(renewed.length).toBeGreaterThanOrEqual(1);
    expect([...renewed[0]!.keys()]).toEqual([provider.doc.clientID]);

    socket.sent.length = 0;
    provider._exitHandler();
    const removal = sentStates(socket);
    expect(removal).toHaveLength(1);
    expect(removal[0]!.get(provider.doc.clientID)).toBeNull();
  });

  it('sends nothing while the socket is closed', () => {
    const { provider, socket } = connected(true);
    socket.readyState = 3;
    provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    expect(socket.sent).toHaveLength(0);
  });

  it('takes the others back at once when its socket reconnects (their states unchanged)', () => {
    vi.useFakeTimers();
    const { provider, socket } = connected(true);
    const frame = remoteFrame();
    socket.receive(frame);
    expect(provider.awareness.getStates().size).toBe(2);

    // The venue's wifi drops: the provider removes every remote state.
    socket.onclose?.({ code: 1006, reason: '' });
    expect([...provider.awareness.getStates().keys()]).toEqual([provider.doc.clientID]);

    // Reconnected: the relay sends the state it holds, the same clock as before.
    vi.advanceTimersByTime(1_000);
    const again = FakeSocket.last!;
    expect(again).not.toBe(socket);
    again.open();
    again.receive(frame);
    expect(provider.awareness.getStates().size).toBe(2);
  });

  it('still ignores a stale copy while connected', () => {
    const { provider, socket } = connected(true);
    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: 'Les Basques' }, cursor: { x: 1, y: 1 } });
    const older = awarenessMessage(encodeAwarenessUpdate(other, [other.clientID]));
    other.setLocalStateField('cursor', { x: 9, y: 9 });
    socket.receive(awarenessMessage(encodeAwarenessUpdate(other, [other.clientID])));
    socket.receive(older);
    expect(provider.awareness.getStates().get(other.clientID)).toMatchObject({
      cursor: { x: 9, y: 9 },
    });
    other.destroy();
  });
});
