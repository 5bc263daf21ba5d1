import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, graphemes } from '../text/width.js';
import { Lines } from './Lines.js';
import type { Prompt } from './prompt.js';
import { paint } from '../render/theme.js';
import { useLook } from './hooks/use-look.js';
import type { Look } from './look.js';
import { statusLine, type Hint } from './status.js';

interface Props {
  width: number;
  /** What is shown: counts, filter, position. */
  left: string;
  /** Key hints, dropped first when space is short (`? help` last). */
  right: readonly Hint[];
  /** A line being typed replaces the bar. */
  prompt: Prompt | null;
  /** Said at the right of the line being typed, where there is room (how far a search is). */
  note?: string | null;
}

export function StatusBar({ width, left, right, prompt, note }: Props) {
  const look = useLook();
  if (prompt) {
    // The note keeps to the right, and gives way when the typing needs the room.
    const said = note ? sanitizeLine(note) : '';
    const room = width - displayWidth(said) - 2;
    if (!said || room < displayWidth(prompt.label) + 20)
      return <Lines lines={[promptLine(prompt, width, look)]} />;
    const typed = promptLine(prompt, room, look);
    const gap = ' '.repeat(Math.max(2, width - displayWidth(said) - displayWidth(stripped(typed))));
    return <Lines lines={[`${typed}${gap}${paint(said, { dim: true }, look.palette)}`]} />;
  }
  return <Lines lines={[statusLine(width, left, right, look)]} />;
}

/** A line without its colour sequences, for measuring. */
function stripped(line: string): string {
  return line.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * The prompt as typed: its label, the text (inverse while the offered line is
 * selected), and the cursor drawn as an inverse cell; a line too long for the
 * width shows the part around the cursor.
 */
function promptLine(prompt: Prompt, width: number, { palette }: Look): string {
  const characters = graphemes(sanitizeLine(prompt.text));
  const cursor = Math.min(prompt.cursor, characters.length);
  // The label is broadsheet's own words (a question may quote a count); only the text is typed.
  const label = prompt.label;
  const room = Math.max(1, width - displayWidth(label) - 1);
  // The characters shown: from `start`, as many as fit, the cursor among them.
  let start = 0;
  const widthOf = (from: number, to: number) => displayWidth(characters.slice(from, to).join(''));
  while (start < cursor && widthOf(start, cursor) + 1 > room) start++;
  let end = cursor;
  while (end < characters.length && widthOf(start, end + 1) + 1 <= room) end++;
  const before = characters.slice(start, cursor).join('');
  const under = characters[cursor] ?? ' ';
  const after = characters.slice(cursor + 1, end).join('');
  const inverse = (text: string) => paint(text, { inverse: true }, palette);
  if (prompt.selected)
    return `${label}${inverse(characters.slice(start, end).join(''))}${inverse(' ')}`;
  return `${label}${before}${inverse(under)}${after}`;
}
