// What stops a server from starting, said to the person who runs it in one plain line (no stack
// trace): the port taken by another program, an address the machine no longer has at the venue,
// a data directory that cannot be written, a file in it that is not a Carton database.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { DATABASE_FILE } from './storage/database.ts';

type Where = Pick<Config, 'port' | 'host' | 'dataDir' | 'database'>;

interface SystemError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  message?: unknown;
}

/** One plain sentence for a start that failed for a reason the operator can fix, else null. */
export function startupFailureText(error: unknown, where: Where): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, syscall, path } = error as SystemError;
  const message = String((error as SystemError).message ?? '');
  if (syscall === 'listen' || syscall === 'getaddrinfo') {
    const at = `${where.host}:${where.port}`;
    switch (code) {
      case 'EADDRINUSE':
        return (
          `port ${where.port} is already in use on ${where.host} (another Carton, or another ` +
          `program, listens there). Stop it, or start on another port: PORT=${nextPort(where.port)}`
        );
      case 'EADDRNOTAVAIL':
        return (
          `HOST=${where.host} is not an address of this machine (on a new network the machine's ` +
          `address changes). Use HOST=0.0.0.0 to listen on every address it has`
        );
      case 'EACCES':
        return (
          `cannot listen on ${at}: ports below 1024 need administrator rights. Use a port ` +
          `above 1024 (PORT=8787), with a reverse proxy in front if needed`
        );
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `HOST=${where.host} is not a name this machine can resolve. Use HOST=0.0.0.0 or an address`;
    }
    return null;
  }
  if (where.database) return null;
  const databaseFile = join(where.dataDir, DATABASE_FILE);
  // Node's file-system errors on the data directory (creating it, opening the file).
  if (typeof path === 'string' && (path === where.dataDir || path.startsWith(where.dataDir))) {
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      return `CARTON_DATA_DIR=${where.dataDir} is not a directory. Choose a directory for Carton's data`;
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return (
        `cannot write in the data directory ${where.dataDir} (${code}). Give this user the ` +
        `right to write there, or choose another CARTON_DATA_DIR`
      );
    }
    if (code === 'ENOSPC') return `the disk holding ${where.dataDir} is full. Free some space`;
    return null;
  }
  // SQLite's, on carton.sqlite itself.
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return (
      `${databaseFile} is not a Carton database, or it is damaged (SQLite: ${message}). Put ` +
      `back a backup copy (see the README, "Backing up and restoring"), or move the file away ` +
      `to start with no forums`
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return (
      `cannot open ${databaseFile} for writing (SQLite: ${message}). Give this user the right ` +
      `to write the data directory and its files, or choose another CARTON_DATA_DIR`
    );
  }
  if (code === 'SQLITE_FULL') return `the disk holding ${databaseFile} is full. Free some space`;
  return null;
}

function nextPort(port: number): number {
  return port > 0 && port < 65_535 ? port + 1 : 8788;
}
