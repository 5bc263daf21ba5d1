import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth } from '../text/width.js';
import { Lines } from './Lines.js';
import { paint } from '../render/theme.js';
import { statusLine } from './status.js';

interface Props {
  width: number;
  /** What is shown: counts, filter, position. */
  left: string;
  /** Key hints, dropped first when space is short. */
  right: string;
  /** A line being typed replaces the bar. */
  prompt: { label: string; text: string } | null;
}

export function StatusBar({ width, left, right, prompt }: Props) {
  if (prompt) {
    const text = `${prompt.label}${sanitizeLine(prompt.text)}`;
    const shown = displayWidth(text) + 1 > width ? `…${truncateTail(text, width - 2)}` : text;
    return <Lines lines={[`${shown}${paint(' ', { inverse: true })}`]} />;
  }
  return <Lines lines={[statusLine(width, left, right)]} />;
}

/** The end of `text` that fits in `width` columns: a long prompt shows where the cursor is. */
function truncateTail(text: string, width: number): string {
  const characters = [...text];
  let out = '';
  for (let i = characters.length - 1; i >= 0; i--) {
    if (displayWidth(characters[i]! + out) > width) break;
    out = characters[i]! + out;
  }
  return out;
}
