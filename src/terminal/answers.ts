/**
 * Keys and terminal answers arrive on the same input. A terminal answers a
 * query (kitty's graphics query, the device attributes, the cell size, a
 * colour) with an escape sequence of a known shape, early or late, whole or
 * cut across reads; read as keys, `ESC _ G i=31;OK ESC \` would be a `G` and
 * jump to the end of the list. This takes the answers out by their shape,
 * wherever they arrive, and leaves every other byte in order.
 */

/** What a read of input holds: the keys, the answers, and the start of a sequence not yet complete. */
export interface SplitInput {
  keys: string;
  answers: string[];
  /** An escape sequence cut off at the end of the read: wait for more before deciding. */
  pending: string;
}

/**
 * Answers, each anchored at an ESC: string controls (APC for kitty graphics,
 * DCS, OSC for colours) up to their terminator, and the CSI reports of device
 * attributes (`?…c`, `>…c`), window and cell sizes (`…;…;…t`), modes (`?…$y`)
 * and keyboard flags (`?…u`); and mouse reports (`<…M`, `<…m`), which are
 * not keys either.
 */
const ANSWER =
  /^(?:\x1b[_P\]][\s\S]*?(?:\x1b\\|\x07)|\x1b\[[?>][\d;]*c|\x1b\[\d+;\d+;\d+t|\x1b\[\?[\d;]*\$y|\x1b\[\?\d+u|\x1b\[<\d+;\d+;\d+[Mm])/;

/** The start of something that could still become an answer: hold it until more comes. */
const UNFINISHED = /^(?:\x1b|\x1b[_P\]][\s\S]*|\x1b\[[?>]?[\d;$]*|\x1b\[<[\d;]*)$/;

/** The most held back waiting for a sequence to end: beyond it, it was never an answer. */
const MAX_PENDING = 4096;

/** Splits `pending` (held from the last read) plus `chunk` into keys and answers. Bytes are Latin-1 characters. */
export function splitInput(pending: string, chunk: string): SplitInput {
  const text = pending + chunk;
  const answers: string[] = [];
  let keys = '';
  let at = 0;
  while (at < text.length) {
    const escape = text.indexOf('\x1b', at);
    if (escape < 0) {
      keys += text.slice(at);
      break;
    }
    keys += text.slice(at, escape);
    const rest = text.slice(escape);
    const answer = ANSWER.exec(rest);
    if (answer) {
      answers.push(answer[0]);
      at = escape + answer[0].length;
      continue;
    }
    if (UNFINISHED.test(rest) && rest.length < MAX_PENDING) return { keys, answers, pending: rest };
    keys += '\x1b';
    at = escape + 1;
  }
  return { keys, answers, pending: '' };
}
