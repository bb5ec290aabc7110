// The Vite SSR build of a browser benchmark for Node 20 (which cannot run TypeScript): one entry
// built into dist/ beside it, @carton/board bundled, npm packages left external (resolved from
// bench/).
export function browserBenchConfig(root, entry) {
  return {
    root,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir: 'dist',
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        external: [
          'playwright-core',
          'yjs',
          'y-websocket',
          'ws',
          'lib0',
          /^lib0\//,
          /^y-protocols/,
        ],
      },
    },
    ssr: { noExternal: ['@carton/board'] },
  };
}
