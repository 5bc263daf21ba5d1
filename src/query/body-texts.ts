import { readBodyText } from '../corpus/body.js';

/** Whether the file's body holds each of the texts: 1 or 0 at `flags[at + k]` for `texts[k]`. */
export function markTexts(
  absolutePath: string,
  texts: readonly string[],
  flags: Uint8Array,
  at: number,
  markdownToHtml: ((markdown: string) => string) | null,
): void {
  const body = readBodyText(absolutePath, markdownToHtml);
  texts.forEach((text, k) => {
    flags[at + k] = body.includes(text) ? 1 : 0;
  });
}
