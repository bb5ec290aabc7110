// One board's Y.Doc and its socket. Created outside React (StrictMode runs effects twice)
// and destroyed when the board page goes away. y-websocket reconnects by itself with backoff.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { wsUrl } from './api';
import { deriveStatus, type ConnectionStatus, type SocketState } from './status';

export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private socket: SocketState = 'connecting';
  private listeners = new Set<() => void>();
  private current: ConnectionStatus = 'syncing';
  private readonly onOnlineChange = () => this.update();

  constructor(
    readonly boardId: string,
    token: string,
  ) {
    this.provider = new WebsocketProvider(wsUrl('/sync'), boardId, this.doc, {
      params: { token },
      // Tabs share updates only through the server, which checks each token.
      disableBc: true,
    });
    this.provider.on('status', ({ status }: { status: SocketState }) => {
      this.socket = status;
      this.update();
    });
    this.provider.on('sync', () => this.update());
    window.addEventListener('online', this.onOnlineChange);
    window.addEventListener('offline', this.onOnlineChange);
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  /** Resolves once the first sync with the server is done. */
  whenSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): ConnectionStatus => this.current;

  destroy(): void {
    window.removeEventListener('online', this.onOnlineChange);
    window.removeEventListener('offline', this.onOnlineChange);
    this.listeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }

  private update(): void {
    const next = deriveStatus(this.socket, this.provider.synced, navigator.onLine, this.current);
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
