// Vite SSR build of the first-load benchmark (see bench/lib/vite-ssr.mjs).
import { fileURLToPath } from 'node:url';
import { browserBenchConfig } from '../lib/vite-ssr.mjs';

export default browserBenchConfig(fileURLToPath(new URL('.', import.meta.url)), 'load.ts');
