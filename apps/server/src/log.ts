import type { LogLevel } from './config.ts';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * Removes capability tokens from anything that may hold a URL or header: `token=…` query
 * parameters, `#token=…` fragments and `Bearer …` credentials. Tokens never reach the logs (R20).
 * So does anything standing alone with a token's shape (43 base64url characters, R21): a link's
 * token typed where the board id goes (`/b/<token>`) reaches the socket's path, and refusals
 * log the board id they were given. Ids are 16 characters, blob ids 64: none is redacted.
 */
export function redact(text: string): string {
  return text
    .replace(/([?&#]token=)[^&#\s"]*/gi, '$1[redacted]')
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '[redacted]');
}

function serialise(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  return value;
}

/** A JSON-lines logger: one object per line with time, level and event name. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  base: LogFields = {},
): Logger {
  const threshold = RANK[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, event: string, fields?: LogFields) => {
    if (RANK[lvl] < threshold) return;
    const record: LogFields = { time: new Date().toISOString(), level: lvl, event };
    for (const [key, value] of Object.entries(base)) record[key] = serialise(value);
    if (fields) for (const [key, value] of Object.entries(fields)) record[key] = serialise(value);
    write(JSON.stringify(record));
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = createLogger('silent', () => {});
