/** A mouse report, as terminals send them in SGR mode (1006). */
export interface MouseEvent {
  kind: 'press' | 'release' | 'wheelUp' | 'wheelDown' | 'drag';
  /** 0 left, 1 middle, 2 right. */
  button: number;
  /** The cell, counted from 1 at the top left. */
  column: number;
  row: number;
}

/** Turns on button and wheel reports in SGR form; and off again. */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

/** `ESC [ < b ; x ; y M` (press) or `m` (release): the event, or null for anything else. */
export function parseMouse(sequence: string): MouseEvent | null {
  const match = /^\x1b\[<(\d+);(\d+);(\d+)([Mm])$/.exec(sequence);
  if (!match) return null;
  const code = Number(match[1]);
  const column = Number(match[2]);
  const row = Number(match[3]);
  const button = code & 3;
  if (code & 64) return { kind: button === 0 ? 'wheelUp' : 'wheelDown', button, column, row };
  if (code & 32) return { kind: 'drag', button, column, row };
  return { kind: match[4] === 'M' ? 'press' : 'release', button, column, row };
}
