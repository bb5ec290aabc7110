import pg from 'pg';
import type { Logger } from '../log.ts';
import { describeDatabaseUrl } from './database.ts';

/** The channel PgForumStore NOTIFYs (payload: the forum id) when links stop resolving. */
export const LINKS_CHANNEL = 'carton_links';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * L3, L4 on PostgreSQL: a token replaced or a board removed by another process (another
 * server, `carton facilitator-link`) reaches every server as a NOTIFY on `carton_links`. One
 * dedicated connection LISTENs (a pooled one would be handed to queries). If it is lost, it
 * reconnects with backoff and then reports a change, since notifications sent meanwhile are
 * gone: the listener's check (revoked-links.ts) looks every open link up again anyway.
 */
export class PgLinkSignal {
  readonly #url: string;
  readonly #log: Logger;
  readonly #listeners = new Set<() => void>();
  #client: pg.Client | null = null;
  #retryMs = RETRY_MIN_MS;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  private constructor(url: string, log: Logger) {
    this.#url = url;
    this.#log = log;
  }

  /** Connects and LISTENs; rejects if the first connection fails (the server does not start). */
  static async start(url: string, log: Logger): Promise<PgLinkSignal> {
    const signal = new PgLinkSignal(url, log);
    await signal.#connect();
    return signal;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: 'carton-links' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.#client === client) this.#client = null;
      void client.end().catch(() => {});
      if (this.#closed) return;
      this.#log.warn('links_listener_lost', {
        database: describeDatabaseUrl(this.#url),
        ...(error ? { error } : {}),
      });
      this.#scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === LINKS_CHANNEL) this.#emit();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LINKS_CHANNEL}`);
    } catch (error) {
      lost = true;
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#retryMs = RETRY_MIN_MS;
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connect().then(
        () => {
          if (this.#closed) return;
          this.#log.info('links_listener_back', { database: describeDatabaseUrl(this.#url) });
          this.#emit(); // anything revoked while it was away
        },
        () => this.#scheduleReconnect(),
      );
    }, delay);
    this.#retryTimer.unref();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
