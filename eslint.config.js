import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Only the storage layer talks to Dexie. */
const dexieRule = { group: ['dexie'], message: 'Use src/storage, not Dexie directly.' };

/** What a layer may not import: every layer above it. */
function layerRules(layer) {
  const above = { storage: ['bundle', 'sync', 'ui'], bundle: ['sync', 'ui'], sync: ['ui'] }[layer];
  return above.map((name) => ({
    group: [`**/${name}`, `**/${name}/**`],
    message: `${layer}/ may not import ${name}/ (layers point one way).`,
  }));
}

/** Another layer is entered through its index: `../storage`, never `../storage/db`. */
function throughIndexOnly(layer) {
  return [
    {
      group: [`**/${layer}/*`, `**/${layer}/**/*`],
      message: `Import ${layer}/ through its index, not a file inside it.`,
    },
  ];
}

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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
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
            {
              group: [
                '**/storage',
                '**/storage/**',
                '**/ui',
                '**/ui/**',
                '**/bundle',
                '**/bundle/**',
                '**/sync',
                '**/sync/**',
              ],
              message: 'domain/ depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'],
    },
  },
  {
    // Layers point one way (domain ← storage ← bundle ← sync ← ui), and each layer is entered through its index only.
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...layerRules('storage'), ...throughIndexOnly('domain')] }],
    },
  },
  {
    files: ['src/bundle/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [dexieRule, ...layerRules('bundle'), ...throughIndexOnly('domain'), ...throughIndexOnly('storage')],
        },
      ],
    },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dexieRule,
            ...layerRules('sync'),
            ...throughIndexOnly('domain'),
            ...throughIndexOnly('storage'),
            ...throughIndexOnly('bundle'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dexieRule,
            ...throughIndexOnly('domain'),
            ...throughIndexOnly('storage'),
            ...throughIndexOnly('bundle'),
            ...throughIndexOnly('sync'),
          ],
        },
      ],
    },
  },
);
