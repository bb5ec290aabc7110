// Builds bench/load/load.ts for Node and runs it (bench/lib/run-built.mjs).
// Needs the built client and server: `pnpm run build` first.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildAndRun } from '../lib/run-built.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
await buildAndRun(join(here, 'vite.config.mjs'), join(here, 'dist', 'load.js'));
process.exit(0);
