// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['bin/**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
  { files: ['.dependency-cruiser.cjs'], languageOptions: { globals: globals.node, sourceType: 'commonjs' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Editor feedback for the dependency rules; the full set (layers, cycles) is .dependency-cruiser.cjs.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/test/**'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer runs in a browser.' },
            {
              regex: '^(\\.\\./)+core/(?!api/)',
              message: 'The renderer may import only the API types from core/api.',
            },
            {
              group: ['**/electron/**', '**/cli/**'],
              message: 'The renderer talks to the station through core/api.',
            },
          ],
        },
      ],
    },
  },
);
