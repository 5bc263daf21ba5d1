import type { RenderedLine } from './line.js';

/** Lines as plain text: no styles, no escape sequences, trailing spaces trimmed. */
export function toPlainText(lines: RenderedLine[]): string {
  return lines.map(lineToPlain).join('\n');
}

export function lineToPlain(line: RenderedLine): string {
  return line.spans
    .map((span) => span.text)
    .join('')
    .trimEnd();
}
