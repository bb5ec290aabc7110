import { defineConfig } from 'vite';

// `vite build --ssr` bundles workspace packages (source-only TypeScript) and keeps npm
// dependencies external, so Node 20 runs plain JavaScript. Two entries: the server
// (dist/main.js) and the command line for export/import (dist/cli.js).
export default defineConfig({
  build: {
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'src/main.ts', cli: 'src/cli/cli.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
  ssr: {
    noExternal: ['@carton/board', '@carton/render'],
  },
});
