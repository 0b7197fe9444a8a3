import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/remove-scratch-dirs.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: true,
    // Vitest leaves one core free by default, which on a 2-core CI machine runs one file at a time;
    // the browser and build tests wait on their child processes often enough that one file per
    // core finishes sooner (pipeline and browser tiers on 2 cores: 626 s, against about 780 s).
    maxWorkers: availableParallelism(),
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
