// What the browser benchmarks (bench/canvas, bench/export) share: the built Carton server on a free
// port with a fresh data directory and one territory board to draw on. Chromium is launched as the
// end-to-end tests launch it (tests/support/browser.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startServer(repoRoot: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'carton-bench-'));
  const proc = spawn(process.execPath, [join(repoRoot, 'apps/server/dist/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: 'localhost',
      CARTON_DATA_DIR: dataDir,
      CARTON_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server not ready')), 15_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Carton listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    stop() {
      proc.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchBoard {
  kind: string;
  id: string;
  edit: { token: string; url: string };
}

/** A forum with one territory (Kamouraska); its territory board, blank (no seed template). */
export async function createTerritoryBoard(serverUrl: string): Promise<BenchBoard> {
  const forum = (await (
    await fetch(`${serverUrl}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Banc d’essai',
        territories: ['Kamouraska'],
        templates: false,
      }),
    })
  ).json()) as { boards: BenchBoard[] };
  return forum.boards.find((b) => b.kind === 'territory')!;
}
