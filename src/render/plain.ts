import type { RenderedLine } from './line.js';

/** Lines as plain text: no styles, no escape sequences, trailing spaces trimmed. */
export function toPlainText(lines: RenderedLine[]): string {
  return lines
    .map((line) =>
      line.spans
        .map((span) => span.text)
        .join('')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}
