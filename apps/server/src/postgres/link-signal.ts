import pg from 'pg';
import type { Logger } from '../log.ts';
import { connectionOptions, describeDatabaseUrl } from './database.ts';

/** The channel PgForumStore NOTIFYs (payload: the forum id) when links stop resolving. */
export const LINKS_CHANNEL = 'carton_links';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface LinkSignalOptions {
  /**
   * How often the listening connection is checked with a query (default 30 s). A connection a
   * firewall or NAT dropped silently raises no error: without a check the server would stop
   * hearing revocations (L4) and never know. The check's traffic also keeps such a connection
   * from being idle.
   */
  checkIntervalMs?: number;
  /** How long the check waits for its answer before the connection counts as lost (10 s). */
  checkTimeoutMs?: number;
  /**
   * How long a connection may take to open (10 s, as the pool's). Without it a database that
   * accepts the TCP connection and never answers held a reconnection for ever: the server
   * stopped hearing revocations for good, even once the database was back.
   */
  connectTimeoutMs?: number;
}

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
  #checkTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  readonly #checkIntervalMs: number;
  readonly #checkTimeoutMs: number;
  readonly #connectTimeoutMs: number | undefined;

  private constructor(url: string, log: Logger, options: LinkSignalOptions) {
    this.#url = url;
    this.#log = log;
    this.#checkIntervalMs = options.checkIntervalMs ?? 30_000;
    this.#checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
    this.#connectTimeoutMs = options.connectTimeoutMs;
  }

  /** Connects and LISTENs; rejects if the first connection fails (the server does not start). */
  static async start(
    url: string,
    log: Logger,
    options: LinkSignalOptions = {},
  ): Promise<PgLinkSignal> {
    const signal = new PgLinkSignal(url, log, options);
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
    if (this.#checkTimer) clearTimeout(this.#checkTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      ...connectionOptions(this.#url, { connectTimeoutMs: this.#connectTimeoutMs }),
      application_name: 'carton-links',
      // LISTEN, and the checks (which also race their own timer), answer within this or fail.
      query_timeout: this.#checkTimeoutMs,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.#client === client) this.#client = null;
      if (this.#checkTimer) clearTimeout(this.#checkTimer);
      this.#checkTimer = null;
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
    this.#scheduleCheck(client, onLost);
  }

  /** Asks the listening connection for an answer now and then; none in time means lost. */
  #scheduleCheck(client: pg.Client, onLost: (error?: Error) => void): void {
    this.#checkTimer = setTimeout(() => {
      this.#checkTimer = null;
      if (this.#closed || this.#client !== client) return;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const answered = client.query('SELECT 1').then(() => true);
      const late = new Promise<false>((resolve) => {
        timeout = setTimeout(() => resolve(false), this.#checkTimeoutMs);
      });
      Promise.race([answered, late]).then(
        (ok) => {
          clearTimeout(timeout);
          if (!ok) onLost(new Error('the listening connection does not answer'));
          else if (this.#client === client) this.#scheduleCheck(client, onLost);
        },
        (error: unknown) => {
          clearTimeout(timeout);
          onLost(error as Error);
        },
      );
      answered.catch(() => {}); // after a timeout, its failure is no news
    }, this.#checkIntervalMs);
    this.#checkTimer.unref();
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
