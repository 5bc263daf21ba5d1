import { afterEach } from 'vitest';
import { closeSessions } from '../e2e/tmux.js';
import { stopPrograms } from '../helpers.js';

// Whatever a test started ends with it, passed, failed or out of time: no program is left running
// for the next test to compete with, and none keeps the test process from ending.
afterEach(() => {
  stopPrograms();
  closeSessions();
});
