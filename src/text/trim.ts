/**
 * White space at the end of a text, found by walking back from its end. A
 * pattern anchored at the end (`/\s+$/`) tries every start inside a run of
 * white space, so a run of 100 000 spaces before a letter costs 10^10 steps.
 */
const EDGE_SPACE = /[\s\u200b]/;

/** How many characters of white space (zero-width spaces included) end `text`. */
export function trailingSpaceLength(text: string): number {
  let end = text.length;
  while (end > 0 && EDGE_SPACE.test(text[end - 1]!)) end--;
  return text.length - end;
}

/** `text` without the white space (zero-width spaces included) it ends with. */
export function trimEndSpace(text: string): string {
  const length = trailingSpaceLength(text);
  return length === 0 ? text : text.slice(0, text.length - length);
}

/** `text` without the spaces (U+0020 only) it ends with. */
export function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}
