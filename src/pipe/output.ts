import process from 'node:process';
import { reason } from '../files/errors.js';

let quietOnClosedPipe = false;

/**
 * A reader that goes away (`broadsheet list | head`) ends the program quietly
 * with success, as `cat` and `grep` do.
 */
export function endQuietlyOnClosedPipe(): void {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    // A full disk, a device that fails: one line, and the output is known to be incomplete.
    process.stderr.write(`broadsheet: cannot write the output: ${reason(error)}\n`);
    process.exit(1);
  });
  // Nowhere is left to say anything: end with failure, quietly.
  process.stderr.on('error', () => process.exit(1));
}

/** Writes to stdout, waiting when the pipe is full so memory stays flat. */
export function writeOut(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** `broadsheet: warning: PATH: REASON`, one line on stderr. */
export function warn(message: string): void {
  process.stderr.write(`broadsheet: warning: ${message}\n`);
}

/**
 * Progress for slow work: nothing on stdout, and a line on stderr only when
 * stderr is a terminal and the work has taken more than half a second.
 */
export function progressReporter(label: string): {
  update: (done: number, total: number) => void;
  end: () => void;
} {
  const started = Date.now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (!process.stderr.isTTY || now - started < 500 || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${label} ${done}/${total}`);
    },
    end() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
