import type {
  BoardGuard,
  BoardGuardLimits,
  JoinDecision,
  JoinGuard,
} from '../limits/board-guard.ts';
import { LimitCloseCode, LimitReason } from '../limits/close-codes.ts';
import type { Logger } from '../log.ts';
import type { RedisClient } from './redis-bus.ts';

const COUNTS_PREFIX = 'carton:board-connections:';
const ALIVE_PREFIX = 'carton:process:';

const JOINS_PREFIX = 'carton:board-joins:';

/** The script's answers besides the board's new total. */
const CROWDED = -1;
const TOO_FAST = -2;

/**
 * Atomically, for one join: the connections of the board's other live processes (fields of
 * processes whose liveness key expired are removed) plus ours, including this join, must stay
 * within the limit (else CROWDED, nothing written); the board's join budget, a token bucket
 * shared by every process, must hold a token (else TOO_FAST); then our field is set to our
 * count, a token taken and our liveness renewed (our field counts for the others at once,
 * even before the next heartbeat). Reads and writes keys it is not given (the liveness keys):
 * one Redis, not Redis Cluster, as for the bus.
 * KEYS: the board's count hash, its join bucket. ARGV: our id, our count with this join, the
 * limit, the liveness key prefix, the count hash's lifetime (ms), joins per second, burst,
 * the liveness (ms).
 */
const JOIN_SCRIPT = `
local fields = redis.call('HGETALL', KEYS[1])
local others = 0
for i = 1, #fields, 2 do
  local id = fields[i]
  if id ~= ARGV[1] then
    if redis.call('EXISTS', ARGV[4] .. id) == 1 then
      others = others + tonumber(fields[i + 1])
    else
      redis.call('HDEL', KEYS[1], id)
    end
  end
end
local mine = tonumber(ARGV[2])
if others + mine > tonumber(ARGV[3]) then return ${CROWDED} end
local rate = tonumber(ARGV[6])
local burst = tonumber(ARGV[7])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
if tokens < 1 then return ${TOO_FAST} end
redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - 1), 'at', now)
redis.call('PEXPIRE', KEYS[2], math.ceil(burst / rate * 1000) + 1000)
redis.call('HSET', KEYS[1], ARGV[1], mine)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('SET', ARGV[4] .. ARGV[1], '1', 'PX', ARGV[8])
return others + mine
`;

export interface SharedBoardGuardOptions {
  /** A connection for commands (the bus's publishing one). */
  client: RedisClient;
  /** This process's id on the bus (hex). */
  processId: string;
  /** This process's own counts and join rate; decides alone while Redis is away. */
  local: BoardGuard;
  limits: BoardGuardLimits;
  log: Logger;
  /** How often this process says it is alive and rewrites its counts (default 10 s). */
  heartbeatMs?: number;
  /** How long a process that stopped saying so still counts (default 30 s). */
  livenessMs?: number;
  /** How long a join waits for Redis before deciding alone (default 1 s). */
  answerTimeoutMs?: number;
}

/**
 * R31 with several processes (R63): a board's connections are counted across processes. Each
 * process keeps, in one Redis hash per board (`carton:board-connections:<boardId>`), a field
 * with its own count, written as an absolute value (so a lost or repeated write is corrected
 * by the next); its liveness key (`carton:process:<id>`, renewed every `heartbeatMs`, expiring
 * after `livenessMs`) makes its fields count: a process killed without a word stops counting
 * within 30 s. Joins per second are one budget per board too (a token bucket in Redis,
 * `carton:board-joins:<boardId>`), beside each process's own. Redis unreachable
 * or not answering: the process decides with its own count (nobody is locked out), logged
 * once per outage; the heartbeat rewrites its counts when Redis is back.
 */
export class SharedBoardGuard implements JoinGuard {
  readonly #options: SharedBoardGuardOptions;
  readonly #aliveKey: string;
  readonly #livenessMs: number;
  readonly #answerTimeoutMs: number;
  readonly #heartbeat: ReturnType<typeof setInterval>;
  #alone = false;
  #closed = false;
  /** The last count written (tests await it). */
  #lastWrite: Promise<unknown> = Promise.resolve();

