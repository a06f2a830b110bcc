import { defineConfig } from 'vitest/config';

// Browser tests (`npm run test:e2e`): one real server for the run (e2e/global-setup.ts), Chromium
// per file, files one after another (a server, a browser and the tests share two cores in CI).
// `npm test` does not run them: its config only includes src/ and bench/.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 40_000,
  },
});
