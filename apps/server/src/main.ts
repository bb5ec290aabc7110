import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './http/server.ts';
import { createLogger } from './log.ts';
import { startupFailureText } from './startup-failure.ts';
import { venueLines } from './venue-addresses.ts';
import { describeDatabaseUrl } from './postgres/database-url.ts';
import { DatabaseUnavailableError } from './storage/schema-version.ts';

/** apps/server/package.json's version (beside src/ and dist/ alike), for the start's log line. */
function serverVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const HELP = `Carton's server: node apps/server/dist/main.js (npm start builds, then runs it).
It takes no arguments: the environment configures it, e.g.
  PORT=8787                                  the port (0: any free one)
  HOST=0.0.0.0                               every address: phones on the venue's wifi reach it
  CARTON_DATA_DIR=./data                     where carton.sqlite lives
  CARTON_PUBLIC_URL=http://192.168.1.20:8787 what the links handed out start with
Every variable: apps/server/SPEC.md (Configuration). Running it for a forum: docs/operating.md.
Forums from the command line (export, import, lost links): pnpm carton --help
`;

async function main(): Promise<void> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(HELP);
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let server;
  try {
    server = await startServer(config, log);
  } catch (error) {
    // A taken port, a venue address the machine lost, an unwritable data directory: one line.
    const plain = startupFailureText(error, config);
    if (plain === null) throw error;
    process.stderr.write(`Carton failed to start: ${plain}\n`);
    process.exit(1);
  }
  // The one line tools and tests wait for (contract).
  process.stdout.write(`Carton listening on ${server.url}\n`);
  // Where phones reach it (0.0.0.0 is no address to type), or that they cannot (localhost).
  const venue = venueLines(
    { host: config.host, port: server.port, publicUrl: config.publicUrl },
    networkInterfaces(),
  );
  for (const line of venue) process.stdout.write(`${line}\n`);
  log.info('started', {
    url: server.url,
    version: serverVersion(),
    // Never the database URL itself: it may hold a password.
    ...(config.database
      ? { database: describeDatabaseUrl(config.database.url) }
      : { dataDir: config.dataDir }),
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const force = setTimeout(() => {
      log.error('shutdown_timeout', {});
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => {
        log.info('stopped', {});
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown_failed', { error: error as Error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // R59: an unreachable database is one plain line (host and database only), exit code 3.
  if (error instanceof DatabaseUnavailableError) {
    process.stderr.write(`Carton failed to start: ${error.message}\n`);
    process.exit(3);
  }
  process.stderr.write(`Carton failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
