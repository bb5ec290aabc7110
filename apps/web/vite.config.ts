import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Already compressed (or only read by developer tools): no siblings. */
const SKIP = new Set([
  '.br',
  '.gz',
  '.map',
  '.woff2',
  '.woff',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.gif',
]);

/** Written beside, then renamed: a server reading the folder never sends half a sibling. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${path}.part`, bytes);
  await rename(`${path}.part`, path);
}

/**
 * Writes `x.br` and `x.gz` beside each built file worth compressing, which the server sends to a
 * client that accepts them (apps/server/src/http/content-encoding.ts). Compressed ONCE here rather
 * than by the server: Brotli's best quality takes seconds for the board chunk (far too slow per
 * request, or lazily while 100 phones join at the same minute), and here it costs the build ~3 s.
 * Written after the file, so a sibling is never older than its file (the server checks that).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'carton-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const names = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !SKIP.has(extname(entry.name).toLowerCase()))
        .map((entry) => join(entry.parentPath, entry.name));
      await Promise.all(
        names.map(async (name) => {
          const bytes = await readFile(name);
          if (bytes.length < 1024) return; // a packet either way
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzipAsync(bytes, { level: 9 }),
          ]);
          // Siblings that save less than 10 % are not worth a Vary-split cache entry.
          if (br.length < bytes.length * 0.9) await writeWhole(`${name}.br`, br);
          if (gz.length < bytes.length * 0.9) await writeWhole(`${name}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * Moves the built page's stylesheets from its head to the end of its body. In the head they
 * block the first paint: on a venue's overloaded wifi (400 kbps, 400 ms) the 8 kB stylesheet,
 * shared with the entry's scripts, came at ~1.6 s, and index.html's loading screen (« Carton,
 * Chargement… », styled inline) waited for it on a blank page. At the end of the body the page
 * above is painted at once; the scripts still run only once the stylesheets are in (a module
 * script waits for every stylesheet the parsed page holds), so the app never shows unstyled.
 */
function stylesheetsAfterContent(html: string): string {
  const sheets: string[] = [];
  const head = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, (link) => {
    sheets.push(link.trim());
    return '';
  });
  if (sheets.length === 0) return html;
  return head.replace('</body>', `  ${sheets.join('\n    ')}\n  </body>`);
}

function stylesheetsLast(): Plugin {
  return {
    name: 'carton-stylesheets-last',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: stylesheetsAfterContent },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), stylesheetsLast()],
  resolve: {
    alias: [
      // react-konva over Konva's core and the nodes Carton draws, not every Konva node and filter
      // (src/shapes/common/konvaCore.ts): 48 kB less minified (11 kB brotli) before a board's
      // first frame.
      {
        find: /^react-konva$/,
        replacement: fileURLToPath(new URL('./src/shapes/common/konvaCore.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The board model (@carton/board) is one index re-exporting every part; its modules have
        // no side effects of their own, so a page takes only the parts it uses. Otherwise the
        // board route's shared chunk carried what only the import and export dialogs use (the
        // board file's and other tools' importers, CSV, Excalidraw), loaded before the first frame.
        moduleSideEffects: [{ test: /\/packages\/board\/src\//, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      '/sync': { target: 'ws://localhost:8787', ws: true },
    },
  },
});
