import process from 'node:process';
import { reason } from '../files/errors.js';

/** A stream the program writes to, with what a terminal adds when it is one. */
export type OutputStream = NodeJS.WritableStream & {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
};

/**
 * Where a run of the program writes: the process's own stdout and stderr, or
 * the streams given to `main` (a program running the command line in itself,
 * as the tests do). Whether the output is a terminal is the stream's to say.
 */
export interface Output {
  stdout: OutputStream;
  stderr: OutputStream;
}

let output: Output = process;

/** The streams of the run in progress. */
export function outputStreams(): Output {
  return output;
}

/** Makes `next` the streams written to; gives back those it replaces. */
export function setOutput(next: Output): Output {
  const previous = output;
  output = next;
  return previous;
}

const guarded = new WeakSet<OutputStream>();

/**
 * A reader that goes away (`broadsheet list | head`) ends the program quietly
 * with success, as `cat` and `grep` do.
 */
export function endQuietlyOnClosedPipe({ stdout, stderr } = output): void {
  if (!guarded.has(stdout)) {
    guarded.add(stdout);
    stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
      // A full disk, a device that fails: one line, and the output is known to be incomplete.
      stderr.write(`broadsheet: cannot write the output: ${reason(error)}\n`);
      process.exit(1);
    });
  }
  if (!guarded.has(stderr)) {
    guarded.add(stderr);
    // Nowhere is left to say anything: end with failure, quietly.
    stderr.on('error', () => process.exit(1));
  }
}

/** Writes to stdout, waiting when the pipe is full so memory stays flat. */
export function writeOut(text: string): Promise<void> | void {
  const { stdout } = output;
  if (stdout.write(text)) return;
  return new Promise((resolve) => stdout.once('drain', resolve));
}

/** Writes to stderr: messages, never the output. */
export function writeErr(text: string): void {
  output.stderr.write(text);
}

/** `broadsheet: warning: PATH: REASON`, one line on stderr. */
export function warn(message: string): void {
  writeErr(`broadsheet: warning: ${message}\n`);
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
      if (!output.stderr.isTTY || now - started < 500 || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      writeErr(`\r\x1b[2K${label} ${done}/${total}`);
    },
    end() {
      if (shown) writeErr('\r\x1b[2K');
    },
  };
}
