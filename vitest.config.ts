import { defineConfig } from 'vitest/config';

/** The time each test and hook may take, in seconds: what it needs on a 2-core machine busy with other work, with room to spare. */
const limit = (seconds: number) => ({ testTimeout: seconds * 1000, hookTimeout: seconds * 1000 });

/** What the tests that start the built program share: it is built again when src/ is newer, and what they start is ended with them. */
const programs = {
  globalSetup: ['test/setup/build.ts'],
  setupFiles: ['test/setup/cleanup.ts'],
};

export default defineConfig({
  test: {
    // One temporary folder for the whole run, removed at its end.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        // Pure code and the Ink app in this process: no program is started. The one to run on every save.
        test: { name: 'unit', include: ['test/*.test.ts', 'test/*.test.tsx'], ...limit(30) },
      },
      {
        // The command line as a process: exit codes, closed pipes, what it loads; and the real articles.
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts', 'test/real/**/*.test.ts'],
          ...programs,
          globalSetup: [...programs.globalSetup, 'test/setup/real-corpus.ts'],
          ...limit(60),
        },
      },
      {
        // The browser in a real terminal (tmux).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          ...programs,
          globalSetup: [...programs.globalSetup, 'test/setup/tmux.ts'],
          ...limit(120),
        },
      },
      {
        // Sizes past the call stack, thousands of articles, and runs repeated to catch a race.
        test: { name: 'stress', include: ['test/stress/**/*.test.ts'], ...programs, ...limit(300) },
      },
    ],
  },
});
