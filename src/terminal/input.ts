import { Readable } from 'node:stream';
import { splitInput } from './answers.js';

/**
 * How long the start of an escape sequence waits for the rest before it counts
 * as keys: a lone Esc briefly; the start of a string control (`ESC _`, `ESC P`,
 * `ESC ]`), which no key but a rare Alt chord begins, as long as an answer
 * cut by a slow connection could take.
 */
const SEQUENCE_WAIT_MS = 40;
const STRING_WAIT_MS = 1000;

/** Ctrl+Z: in raw mode the terminal sends it as a byte, not a signal. */
const SUSPEND = '\x1a';

/**
 * The keyboard from the moment the browser starts: the terminal is put in raw,
 * no-echo mode at once, and every byte typed is kept, in order, until the app
 * reads it (this is the stream Ink reads keys from). Terminal answers are taken
 * out by their shape, early or late, and handed to whoever asked; Ctrl+Z is
 * handed to the suspend handler.
 */
export class TerminalInput extends Readable {
  readonly isTTY = true;
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  /** Reads so far: a wait for the rest of a sequence belongs to the read that started it. */
  private reads = 0;
  private readonly answerListeners = new Set<(answer: string) => void>();
  private stopped = false;

  constructor(
    private readonly tty: NodeJS.ReadStream,
    private readonly onSuspend: () => void = () => {},
  ) {
    super();
    tty.setRawMode(true);
    tty.on('data', this.onData);
    tty.resume();
  }

  get isRaw(): boolean {
    return true;
  }

  /** The terminal stays raw while the browser runs; Ink's own switches are not needed. */
  setRawMode(): this {
    return this;
  }

  override _read(): void {}

  /** Calls `listener` with each terminal answer until the returned function is called. */
  onAnswer(listener: (answer: string) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  ref(): this {
    this.tty.ref();
    return this;
  }

  unref(): this {
    this.tty.unref();
    return this;
  }

  /** Stops reading the terminal for a while: another program reads it. */
  pauseReading(): void {
    clearTimeout(this.timer);
    this.tty.off('data', this.onData);
    this.tty.pause();
  }

  /** Reads the terminal again, raw, after `pauseReading`. */
  resumeReading(): void {
    if (this.stopped) return;
    this.tty.setRawMode(true);
    this.tty.on('data', this.onData);
    this.tty.resume();
  }

  /** Stops reading the terminal: it is left to whoever restores it. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.tty.off('data', this.onData);
    this.tty.pause();
    this.tty.unref();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    clearTimeout(this.timer);
    this.reads++;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const split = splitInput(this.pending, text);
    this.pending = split.pending;
    for (const answer of split.answers)
      for (const listener of this.answerListeners) listener(answer);
    this.pushKeys(split.keys);
    if (this.pending) {
      // After the wait, one more turn of the event loop: input that came while the program was busy
      // (loading, drawing) is read in that turn's poll, before the sequence is given up as keys.
      const read = this.reads;
      this.timer = setTimeout(
        () =>
          setImmediate(() => {
            if (read !== this.reads || !this.pending) return;
            const keys = this.pending;
            this.pending = '';
            this.pushKeys(keys);
          }),
        /^\x1b[_P\]]/.test(this.pending) ? STRING_WAIT_MS : SEQUENCE_WAIT_MS,
      );
    }
  };

  private pushKeys(keys: string): void {
    if (!keys) return;
    const parts = keys.split(SUSPEND);
    parts.forEach((part, i) => {
      if (i > 0) this.onSuspend();
      if (part) this.push(Buffer.from(part, 'latin1'));
    });
  }
}
