import { readBodySync, searchableText } from '../corpus/body.js';

/** A bit for each of up to 32 texts that the file's body holds. */
export function bodyMask(absolutePath: string, texts: readonly string[]): number {
  const body = searchableText(readBodySync({ absolutePath }));
  let mask = 0;
  texts.forEach((text, bit) => {
    if (body.includes(text)) mask |= 1 << bit;
  });
  return mask;
}
