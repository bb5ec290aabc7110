// Builds bench/canvas/fps.ts for Node (Vite SSR build: Node 20 cannot run TypeScript) and runs it.
// Needs the built client and server: `pnpm run build` first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const out = join(here, 'dist');
const build = spawnSync(
  'pnpm',
  ['--filter', '@carton/web', 'exec', 'vite', 'build', '--config', join(here, 'vite.config.mjs')],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const { main } = await import(pathToFileURL(join(out, 'fps.js')).href);
await main(root);
// Sockets and timers of the seeding client may linger: the measurement is done.
process.exit(0);
