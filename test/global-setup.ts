import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasRealCorpus, realCorpus } from './helpers.js';

/**
 * The whole run gets one temporary folder of its own (TMPDIR for the tests and
 * every program they start), removed when the run ends: a run leaves nothing
 * behind. And one line says when the real-corpus suite cannot run.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-tests-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  // tmux keeps its sockets in a folder of its own under this one.
  process.env.TMUX_TMPDIR = folder;
  // No test reads the configuration of whoever runs the tests; those about it write their own.
  process.env.XDG_CONFIG_HOME = '/nonexistent/broadsheet-test-config';
  if (!hasRealCorpus) {
    console.log(
      `\nreal corpus: ${realCorpus} is not there; the real-corpus suite (test/real/) is skipped\n`,
    );
  }
  return () => {
    rmSync(folder, { recursive: true, force: true });
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  };
}
