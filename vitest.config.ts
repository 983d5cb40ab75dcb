import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Native modules (sharp, better-sqlite3, pdfjs' canvas) are safest in child processes, not threads.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
