// A real Carton server for the server project's tests: port 0 on loopback, its own SQLite data
// directory, and what it logs kept as records (and emitted by event name, to wait for a line).
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../http/server.ts';
import { createLogger } from '../log.ts';

export interface LogRecord {
  level: string;
  event: string;
  [field: string]: unknown;
}

export interface LoggedServer {
  readonly server: RunningServer;
  /** Every line the server logged (debug and up), parsed. */
  readonly records: LogRecord[];
  /** Emits each record under its event's name. */
  readonly logs: EventEmitter;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

/** Starts the server with `env` on top of a test's defaults; `name` names its data directory. */
export async function startLoggedServer(
  name: string,
  env: Record<string, string> = {},
): Promise<LoggedServer> {
  const dir = mkdtempSync(join(tmpdir(), `carton-${name}-`));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', CARTON_DATA_DIR: dir, ...env });
  const records: LogRecord[] = [];
  const logs = new EventEmitter();
  const log = createLogger('debug', (line) => {
    const record = JSON.parse(line) as LogRecord;
    records.push(record);
    logs.emit(record.event, record);
  });
  const server = await startServer(config, log);
  return {
    server,
    records,
    logs,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
