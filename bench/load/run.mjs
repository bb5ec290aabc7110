// Builds bench/load/load.ts for Node (Vite SSR build: Node 20 cannot run TypeScript) and runs it.
// Needs the built client and server: `pnpm run build` first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const build = spawnSync(
  'pnpm',
  ['--filter', '@carton/web', 'exec', 'vite', 'build', '--config', join(here, 'vite.config.mjs')],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const { main } = await import(pathToFileURL(join(here, 'dist', 'load.js')).href);
await main(root);
process.exit(0);
