import { defineConfig } from 'vitest/config';

/** The time each test and hook may take, in seconds: what it needs on a 2-core machine busy with other work, with room to spare. */
const limit = (seconds: number) => ({ testTimeout: seconds * 1000, hookTimeout: seconds * 1000 });

/**
 * The projects run one after another, in this order (the quick ones first),
 * each two files at a time: its tests wait on programs and terminals as much
 * as they compute.
 */
const inTurn = (turn: number) => ({ sequence: { groupOrder: turn }, maxWorkers: 2 });

/** The tests that start the built program: it is built again when src/ is newer, and what they start ends with them. */
const programs = (...setups: string[]) => ({
  globalSetup: ['test/setup/build.ts', ...setups],
  setupFiles: ['test/setup/cleanup.ts'],
});

export default defineConfig({
  test: {
    // One temporary folder for the whole run, removed at its end.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        // Pure code, the Ink app, and the command line run in this process (runMain): no program
        // is started. The one to run on every save. The files of a worker share their modules
        // (loading Ink and React once a worker, not once a file, halves the run): a test that
        // changes a module's state puts it back, and runMain loads the command line afresh.
        test: {
          name: 'unit',
          isolate: false,
          include: ['test/*.test.ts', 'test/*.test.tsx'],
          ...inTurn(1),
          ...limit(30),
        },
      },
      {
        // The command line as a process: exit codes, closed pipes, what it loads, the launcher;
        // and the real articles, when they are beside the project.
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts', 'test/real/**/*.test.ts'],
          ...programs('test/setup/real-corpus.ts'),
          ...inTurn(2),
          ...limit(60),
        },
      },
      {
        // The browser in a real terminal (tmux).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          ...programs('test/setup/tmux.ts'),
          ...inTurn(3),
          ...limit(120),
        },
      },
      {
        // Sizes past the call stack, thousands of articles, and runs repeated to catch a race.
        test: {
          name: 'stress',
          include: ['test/stress/**/*.test.ts'],
          ...programs(),
          ...inTurn(4),
          ...limit(300),
        },
      },
    ],
  },
});
