// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'HTMLElement',
  'requestAnimationFrame',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: { ...globals.node },
    },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The board model is pure: no app code, no DOM, no React, no rendering.
    files: ['packages/board/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@carton/web',
                '@carton/server',
                '@carton/tests',
                '**/apps/**',
                '**/tests/**',
              ],
              message: 'packages/board imports no app code.',
            },
            {
              group: [
                'react',
                'react-*',
                'konva',
                'zustand',
                'hono',
                'ws',
                'better-sqlite3',
                'y-websocket',
              ],
              message: 'packages/board is pure: no UI, no server, no network.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    // The renderer draws for the server and the editor alike: no app code, no UI framework,
    // no DOM (it must run in Node); only src/node.ts touches Node's file system.
    files: ['packages/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carton/web', '@carton/server', '**/apps/**', '**/tests/**'],
              message: 'packages/render imports no app code.',
            },
            {
              group: ['react', 'react-*', 'konva', 'zustand', 'hono', 'ws', 'better-sqlite3'],
              message: 'packages/render is pure: no UI, no server.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carton/web', '**/apps/web/**', 'react', 'react-dom', 'konva'],
              message: 'The server imports no client code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The relay core takes a WebSocketLike: only the adapter knows Hono and ws.
    files: ['apps/server/src/relay/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*', 'ws', '**/http/**'],
              message: 'The relay core never imports Hono or ws.',
            },
          ],
        },
      ],
    },
  },
  {
    // A test writes under the repository or a temporary folder, never at a path of one machine.
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/(work|root|home)\\//]',
          message:
            'A path of one machine: use SHOTS (tests/support/server.ts) or a temporary folder.',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/(work|root|home)\\//]',
          message:
            'A path of one machine: use SHOTS (tests/support/server.ts) or a temporary folder.',
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carton/server', '**/apps/server/**', 'better-sqlite3', 'hono'],
              message: 'The client imports no server code.',
            },
          ],
        },
      ],
    },
  },
);
