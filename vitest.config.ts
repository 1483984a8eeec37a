import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database tests share one PostgreSQL server when DATABASE_URL is set; each file makes its own schema.
    fileParallelism: true,
    setupFiles: ['test/setup/profile.ts', 'test/setup/msw.ts', 'test/setup/log-check.ts'],
  },
});
