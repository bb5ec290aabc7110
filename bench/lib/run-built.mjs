// A browser benchmark's runner: builds its TypeScript for Node with its Vite config (Vite SSR
// build: Node 20 cannot run TypeScript), then runs the built entry's `main(root)`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root (bench/lib/../..). */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Builds `configPath` (from the web package, whose Vite it uses) and runs `entry`'s main. */
export async function buildAndRun(configPath, entry) {
  const build = spawnSync(
    'pnpm',
    ['--filter', '@carton/web', 'exec', 'vite', 'build', '--config', configPath],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { main } = await import(pathToFileURL(entry).href);
  await main(ROOT);
}
