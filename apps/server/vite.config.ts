import { defineConfig } from 'vite';

// `vite build --ssr src/main.ts` bundles workspace packages (source-only TypeScript) and keeps
// npm dependencies external, so Node 20 runs plain JavaScript.
export default defineConfig({
  build: {
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: '[name].js' } },
  },
  ssr: {
    noExternal: ['@carton/board'],
  },
});
