import { spawnSync } from 'node:child_process';
import {
  constants,
  accessSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statfsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bodyIndexAvailable } from '../src/corpus/body-index.js';

/**
 * The whole run gets one temporary folder of its own (TMPDIR for the tests and
 * every program they start, tmux's sockets included), removed when the run
 * ends, with any tmux server a test left running: a run leaves nothing behind.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(path.join(temporaryBase(), 'broadsheet-tests-'));
  const saved = {
    TMPDIR: process.env.TMPDIR,
    TMUX_TMPDIR: process.env.TMUX_TMPDIR,
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
  };
  process.env.TMPDIR = folder;
  // tmux keeps its sockets in a folder of its own under this one.
  process.env.TMUX_TMPDIR = folder;
  // No test reads the configuration of whoever runs the tests; those about it write their own.
  // A folder that is not there, inside the run's: what a test writes there goes with the run.
  process.env.XDG_CONFIG_HOME = path.join(folder, 'no-configuration');
  if (!bodyIndexAvailable())
    console.log(
      `\nbody index: Node ${process.version} has no node:sqlite; the tests of the SQLite body index are skipped (they run on Node 22.13 and later, as CI does on 24), body search is tested by reading bodies\n`,
    );
  return () => {
    stopTmuxServers(folder);
    rmSync(folder, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * In memory (/dev/shm) where it has room, else the system's temporary folder:
 * the tests write folders of many thousand files and remove them again, which
 * a disk shared with other work makes slow (130 000 folders took minutes to
 * remove), and the tests would then measure the disk.
 */
function temporaryBase(): string {
  const memory = '/dev/shm';
  try {
    accessSync(memory, constants.W_OK);
    const { bavail, bsize } = statfsSync(memory);
    if (bavail * bsize >= 2 * 1024 ** 3) return memory;
  } catch {
    // Not here, or not ours to write in.
  }
  return tmpdir();
}

/** Every tmux server whose socket is in `folder` (one a terminal test), stopped. */
function stopTmuxServers(folder: string): void {
  const sockets = path.join(folder, `tmux-${process.getuid?.() ?? 0}`);
  if (!existsSync(sockets)) return;
  for (const name of readdirSync(sockets))
    spawnSync('tmux', ['-L', name, 'kill-server'], {
      env: { ...process.env, TMUX_TMPDIR: folder },
      stdio: 'ignore',
    });
}
