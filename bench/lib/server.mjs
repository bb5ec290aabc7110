// The built Carton server for the benchmarks Node runs as they are (.mjs; browser-bench.ts is the
// same for the TypeScript ones, which Node 20 cannot import): apps/server/dist/main.js on a free
// port with a fresh data directory, removed when it stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * Its data directory is named from `prefix`; `env` is added to this process's environment;
 * `dist` is the server build to start (another build's, to compare).
 */
export function startServer(prefix, env = {}, dist = join(ROOT, 'apps/server/dist')) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const proc = spawn(process.execPath, [join(dist, 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: 'localhost', CARTON_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  proc.stdout.resume();
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server not ready')), 15_000);
    const onData = (chunk) => {
      out += chunk.toString();
      const match = /Carton listening on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      proc.stdout.off('data', onData);
      resolve({
        url: match[1],
        /** The server process, to read its CPU time from /proc (bench/photo/small.mjs). */
        pid: proc.pid,
        stop() {
          proc.kill('SIGKILL');
          rmSync(dataDir, { recursive: true, force: true });
        },
      });
    };
    proc.stdout.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}): is it built?`)));
  });
}
