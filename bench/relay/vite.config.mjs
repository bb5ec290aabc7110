// Vite SSR build of the relay, wire and plenary benchmarks for Node 20 (which cannot run
// TypeScript): @carton/board is bundled, npm packages stay external (resolved from bench/).
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default {
  root: here,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { relay: 'relay.ts', wire: 'wire.ts', plenary: 'plenary.ts' },
      external: ['yjs', 'y-websocket', 'ws', 'lib0', /^lib0\//, /^y-protocols/, /^node:/],
      output: { entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: ['@carton/board'] },
};
