import { defineConfig } from 'vite';

// `vite build --ssr` bundles the workspace packages (source-only TypeScript) and the npm
// dependencies written in JavaScript, so Node 20 runs plain JavaScript from a few files instead
// of resolving and loading hundreds from node_modules: a start took ~1.2 s of CPU and ~0.8 s to
// listen, now ~0.6 s and ~0.4 s (28 November). Three entries: the server (dist/main.js), the
// command line for export/import (dist/cli.js) and the worker thread a board import's work runs
// in (dist/board-file-worker.js, src/archive/off-thread.ts).
export default defineConfig({
  build: {
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        main: 'src/main.ts',
        cli: 'src/cli/cli.ts',
        'board-file-worker': 'src/archive/board-file-worker.ts',
      },
      output: {
        entryFileNames: '[name].js',
        // Modules shared by several entries (else named after whichever module came first).
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js',
      },
    },
  },
  ssr: {
    noExternal: true,
    // Loaded from node_modules as they are: native addons (better-sqlite3, resvg, sharp and its
    // libvips from @img/sharp-*), the clients only a server on PostgreSQL or Redis loads
    // (http/server.ts imports them when configured), and CommonJS packages that require
    // optional native helpers or their own files at run time (ws, yauzl).
    external: ['better-sqlite3', '@resvg/resvg-js', 'sharp', 'pg', 'redis', 'ws', 'yauzl'],
  },
});
