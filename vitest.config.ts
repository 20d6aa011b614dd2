import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
    pool: 'forks',
    globalSetup: ['testing/vitest-temp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
