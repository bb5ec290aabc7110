// Builds bench/canvas/fps.ts for Node (Vite SSR build: Node 20 cannot run TypeScript) and runs it,
// then outline.ts (« Contenu » on the same board). `node bench/canvas/run.mjs outline` runs only
// the latter. Needs the built client and server: `pnpm run build` first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const out = join(here, 'dist');
const only = process.argv[2];
const steps = [
  { name: 'fps', config: 'vite.config.mjs', entry: join(out, 'fps.js') },
  { name: 'outline', config: 'vite.outline.config.mjs', entry: join(out, 'outline', 'outline.js') },
].filter((step) => !only || step.name === only);
for (const step of steps) {
  const build = spawnSync(
    'pnpm',
    ['--filter', '@carton/web', 'exec', 'vite', 'build', '--config', join(here, step.config)],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { main } = await import(pathToFileURL(step.entry).href);
  await main(root);
}
// Sockets and timers of the seeding client may linger: the measurement is done.
process.exit(0);
