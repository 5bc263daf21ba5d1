/**
 * iTerm2's inline images (also WezTerm, Konsole and others): the file's own
 * bytes in base64, sized in cells, terminated by BEL.
 */
export function itermImage(bytes: Uint8Array, columns: number, rows: number): string {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return `\x1b]1337;File=inline=1;size=${bytes.length};width=${columns};height=${rows};preserveAspectRatio=1:${data}\x07`;
}
