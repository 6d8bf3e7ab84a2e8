import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'specs', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // `_`-prefixed names mark values deliberately left out (e.g. a Blob split off a record).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The domain core stays pure: no React, no storage, no DOM.
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'domain/ is pure: no React.' },
            { group: ['dexie', 'dexie-*'], message: 'domain/ is pure: no storage.' },
            { group: ['**/storage/**', '**/ui/**', '**/bundle/**'], message: 'domain/ depends on nothing above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'],
    },
  },
  {
    // Only the storage layer talks to Dexie.
    files: ['src/ui/**/*.{ts,tsx}', 'src/bundle/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie'], message: 'Use src/storage, not Dexie directly.' }] }],
    },
  },
);
