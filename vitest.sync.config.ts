import { defineConfig } from 'vitest/config';

// Sync transport tests against a real S3 server: one throwaway Ceph RADOS Gateway for the whole run
// (tests/sync/globalSetup.ts starts it and stops exactly its own processes afterwards).
export default defineConfig({
  test: {
    include: ['tests/sync/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/sync/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
