// Shared by the forum import tests: a server per test with its own spool folder, and an archive
// upload left open, so a test can write its body a piece at a time and look at the server
// meanwhile, then await the answer.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startServer, type CartonServer } from '../support/server.ts';

export interface OpenUpload {
  readonly request: http.ClientRequest;
  /** The answer's status, once the server answers (the body is drained). */
  readonly status: Promise<number>;
}

/** Starts a POST of a zip to `url` and leaves it unfinished: the caller writes and ends it. */
export function openZipUpload(url: string): OpenUpload {
  const request = http.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/zip' },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
  });
  return { request, status };
}

export interface ImportServer {
  readonly server: CartonServer;
  /** The server's TMPDIR, where it spools uploads; '' when it uses the machine's. */
  readonly spoolRoot: string;
}

/**
 * Registers an `afterEach` that disposes the server the test started and removes its spool
 * folder; returns how to start it. With `ownSpool`, the server's TMPDIR is a new folder, so
 * whatever appears in it is the server's spooled upload.
 */
export function importServerPerTest(): (options?: { ownSpool?: boolean }) => Promise<ImportServer> {
  let started: ImportServer | null = null;
  afterEach(async () => {
    await started?.server.dispose();
    if (started?.spoolRoot) rmSync(started.spoolRoot, { recursive: true, force: true });
    started = null;
  });
  return async ({ ownSpool = false } = {}) => {
    const spoolRoot = ownSpool ? mkdtempSync(join(tmpdir(), 'carton-spool-')) : '';
    const server = await startServer(ownSpool ? { env: { TMPDIR: spoolRoot } } : undefined);
    started = { server, spoolRoot };
    return started;
  };
}
