// Builds the relay benchmarks (Vite SSR build) and runs one of them in this process:
// `node bench/relay/run.mjs relay|wire|plenary`. Needs the built server (`pnpm run build`).
// Run it pinned to core 1 (`taskset -c 1`): the servers it starts are pinned to core 0.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const which = process.argv[2] ?? 'relay';
// Every WebsocketProvider adds a process 'exit' listener: hundreds of clients are expected.
process.setMaxListeners(0);
if (process.env.BENCH_SKIP_BUILD !== '1') {
  const build = spawnSync(
    'pnpm',
    [
      '--filter',
      '@carton/server',
      'exec',
      'vite',
      'build',
      '--config',
      join(here, 'vite.config.mjs'),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const { main } = await import(pathToFileURL(join(here, 'dist', `${which}.js`)).href);
await main();
process.exit(0);
