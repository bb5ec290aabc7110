// Builds bench/canvas/fps.ts for Node and runs it, then outline.ts (« Contenu » on the same
// board; bench/lib/run-built.mjs). `node bench/canvas/run.mjs outline` runs only the latter.
// Needs the built client and server: `pnpm run build` first.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildAndRun } from '../lib/run-built.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'dist');
const only = process.argv[2];
const steps = [
  { name: 'fps', config: 'vite.config.mjs', entry: join(out, 'fps.js') },
  { name: 'outline', config: 'vite.outline.config.mjs', entry: join(out, 'outline', 'outline.js') },
].filter((step) => !only || step.name === only);
for (const step of steps) await buildAndRun(join(here, step.config), step.entry);
// Sockets and timers of the seeding client may linger: the measurement is done.
process.exit(0);
