import { defineConfig } from 'vitest/config';

// Tests run on real databases on shared machines: a generous timeout, since speed is measured in bench/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
