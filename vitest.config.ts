import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
    pool: 'forks',
    // Two files at a time on two cores: most files wait on the processes they spawn, and the suite
    // takes half the time (about 3.5 instead of 7 minutes here). Every wait is bounded, never timed.
    maxWorkers: 2,
    globalSetup: ['testing/vitest-temp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