  constructor(options: SharedBoardGuardOptions) {
    this.#options = options;
    this.#aliveKey = ALIVE_PREFIX + options.processId;
    this.#livenessMs = options.livenessMs ?? 30_000;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? 1_000;
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs ?? 10_000);
    this.#heartbeat.unref();
    this.#beat();
  }

  async join(boardId: string): Promise<JoinDecision> {
    const { local, client, limits } = this.#options;
    // Our own place (and the per-process join rate) first: it also counts joins in flight.
    const decision = local.join(boardId);
    if (!decision.ok) return decision;
    const granted = this.#granted(boardId, decision.release);
    // Stopping: this process's liveness is gone and stays gone (the script would renew it).
    if (this.#closed) return granted;
    if (!client.isReady) {
      this.#decideAlone(new Error('Redis is not connected'));
      return granted;
    }
    let total: unknown;
    try {
      total = await this.#answer(
        client.eval(JOIN_SCRIPT, {
          keys: [COUNTS_PREFIX + boardId, JOINS_PREFIX + boardId],
          arguments: [
            this.#options.processId,
            String(local.connections(boardId)),
            String(limits.maxConnectionsPerBoard),
            ALIVE_PREFIX,
            String(this.#livenessMs * 2),
            String(limits.joinsPerSecondPerBoard),
            String(limits.joinBurstPerBoard),
            String(this.#livenessMs),
          ],
        }),
      );
    } catch (error) {
      this.#decideAlone(error as Error);
      return granted;
    }
    this.#shared();
    if (total !== CROWDED && total !== TOO_FAST) return granted;
    granted.release();
    return total === CROWDED
      ? {
          ok: false,
          code: LimitCloseCode.BOARD_CROWDED,
          reason: LimitReason.crowded,
          limit: 'connections_per_board',
        }
      : {
          ok: false,
          code: LimitCloseCode.RATE_LIMITED,
          reason: LimitReason.joinRate,
          limit: 'joins_per_board',
        };
  }

  /** Stops saying this process is alive, and removes its liveness at once (a clean stop). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    if (this.#options.client.isReady) {
      await this.#answer(this.#options.client.del(this.#aliveKey)).catch(() => {});
    }
  }

  /** A granted place whose release also rewrites this process's count in Redis. */
  #granted(boardId: string, release: () => void): Extract<JoinDecision, { ok: true }> {
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        release();
        this.#write(boardId);
      },
    };
  }

  /** Writes this process's count of the board (absolute, so order of writes is all it needs). */
  #write(boardId: string): void {
    const { client, processId, local } = this.#options;
    if (this.#closed || !client.isReady) return;
    const key = COUNTS_PREFIX + boardId;
    const count = local.connections(boardId);
    const written =
      count > 0
        ? Promise.all([
            client.hSet(key, processId, count),
            client.pExpire(key, this.#livenessMs * 2),
          ])
        : client.hDel(key, processId);
    this.#lastWrite = written.catch(() => {}); // the next heartbeat writes it again
  }

  /** Resolves once the last count this process wrote was answered (or failed). */
  written(): Promise<void> {
    return this.#lastWrite.then(() => {});
  }

  /** Alive for `livenessMs` more; every board's count written again (Redis may have restarted). */
  #beat(): void {
    const { client } = this.#options;
    if (this.#closed || !client.isReady) return;
    client.set(this.#aliveKey, '1', { PX: this.#livenessMs }).catch(() => {});
    for (const boardId of this.#options.local.boards()) this.#write(boardId);
  }

  #answer<T>(pending: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('Redis did not answer the connection count')),
        this.#answerTimeoutMs,
      );
    });
    pending.catch(() => {}); // answered late or failed: the heartbeat corrects the count
    return Promise.race([pending, late]).finally(() => clearTimeout(timer));
  }

  #decideAlone(error: Error): void {
    if (this.#alone) return;
    this.#alone = true;
    // Only the error's kind: a message from the Redis client may quote its URL.
    this.#options.log.warn('connection_counts_local', { cause: error.name });
  }

  #shared(): void {
    if (!this.#alone) return;
    this.#alone = false;
    this.#options.log.info('connection_counts_shared', {});
    this.#beat();
  }
}
