// Vite SSR build of the « Contenu » benchmark (see bench/lib/vite-ssr.mjs), beside fps.js.
import { fileURLToPath } from 'node:url';
import { browserBenchConfig } from '../lib/vite-ssr.mjs';

const config = browserBenchConfig(fileURLToPath(new URL('.', import.meta.url)), 'outline.ts');
export default { ...config, build: { ...config.build, outDir: 'dist/outline' } };
