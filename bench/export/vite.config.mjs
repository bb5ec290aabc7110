// Vite SSR build of the export benchmark: npm packages stay external (resolved from bench/).
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default {
  root: here,
  logLevel: 'warn',
  build: {
    ssr: 'export.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      external: ['playwright-core', 'yjs', 'y-websocket', 'ws', 'lib0', /^lib0\//, /^y-protocols/],
    },
  },
  ssr: { noExternal: ['@carton/board'] },
};
